import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { UserSummary } from '@ptp/contracts';
import { firstValueFrom } from 'rxjs';
import { Auth } from '../../core/auth/auth.service';
import { signedInAs } from '../../testing/auth-fixtures';
import { HTTP_TESTING_PROVIDERS, envelope, httpTesting } from '../../testing/http-testing';
import { UsersScreen } from './users-screen';

const USERS: UserSummary[] = [
  { name: 'ada', role: 'admin', createdAt: '2025-01-02T15:00:00.000Z' },
  { name: 'bob', role: 'viewer', createdAt: '2025-01-02T16:00:00.000Z' },
];

async function render() {
  TestBed.configureTestingModule({ providers: [...HTTP_TESTING_PROVIDERS, provideRouter([])] });
  const login = firstValueFrom(TestBed.inject(Auth).login({ username: 'ada', password: 'p' }));
  httpTesting()
    .expectOne('/api/auth/login')
    .flush(envelope(signedInAs('ada', 'admin')));
  await login;
  const fixture = TestBed.createComponent(UsersScreen);
  await fixture.whenStable();
  httpTesting().expectOne('/api/users').flush(envelope(USERS));
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const byId = <T extends HTMLElement>(id: string) =>
    el.querySelector(`[data-testid="${id}"]`) as T;
  const type = async (id: string, value: string, event = 'input') => {
    const field = byId<HTMLInputElement>(id);
    field.value = value;
    field.dispatchEvent(new Event(event));
    await fixture.whenStable();
  };
  return { fixture, byId, type };
}

describe('UsersScreen', () => {
  afterEach(() => httpTesting().match(() => true));

  it('adds a user with a role and a first password, then clears the form', async () => {
    const { fixture, byId, type } = await render();
    expect(byId<HTMLSelectElement>('user-role-input').value).toBe('trader');
    await type('user-name-input', 'cat');
    await type('user-role-input', 'viewer', 'change');
    await type('user-password-input', 'long-enough-secret');
    byId('user-add').click();
    const post = httpTesting().expectOne({ method: 'POST', url: '/api/users' });
    expect(post.request.body).toEqual({
      name: 'cat',
      role: 'viewer',
      password: 'long-enough-secret',
    });
    post.flush(envelope({ name: 'cat', role: 'viewer', createdAt: '2025-01-03T00:00:00.000Z' }));
    await fixture.whenStable();
    expect(byId('users-message').textContent).toContain('User cat added.');
    expect(byId<HTMLInputElement>('user-password-input').value).toBe('');
  });

  it('changes a role only when saved, and never the signed-in admin’s own', async () => {
    const { fixture, byId, type } = await render();
    expect(byId<HTMLSelectElement>('user-role-ada').value).toBe('admin');
    expect(byId<HTMLSelectElement>('user-role-ada').disabled).toBe(true);
    expect(byId<HTMLSelectElement>('user-role-bob').value).toBe('viewer');
    await type('user-role-bob', 'trader', 'change');
    httpTesting().expectNone({ method: 'PATCH' });
    byId('user-role-save-bob').click();
    const patch = httpTesting().expectOne({ method: 'PATCH', url: '/api/users/bob' });
    expect(patch.request.body).toEqual({ role: 'trader' });
    patch.flush(envelope({ ...USERS[1], role: 'trader' }));
    await fixture.whenStable();
    expect(byId('users-message').textContent).toContain('bob is now trader.');
  });

  it('sets a new password for a user', async () => {
    const { fixture, byId, type } = await render();
    byId('user-password-bob').click();
    await fixture.whenStable();
    await type('user-new-password-bob', 'fresh-secret-1');
    byId('user-password-save-bob').click();
    const patch = httpTesting().expectOne({ method: 'PATCH', url: '/api/users/bob' });
    expect(patch.request.body).toEqual({ password: 'fresh-secret-1' });
  });
});
