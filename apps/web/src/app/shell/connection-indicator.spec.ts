import { TestBed } from '@angular/core/testing';
import { ApiFailure } from '../core/api/api-failure';
import { ConnectionStatus } from '../core/polling/connection-status.service';
import { ConnectionIndicator } from './connection-indicator';

describe('ConnectionIndicator', () => {
  it('shows the last update time, and a retrying banner only while the server does not answer', async () => {
    const fixture = TestBed.createComponent(ConnectionIndicator);
    const connection = TestBed.inject(ConnectionStatus);
    const el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="last-update"]')?.textContent).toContain('—');

    connection.markSuccess(new Date(2025, 0, 2, 9, 30, 5).getTime());
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="last-update"]')?.textContent).toContain('09:30:05');

    connection.markFailure(new ApiFailure(404, 'NOT_FOUND', 'no such order'));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="connection-lost"]')).toBeNull();

    connection.markFailure(new ApiFailure(0, 'NETWORK_ERROR', 'The server did not answer.'));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="connection-lost"]')?.textContent).toContain(
      'CONNECTION LOST, RETRYING',
    );
    expect(el.querySelector('[data-testid="last-update"]')?.textContent).toContain('09:30:05');

    connection.markSuccess();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="connection-lost"]')).toBeNull();
  });
});
