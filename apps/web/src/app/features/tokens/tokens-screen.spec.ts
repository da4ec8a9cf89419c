import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ApiTokenSummary } from '@ptp/contracts';
import { HTTP_TESTING_PROVIDERS, envelope, httpTesting } from '../../testing/http-testing';
import { TokensScreen } from './tokens-screen';

const BOT: ApiTokenSummary = {
  id: 'tok-1',
  name: 'bot',
  owner: 'ann',
  role: 'trader',
  accountId: 'acc-2',
  createdAt: '2025-01-02T15:00:00.000Z',
  lastUsedAt: null,
};

async function render(tokens: ApiTokenSummary[] = []) {
  TestBed.configureTestingModule({ providers: [...HTTP_TESTING_PROVIDERS, provideRouter([])] });
  const fixture = TestBed.createComponent(TokensScreen);
  await fixture.whenStable();
  httpTesting().expectOne('/api/tokens').flush(envelope(tokens));
  httpTesting()
    .expectOne('/api/accounts')
    .flush(envelope([{ id: 'acc-2', name: 'Swing', isDefault: false }]));
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const byId = <T extends HTMLElement>(id: string) =>
    el.querySelector(`[data-testid="${id}"]`) as T;
  const choose = async (id: string, value: string) => {
    const field = byId<HTMLInputElement | HTMLSelectElement>(id);
    field.value = value;
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
    await fixture.whenStable();
  };
  return { fixture, byId, choose };
}

describe('TokensScreen', () => {
  afterEach(() => httpTesting().match(() => true));

  it('creates a token for one account and shows its secret once, with a warning, until dismissed', async () => {
    const { fixture, byId, choose } = await render();
    await choose('token-name', ' bot ');
    await choose('token-account', 'acc-2');
    await choose('token-role', 'trader');
    byId('token-create').click();
    const post = httpTesting().expectOne({ method: 'POST', url: '/api/tokens' });
    expect(post.request.body).toEqual({ name: 'bot', accountId: 'acc-2', role: 'trader' });
    post.flush(envelope({ ...BOT, token: 'ptp_secret123' }));
    httpTesting()
      .expectOne('/api/tokens')
      .flush(envelope([BOT]));
    await fixture.whenStable();

    expect(byId('token-shown-once').textContent).toContain('Shown once');
    expect(byId<HTMLInputElement>('created-token').value).toBe('ptp_secret123');
    expect(byId('token-tok-1').textContent).toContain('Swing');
    expect(byId('token-tok-1').textContent).toContain('never');

    byId('token-done').click();
    await fixture.whenStable();
    expect(byId('created-token')).toBeNull();
    expect((fixture.nativeElement as HTMLElement).innerHTML).not.toContain('ptp_secret123');
  });

  it('revokes a token only once the revocation is confirmed', async () => {
    const { fixture, byId } = await render([BOT]);
    byId('token-revoke-tok-1').click();
    await fixture.whenStable();
    httpTesting().expectNone({ method: 'DELETE', url: '/api/tokens/tok-1' });
    byId('token-revoke-tok-1-confirm').click();
    httpTesting()
      .expectOne({ method: 'DELETE', url: '/api/tokens/tok-1' })
      .flush(envelope({ id: 'tok-1' }));
    httpTesting().expectOne('/api/tokens').flush(envelope([]));
    await fixture.whenStable();
    expect(byId('token-tok-1')).toBeNull();
  });

  it('sends neither account nor role when the token is to have the creator’s', async () => {
    const { byId, choose } = await render();
    await choose('token-name', 'reader');
    byId('token-create').click();
    expect(httpTesting().expectOne({ method: 'POST', url: '/api/tokens' }).request.body).toEqual({
      name: 'reader',
    });
  });
});
