import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Auth } from '../../core/auth/auth.service';
import { signedInAs } from '../../testing/auth-fixtures';
import {
  HTTP_TESTING_PROVIDERS,
  envelope,
  errorEnvelope,
  httpTesting,
} from '../../testing/http-testing';
import { INVALID_CREDENTIALS_TEXT, LoginScreen } from './login-screen';

const NOW = Date.parse('2025-01-02T15:00:00Z');

function render(returnUrl?: string) {
  TestBed.configureTestingModule({ providers: [...HTTP_TESTING_PROVIDERS, provideRouter([])] });
  TestBed.inject(Auth).sessionEnded();
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  const fixture = TestBed.createComponent(LoginScreen);
  if (returnUrl !== undefined) fixture.componentRef.setInput('returnUrl', returnUrl);
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const byId = <T extends HTMLElement>(id: string) =>
    el.querySelector(`[data-testid="${id}"]`) as T | null;
  const signIn = (username: string, password: string) => {
    for (const [id, value] of [
      ['login-username', username],
      ['login-password', password],
    ]) {
      const input = byId<HTMLInputElement>(id) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    fixture.detectChanges();
    byId('login-submit')?.click();
    fixture.detectChanges();
  };
  const reject = (status: number, code: string, message: string, details?: unknown) => {
    httpTesting()
      .expectOne({ method: 'POST', url: '/api/auth/login' })
      .flush(errorEnvelope({ code, message, details }), { status, statusText: 'Error' });
    fixture.detectChanges();
  };
  return { fixture, byId, signIn, reject, navigate };
}

describe('LoginScreen', () => {
  afterEach(() => {
    httpTesting().verify();
    jest.useRealTimers();
  });

  it('signs in with the typed credentials and goes back where the visitor came from', () => {
    const { signIn, navigate } = render('/activity?range=1D');
    signIn(' ann ', 's3cret');
    const request = httpTesting().expectOne({ method: 'POST', url: '/api/auth/login' });
    expect(request.request.body).toEqual({ username: 'ann', password: 's3cret' });
    request.flush(envelope(signedInAs('ann', 'trader')));
    expect(TestBed.inject(Auth).user()?.name).toBe('ann');
    expect(navigate).toHaveBeenCalledWith('/activity?range=1D');
  });

  it('goes to the start screen instead of a return address outside the dashboard', () => {
    const { signIn, navigate } = render('//evil.example/phish');
    signIn('ann', 's3cret');
    httpTesting()
      .expectOne('/api/auth/login')
      .flush(envelope(signedInAs('ann', 'trader')));
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('says only "invalid credentials" when the server refuses them, and clears the password', () => {
    const { signIn, reject, byId, navigate } = render();
    signIn('ann', 'wrong');
    reject(401, 'INVALID_CREDENTIALS', 'unknown user ann');
    expect(byId('login-error')?.textContent?.trim()).toBe(INVALID_CREDENTIALS_TEXT);
    expect(INVALID_CREDENTIALS_TEXT).toBe('invalid credentials');
    expect(byId<HTMLInputElement>('login-password')?.value).toBe('');
    expect(byId<HTMLInputElement>('login-username')?.value).toBe('ann');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('tells a throttled visitor how long to wait, and takes no attempt before then', () => {
    jest.useFakeTimers({ now: NOW });
    const { fixture, signIn, reject, byId } = render();
    signIn('ann', 'wrong');
    reject(429, 'TOO_MANY_LOGIN_ATTEMPTS', 'too many attempts', { retryAfterSec: 30 });
    expect(byId('login-error')?.textContent).toContain('Try again in 30 s');

    signIn('ann', 'again');
    httpTesting().expectNone('/api/auth/login');
    expect(byId<HTMLButtonElement>('login-submit')?.disabled).toBe(true);

    jest.advanceTimersByTime(10_000);
    fixture.detectChanges();
    expect(byId('login-error')?.textContent).toContain('Try again in 20 s');

    jest.advanceTimersByTime(20_000);
    fixture.detectChanges();
    expect(byId<HTMLButtonElement>('login-submit')?.disabled).toBe(false);
    byId('login-submit')?.click();
    httpTesting()
      .expectOne('/api/auth/login')
      .flush(envelope(signedInAs('ann', 'trader')));
  });

  it('reports a server it cannot reach as such, not as wrong credentials', () => {
    const { fixture, signIn, byId } = render();
    signIn('ann', 's3cret');
    httpTesting()
      .expectOne('/api/auth/login')
      .error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    fixture.detectChanges();
    expect(byId('login-error')?.textContent).toContain('The server did not answer.');
    expect(byId('login-error')?.textContent).not.toContain(INVALID_CREDENTIALS_TEXT);
  });
});
