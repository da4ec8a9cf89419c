import { TestBed } from '@angular/core/testing';
import { ApiFailure } from '../../core/api/api-failure';
import { OrderTicket } from './order-ticket';
import type { OrderTicketForm } from './order-ticket.model';
import { order } from '../../testing/fixtures';

async function render() {
  const fixture = TestBed.createComponent(OrderTicket);
  const submitted: OrderTicketForm[] = [];
  fixture.componentInstance.submitted.subscribe((form) => submitted.push(form));
  fixture.componentRef.setInput('lastPrices', { AAPL: 200 });
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const byId = <T extends HTMLElement>(id: string) =>
    el.querySelector(`[data-testid="${id}"]`) as T | null;
  const type = async (id: string, value: string) => {
    const input = byId<HTMLInputElement | HTMLSelectElement>(id);
    if (!input) throw new Error(`no ${id}`);
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
    await fixture.whenStable();
  };
  const send = async () => {
    byId<HTMLButtonElement>('ticket-submit')?.click();
    await fixture.whenStable();
  };
  return { fixture, byId, type, send, submitted };
}

const FILLED_BUY = order({
  id: 'default-O7',
  status: 'filled',
  notional: '20.05',
  filledQuantity: '0.1',
  avgFillPrice: '200.5',
});

describe('OrderTicket', () => {
  it('does not send an invalid ticket and lists what is wrong', async () => {
    const { byId, send, submitted } = await render();
    expect(byId('ticket-errors')).toBeNull();
    await send();
    expect(submitted).toHaveLength(0);
    expect(byId('ticket-error-symbol')?.textContent).toContain('Symbol is required');
    expect(byId('ticket-error-notional')?.textContent).toContain('Notional is required');
    expect(byId('ticket-symbol')?.classList).toContain('invalid');
  });

  it('sends a valid notional market buy with the symbol upper-cased and shows the estimate', async () => {
    const { fixture, type, send, submitted } = await render();
    await type('ticket-symbol', 'aapl');
    await type('ticket-notional', '50');
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('$50.00');
    await send();
    expect(submitted).toEqual([
      expect.objectContaining({
        symbol: 'AAPL',
        side: 'buy',
        type: 'market',
        sizeMode: 'notional',
        notional: 50,
      }),
    ]);
  });

  it('shows the limit and stop fields a stop-limit needs, and validates them', async () => {
    const { byId, type, send, submitted } = await render();
    await type('ticket-symbol', 'AAPL');
    await type('ticket-size-mode', 'quantity');
    await type('ticket-quantity', '1.5');
    await type('ticket-type', 'stop_limit');
    expect(byId('ticket-limit')).not.toBeNull();
    expect(byId('ticket-stop')).not.toBeNull();
    await send();
    expect(submitted).toHaveLength(0);
    expect(byId('ticket-error-limitPrice')?.textContent).toContain('Limit price is required');
    await type('ticket-stop', '210');
    await type('ticket-limit', '211');
    await send();
    expect(submitted).toEqual([
      expect.objectContaining({
        type: 'stop_limit',
        quantity: 1.5,
        stopPrice: 210,
        limitPrice: 211,
      }),
    ]);
  });

  it('checks a stop-loss against the last price of the symbol', async () => {
    const { byId, type, send, submitted } = await render();
    await type('ticket-symbol', 'AAPL');
    await type('ticket-notional', '50');
    await type('ticket-stop-loss', '250');
    await send();
    expect(submitted).toHaveLength(0);
    expect(byId('ticket-error-stopLoss')?.textContent).toContain('below the entry price (200)');
  });

  it('shows a risk rejection next to the ticket with the rule, its limit and what was requested', async () => {
    const { fixture, byId } = await render();
    fixture.componentRef.setInput(
      'rejection',
      new ApiFailure(
        422,
        'RISK_MAX_POSITION',
        'a position may be worth at most 10% of equity (49.21); this one would be 73.1',
        { rule: 'RISK_MAX_POSITION' },
        49.21,
        73.1,
      ),
    );
    await fixture.whenStable();
    expect(byId('ticket-rejection')?.textContent).toContain('Rejected · Risk limit');
    expect(byId('ticket-rejection-code')?.textContent).toBe('RISK_MAX_POSITION');
    expect(byId('ticket-rejection-message')?.textContent).toContain('at most 10% of equity');
    expect(byId('ticket-rejection-limit')?.textContent).toBe('$49.21');
    expect(byId('ticket-rejection-requested')?.textContent).toBe('$73.10');
  });

  it('lists the field problems of a 400 and replaces the rejection with the outcome of the next accepted order', async () => {
    const { fixture, byId } = await render();
    fixture.componentRef.setInput(
      'rejection',
      new ApiFailure(400, 'VALIDATION_FAILED', 'The request is invalid.', [
        'quantity must be a positive number',
      ]),
    );
    await fixture.whenStable();
    expect(byId('ticket-rejection')?.textContent).toContain('Rejected · Order refused');
    expect(byId('ticket-rejection')?.querySelector('li')?.textContent).toBe(
      'quantity must be a positive number',
    );
    expect(byId('ticket-rejection-limit')).toBeNull();

    fixture.componentRef.setInput('rejection', null);
    fixture.componentRef.setInput('accepted', FILLED_BUY);
    await fixture.whenStable();
    expect(byId('ticket-rejection')).toBeNull();
    expect(byId('ticket-accepted')?.textContent).toContain('BUY AAPL filled: 0.1 sh @ $200.5000');
  });
});
