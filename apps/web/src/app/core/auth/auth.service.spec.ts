import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { SIGNED_OUT_ME, signedInAs } from '../../testing/auth-fixtures';
import {
  HTTP_TESTING_PROVIDERS,
  envelope,
  errorEnvelope,
  httpTesting,
} from '../../testing/http-testing';
import { Auth, LOCAL_ME, roleAtLeast } from './auth.service';

describe('Auth', () => {
  let auth: Auth;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: HTTP_TESTING_PROVIDERS });
    auth = TestBed.inject(Auth);
  });
  afterEach(() => httpTesting().verify());

  async function load(answer: (request: ReturnType<typeof httpTesting>) => void): Promise<void> {
    const loading = auth.load();
    answer(httpTesting());
    await loading;
  }

  it('takes mode, user and role from /api/auth/me at start-up', async () => {
    await load((http) =>
      http.expectOne('/api/auth/me').flush(envelope(signedInAs('ann', 'trader'))),
    );
    expect(auth.mode()).toBe('required');
    expect(auth.user()).toEqual({ name: 'ann', role: 'trader' });
    expect(auth.role()).toBe('trader');
    expect(auth.signedIn()).toBe(true);
    expect(auth.readOnly()).toBe(false);
  });

  it('knows an unauthenticated visitor of a server that requires a login as signed out', async () => {
    await load((http) => http.expectOne('/api/auth/me').flush(envelope(SIGNED_OUT_ME)));
    expect(auth.signedIn()).toBe(false);
    expect(auth.readOnly()).toBe(true);
  });

  it('signs nobody in for local mode, which acts as an admin', async () => {
    auth.sessionEnded();
    await load((http) => http.expectOne('/api/auth/me').flush(envelope(LOCAL_ME)));
    expect(auth.signedIn()).toBe(true);
    expect(auth.user()).toBeNull();
    expect(auth.role()).toBe('admin');
  });

  it('takes a server without the auth endpoints for local mode instead of failing the start-up', async () => {
    auth.sessionEnded();
    await load((http) =>
      http
        .expectOne('/api/auth/me')
        .flush(errorEnvelope({ code: 'NOT_FOUND', message: 'no route' }), {
          status: 404,
          statusText: 'Not Found',
        }),
    );
    expect(auth.me()).toEqual(LOCAL_ME);
  });

  it('makes a viewer read-only', async () => {
    await load((http) =>
      http.expectOne('/api/auth/me').flush(envelope(signedInAs('vic', 'viewer'))),
    );
    expect(auth.signedIn()).toBe(true);
    expect(auth.readOnly()).toBe(true);
  });

  it('posts the credentials on login and takes the answer as the new identity', async () => {
    await load((http) => http.expectOne('/api/auth/me').flush(envelope(SIGNED_OUT_ME)));
    const login = firstValueFrom(auth.login({ username: 'ann', password: 's3cret' }));
    const request = httpTesting().expectOne({ method: 'POST', url: '/api/auth/login' });
    expect(request.request.body).toEqual({ username: 'ann', password: 's3cret' });
    request.flush(envelope(signedInAs('ann', 'admin')));
    await login;
    expect(auth.user()?.name).toBe('ann');
    expect(auth.role()).toBe('admin');
  });

  it('keeps the visitor signed out when the login fails', async () => {
    await load((http) => http.expectOne('/api/auth/me').flush(envelope(SIGNED_OUT_ME)));
    const login = firstValueFrom(auth.login({ username: 'ann', password: 'wrong' }));
    httpTesting()
      .expectOne('/api/auth/login')
      .flush(errorEnvelope({ code: 'INVALID_CREDENTIALS', message: 'invalid credentials' }), {
        status: 401,
        statusText: 'Unauthorized',
      });
    await expect(login).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', httpStatus: 401 });
    expect(auth.signedIn()).toBe(false);
  });

  it('is signed out after logout', async () => {
    await load((http) =>
      http.expectOne('/api/auth/me').flush(envelope(signedInAs('ann', 'trader'))),
    );
    const logout = firstValueFrom(auth.logout());
    httpTesting().expectOne({ method: 'POST', url: '/api/auth/logout' }).flush(envelope(null));
    await logout;
    expect(auth.signedIn()).toBe(false);
    expect(auth.role()).toBeNull();
  });
});

describe('roleAtLeast', () => {
  it('orders viewer < trader < admin, and nobody has any role', () => {
    expect(roleAtLeast('admin', 'trader')).toBe(true);
    expect(roleAtLeast('trader', 'trader')).toBe(true);
    expect(roleAtLeast('viewer', 'trader')).toBe(false);
    expect(roleAtLeast(null, 'viewer')).toBe(false);
  });
});
