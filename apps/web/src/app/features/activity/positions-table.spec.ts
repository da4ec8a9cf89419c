import { TestBed } from '@angular/core/testing';
import { PositionsTable } from './positions-table';
import type { PositionRow } from './activity.model';

const row: PositionRow = {
  symbol: 'AAPL',
  quantity: 0.254321,
  avgCost: 196.5,
  last: 201.25,
  marketValue: 51.18,
  unrealized: 1.21,
  unrealizedPct: 2.42,
  weightPct: 10.24,
};

describe('PositionsTable', () => {
  it('renders each position with money, signed P&L and P&L colouring', async () => {
    const fixture = TestBed.createComponent(PositionsTable);
    fixture.componentRef.setInput('rows', [
      row,
      { ...row, symbol: 'TSLA', unrealized: -3.5, unrealizedPct: -6.1 },
    ]);
    await fixture.whenStable();
    const cells = (symbol: string) =>
      Array.from(
        (fixture.nativeElement as HTMLElement).querySelectorAll(
          `[data-testid="position-${symbol}"] td`,
        ),
      ) as HTMLElement[];
    expect(cells('AAPL').map((c) => c.textContent?.trim())).toEqual([
      'AAPL',
      '0.254321',
      '$196.50',
      '$201.25',
      '$51.18',
      '+$1.21',
      '+2.42%',
      '10.2%',
    ]);
    expect(cells('AAPL')[5].className).toContain('gain');
    expect(cells('TSLA')[5].textContent?.trim()).toBe('-$3.50');
    expect(cells('TSLA')[6].className).toContain('loss');
  });

  it('says so when there are no positions', async () => {
    const fixture = TestBed.createComponent(PositionsTable);
    fixture.componentRef.setInput('rows', []);
    await fixture.whenStable();
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('[data-testid="positions-empty"]')
        ?.textContent,
    ).toContain('No open positions');
  });
});
