import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  HTTP_TESTING_PROVIDERS,
  envelope,
  errorEnvelope,
  httpTesting,
} from '../../testing/http-testing';
import { order } from '../../testing/fixtures';
import { ActivityScreen } from './activity-screen';

async function render() {
  TestBed.configureTestingModule({ providers: [...HTTP_TESTING_PROVIDERS, provideRouter([])] });
  const fixture = TestBed.createComponent(ActivityScreen);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const byId = (id: string) => el.querySelector(`[data-testid="${id}"]`) as HTMLInputElement | null;
  const fillTicket = async (symbol: string, notional: string) => {
    for (const [id, value] of [
      ['ticket-symbol', symbol],
      ['ticket-notional', notional],
    ]) {
      const input = byId(id) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
    byId('ticket-submit')?.click();
    await fixture.whenStable();
  };
  return { fixture, byId, fillTicket };
}

describe('ActivityScreen', () => {
  afterEach(() => {
    httpTesting().match(() => true);
    localStorage.clear();
  });

  it('sends a valid ticket as a notional market order and confirms it', async () => {
    const { fixture, byId, fillTicket } = await render();
    await fillTicket('spy', '20');
    const post = httpTesting().expectOne({ method: 'POST', url: '/api/orders' });
    expect(post.request.body).toEqual({
      symbol: 'SPY',
      side: 'buy',
      type: 'market',
      timeInForce: 'day',
      notional: 20,
    });
    post.flush(envelope(order({ id: 'o-42', symbol: 'SPY', notional: '20' })), {
      status: 201,
      statusText: 'Created',
    });
    await fixture.whenStable();
    expect(byId('ticket-accepted')?.textContent).toContain('BUY SPY market working (order o-42)');
  });

  it('shows a risk rejection next to the ticket, with its rule and numbers', async () => {
    const { fixture, byId, fillTicket } = await render();
    await fillTicket('QQQ', '400');
    httpTesting()
      .expectOne({ method: 'POST', url: '/api/orders' })
      .flush(
        errorEnvelope({
          code: 'RISK_MAX_POSITION',
          message: 'position would be $400.00, above 10% of equity ($50.00)',
          limit: 50,
          requested: 400,
          details: { rule: 'RISK_MAX_POSITION', limit: 50, requested: 400 },
        }),
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await fixture.whenStable();
    expect(byId('ticket-rejection-code')?.textContent).toBe('RISK_MAX_POSITION');
    expect(byId('ticket-rejection')?.textContent).toContain('above 10% of equity');
    expect(byId('ticket-rejection-limit')?.textContent).toBe('$50.00');
    expect(byId('ticket-rejection-requested')?.textContent).toBe('$400.00');
    expect(byId('ticket-accepted')).toBeNull();
  });

  it('lists open orders of the selected account and cancels one on that account', async () => {
    // The dashboard remembers the selected account per browser.
    localStorage.setItem('ptp.dashboard.accountId', 'acc-2');
    const { fixture, byId } = await render();
    httpTesting()
      .expectOne(
        (req) =>
          req.url === '/api/orders' &&
          req.params.get('status') === 'open' &&
          req.params.get('accountId') === 'acc-2',
      )
      .flush(
        envelope([
          order({ id: 'o-9', symbol: 'MSFT', type: 'limit', notional: '5', limitPrice: '1' }),
        ]),
      );
    await fixture.whenStable();
    expect(byId('open-order-o-9')?.textContent).toContain('lmt $1.00');

    byId('cancel-order-o-9')?.click();
    await fixture.whenStable();
    const cancel = httpTesting().expectOne({
      method: 'DELETE',
      url: '/api/orders/o-9?accountId=acc-2',
    });
    expect((byId('cancel-order-o-9') as unknown as HTMLButtonElement).disabled).toBe(true);
    cancel.flush(envelope(order({ id: 'o-9', status: 'canceled' })));
    await fixture.whenStable();
    httpTesting()
      .expectOne((req) => req.method === 'GET' && req.url === '/api/orders')
      .flush(envelope([]));
    await fixture.whenStable();
    expect(byId('open-order-o-9')).toBeNull();
  });

  it('lists splits and dividends next to fills, each named and signed in words', async () => {
    const { fixture } = await render();
    const common = { accountId: 'default', symbol: 'AAPL' };
    httpTesting()
      .expectOne((req) => req.url === '/api/activities')
      .flush(
        envelope({
          items: [
            {
              ...common,
              id: 'a-2',
              type: 'dividend',
              phase: 'accrued',
              time: '2026-02-03T14:30:00.000Z',
              exDate: '2026-02-03',
              payDate: '2026-02-10',
              cashAmount: '0.25',
              quantity: '20',
              amount: '5',
            },
            {
              ...common,
              id: 'a-1',
              type: 'split',
              time: '2026-02-02T14:30:00.000Z',
              date: '2026-02-02',
              splitFrom: '1',
              splitTo: '2',
              quantityBefore: '10',
              quantityAfter: '20',
            },
          ],
          total: 2,
          limit: 50,
          offset: 0,
        }),
      );
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const rows = Array.from(el.querySelectorAll('[data-testid="corporate-row"]'), (row) =>
      Array.from(row.querySelectorAll('td'), (cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['2026-02-03 14:30:00', 'AAPL', 'DIVIDEND ACCRUED', '20', '$0.2500/sh', '+$5.00 receivable'],
      ['2026-02-02 14:30:00', 'AAPL', 'SPLIT', '10 → 20', '2-for-1', 'no cash'],
    ]);
  });

  it('never sends an invalid ticket', async () => {
    const { fillTicket } = await render();
    await fillTicket('SPY', '-5');
    httpTesting().expectNone({ method: 'POST', url: '/api/orders' });
  });
});
