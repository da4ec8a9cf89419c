import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AuthMe } from '@ptp/contracts';
import { App } from './app';
import { Auth, LOCAL_ME } from './core/auth/auth.service';
import { SIGNED_OUT_ME, signedInAs } from './testing/auth-fixtures';
import { HTTP_TESTING_PROVIDERS, envelope, httpTesting } from './testing/http-testing';

async function renderAs(me: AuthMe) {
  TestBed.configureTestingModule({ providers: [...HTTP_TESTING_PROVIDERS, provideRouter([])] });
  const loading = TestBed.inject(Auth).load();
  httpTesting().expectOne('/api/auth/me').flush(envelope(me));
  await loading;
  const fixture = TestBed.createComponent(App);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const tabs = Array.from(el.querySelectorAll('[data-testid^="nav-"]'), (a) =>
    a.getAttribute('data-testid'),
  );
  const text = (id: string) => el.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();
  return { el, tabs, text };
}

describe('App shell', () => {
  afterEach(() => httpTesting().match(() => true));

  it('needs no login in local mode: a discreet marker, and the audit log but no users or tokens', async () => {
    const { tabs, text } = await renderAs(LOCAL_ME);
    expect(text('auth-local')).toBe('LOCAL');
    expect(text('user-menu')).toBeUndefined();
    expect(tabs).toContain('nav-overview');
    expect(tabs).toContain('nav-audit');
    expect(tabs).not.toContain('nav-tokens');
    expect(tabs).not.toContain('nav-users');
  });

  it('shows a signed-in user name, role and logout, and the screens of that role', async () => {
    const { tabs, text } = await renderAs(signedInAs('vic', 'viewer'));
    expect(text('user-name')).toBe('vic');
    expect(text('user-role')).toBe('VIEWER');
    expect(text('user-menu')).toContain('READ-ONLY');
    expect(text('logout')).toBe('Logout');
    expect(tabs).toContain('nav-tokens');
    expect(tabs).not.toContain('nav-users');
    expect(tabs).not.toContain('nav-audit');
  });

  it('gives an admin the users and audit screens besides the tokens', async () => {
    const { tabs, text } = await renderAs(signedInAs('ada', 'admin'));
    expect(text('user-menu')).not.toContain('READ-ONLY');
    expect(tabs).toEqual(expect.arrayContaining(['nav-tokens', 'nav-users', 'nav-audit']));
  });

  it('shows neither status bar nor navigation to a signed-out visitor', async () => {
    const { el } = await renderAs(SIGNED_OUT_ME);
    expect(el.querySelector('[data-testid="status-bar"]')).toBeNull();
    expect(el.querySelector('nav')).toBeNull();
    httpTesting().expectNone('/paper-trading/status');
  });
});
