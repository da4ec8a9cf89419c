import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { Auth } from '../core/auth/auth.service';
import { PageNavigation } from '../core/auth/page-navigation';
import { signedInAs } from '../testing/auth-fixtures';
import {
  HTTP_TESTING_PROVIDERS,
  envelope,
  errorEnvelope,
  httpTesting,
} from '../testing/http-testing';
import { UserMenu } from './user-menu';

async function renderSignedIn() {
  const load = jest.fn<void, [string]>();
  TestBed.configureTestingModule({
    providers: [...HTTP_TESTING_PROVIDERS, { provide: PageNavigation, useValue: { load } }],
  });
  const login = firstValueFrom(TestBed.inject(Auth).login({ username: 'ann', password: 'p' }));
  httpTesting()
    .expectOne('/api/auth/login')
    .flush(envelope(signedInAs('ann', 'trader')));
  await login;
  const fixture = TestBed.createComponent(UserMenu);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const logout = el.querySelector('[data-testid="logout"]') as HTMLButtonElement;
  return { el, logout, load };
}

describe('UserMenu', () => {
  afterEach(() => httpTesting().verify());

  it('says until when the login lasts', async () => {
    const { el } = await renderSignedIn();
    expect(el.querySelector('[data-testid="user-name"]')?.getAttribute('title')).toBe(
      'Logged in until 2025-01-03 15:00:00 UTC',
    );
  });

  it('logs out on the server, then reloads the page on the login screen', async () => {
    const { logout, load } = await renderSignedIn();
    logout.click();
    expect(load).not.toHaveBeenCalled();
    httpTesting()
      .expectOne({ method: 'POST', url: '/api/auth/logout' })
      .flush(envelope({ loggedOut: true }));
    expect(load).toHaveBeenCalledWith('/login');
    expect(TestBed.inject(Auth).signedIn()).toBe(false);
  });

  it('still leaves for the login screen when the server has already ended the session', async () => {
    const { logout, load } = await renderSignedIn();
    logout.click();
    httpTesting()
      .expectOne('/api/auth/logout')
      .flush(errorEnvelope({ code: 'UNAUTHENTICATED', message: 'Nobody is logged in' }), {
        status: 401,
        statusText: 'Unauthorized',
      });
    expect(load).toHaveBeenCalledWith('/login');
  });
});
