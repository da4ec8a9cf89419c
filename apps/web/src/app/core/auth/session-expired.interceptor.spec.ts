import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { errorEnvelope, httpTesting } from '../../testing/http-testing';
import { Auth } from './auth.service';
import { sessionExpiredInterceptor } from './session-expired.interceptor';

@Component({
  selector: 'ptp-blank',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
})
class Blank {}

async function setUp(at: string) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([sessionExpiredInterceptor])),
      provideHttpClientTesting(),
      provideRouter([
        { path: 'login', component: Blank },
        { path: 'activity', component: Blank },
      ]),
    ],
  });
  const router = TestBed.inject(Router);
  await router.navigateByUrl(at);
  return { router, auth: TestBed.inject(Auth), http: TestBed.inject(HttpClient) };
}

/** Sends one GET through the interceptor, answers it with `status`/`code`, and returns what the caller got. */
async function failWith(http: HttpClient, status: number, code: string): Promise<unknown> {
  const call = firstValueFrom(http.get('/api/portfolio')).catch((error: unknown) => error);
  httpTesting()
    .expectOne('/api/portfolio')
    .flush(errorEnvelope({ code, message: code }), { status, statusText: 'Error' });
  const error = await call;
  await TestBed.inject(ApplicationRef).whenStable();
  return error;
}

describe('sessionExpiredInterceptor', () => {
  it('signs out and sends a 401 UNAUTHENTICATED to the login screen, which will return to this screen', async () => {
    const { router, auth, http } = await setUp('/activity?range=1D');
    const error = await failWith(http, 401, 'UNAUTHENTICATED');
    expect(router.url).toBe('/login?returnUrl=%2Factivity%3Frange%3D1D');
    expect(auth.signedIn()).toBe(false);
    expect(error).toMatchObject({ status: 401 });
  });

  it('leaves other failures to the caller: wrong credentials, forbidden actions', async () => {
    const { router, auth, http } = await setUp('/activity');
    await failWith(http, 401, 'INVALID_CREDENTIALS');
    await failWith(http, 403, 'FORBIDDEN');
    expect(router.url).toBe('/activity');
    expect(auth.signedIn()).toBe(true);
  });

  it('stays on the login screen, keeping where to return, when a call fails there', async () => {
    const { router, http } = await setUp('/login?returnUrl=%2Faccounts');
    await failWith(http, 401, 'UNAUTHENTICATED');
    expect(router.url).toBe('/login?returnUrl=%2Faccounts');
  });
});
