import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { Auth } from '../../core/auth/auth.service';
import { signedInAs } from '../../testing/auth-fixtures';
import { HTTP_TESTING_PROVIDERS, envelope, httpTesting } from '../../testing/http-testing';
import { WriteGuard } from './write-guard';

@Component({
  selector: 'ptp-guarded',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [WriteGuard],
  template: `<ptp-write-guard action="place orders"
    ><div><button type="button" data-testid="send">Send</button></div></ptp-write-guard
  >`,
})
class Guarded {}

async function renderAs(role: 'viewer' | 'trader') {
  TestBed.configureTestingModule({ providers: HTTP_TESTING_PROVIDERS });
  const login = firstValueFrom(TestBed.inject(Auth).login({ username: 'u', password: 'p' }));
  httpTesting()
    .expectOne('/api/auth/login')
    .flush(envelope(signedInAs('u', role)));
  await login;
  const fixture = TestBed.createComponent(Guarded);
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  return {
    button: el.querySelector('[data-testid="send"]') as HTMLButtonElement,
    guard: el.querySelector('fieldset') as HTMLFieldSetElement,
  };
}

describe('WriteGuard', () => {
  it('disables every control inside for a viewer and says why', async () => {
    const { button, guard } = await renderAs('viewer');
    expect(button.matches(':disabled')).toBe(true);
    expect(guard.title).toContain('a viewer cannot place orders');
  });

  it('leaves the controls alone for a trader', async () => {
    const { button, guard } = await renderAs('trader');
    expect(button.matches(':disabled')).toBe(false);
    expect(guard.hasAttribute('title')).toBe(false);
  });
});
