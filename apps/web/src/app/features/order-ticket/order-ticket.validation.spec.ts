import { EMPTY_TICKET, type OrderTicketForm } from './order-ticket.model';
import { validateOrderTicket } from './order-ticket.validation';

const ticket = (overrides: Partial<OrderTicketForm>): OrderTicketForm => ({
  ...EMPTY_TICKET,
  symbol: 'AAPL',
  notional: 50,
  ...overrides,
});

describe('validateOrderTicket', () => {
  it('accepts a market notional buy', () => {
    expect(validateOrderTicket(ticket({}))).toEqual({});
  });

  it('requires a well-formed symbol', () => {
    expect(validateOrderTicket(ticket({ symbol: '' })).symbol).toBe('Symbol is required');
    expect(validateOrderTicket(ticket({ symbol: 'AAPL$' })).symbol).toContain('letters');
    expect(validateOrderTicket(ticket({ symbol: 'brk.b' })).symbol).toBeUndefined();
  });

  it('requires a positive size in the chosen mode with bounded decimals', () => {
    expect(validateOrderTicket(ticket({ notional: null })).notional).toBe('Notional is required');
    expect(validateOrderTicket(ticket({ notional: -5 })).notional).toBe(
      'Notional must be greater than 0',
    );
    expect(validateOrderTicket(ticket({ notional: 10.123 })).notional).toBe(
      'Notional allows at most 2 decimals',
    );
    expect(
      validateOrderTicket(ticket({ sizeMode: 'quantity', quantity: 0.1234567 })).quantity,
    ).toBe('Quantity allows at most 6 decimals');
    expect(validateOrderTicket(ticket({ sizeMode: 'quantity', quantity: 0.123456 }))).toEqual({});
    expect(
      validateOrderTicket(ticket({ sizeMode: 'quantity', quantity: Number.NaN })).quantity,
    ).toBe('Quantity must be greater than 0');
  });

  it('asks for the prices each order type needs', () => {
    expect(validateOrderTicket(ticket({ type: 'limit' })).limitPrice).toBe(
      'Limit price is required',
    );
    expect(validateOrderTicket(ticket({ type: 'stop' })).stopPrice).toBe('Stop price is required');
    const stopLimit = validateOrderTicket(ticket({ type: 'stop_limit' }));
    expect(Object.keys(stopLimit).sort()).toEqual(['limitPrice', 'stopPrice']);
    expect(
      validateOrderTicket(ticket({ type: 'trailing_stop', side: 'sell', timeInForce: 'gtc' }))
        .trail,
    ).toBe('Trail % is required');
    expect(
      validateOrderTicket(
        ticket({ type: 'trailing_stop', side: 'sell', trail: 120, timeInForce: 'gtc' }),
      ).trail,
    ).toBe('Trail % must be below 100');
  });

  it('checks the stop-limit price ordering for the side', () => {
    expect(
      validateOrderTicket(ticket({ type: 'stop_limit', stopPrice: 100, limitPrice: 99 }))
        .limitPrice,
    ).toBe('A buy stop-limit needs limit ≥ stop');
    expect(
      validateOrderTicket(
        ticket({ type: 'stop_limit', side: 'sell', stopPrice: 100, limitPrice: 101 }),
      ).limitPrice,
    ).toBe('A sell stop-limit needs limit ≤ stop');
    expect(
      validateOrderTicket(ticket({ type: 'stop_limit', stopPrice: 100, limitPrice: 101 })),
    ).toEqual({});
  });

  it('refuses IOC on orders that wait for a trigger', () => {
    expect(
      validateOrderTicket(ticket({ type: 'stop', stopPrice: 10, timeInForce: 'ioc' })).timeInForce,
    ).toContain('IOC');
  });

  it('checks take-profit and stop-loss against each other and the entry price', () => {
    expect(validateOrderTicket(ticket({ takeProfit: 90, stopLoss: 95 })).takeProfit).toBe(
      'Take-profit must be above the stop-loss',
    );
    const aroundLast = validateOrderTicket(ticket({ takeProfit: 99, stopLoss: 101 }), {
      lastPrice: 100,
    });
    expect(aroundLast.takeProfit).toContain('above the entry price (100)');
    expect(aroundLast.stopLoss).toBe('Stop-loss must be below the entry price (100)');
    expect(
      validateOrderTicket(ticket({ type: 'limit', limitPrice: 50, takeProfit: 55, stopLoss: 45 }), {
        lastPrice: 100,
      }),
    ).toEqual({});
    expect(validateOrderTicket(ticket({ side: 'sell', takeProfit: 110 })).takeProfit).toContain(
      'buy (entry) orders only',
    );
  });
});
