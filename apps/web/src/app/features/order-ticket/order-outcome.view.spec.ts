import { ApiFailure } from '../../core/api/api-failure';
import { order } from '../../testing/fixtures';
import { orderOutcome, rejectionView } from './order-outcome.view';

const FILLED_BUY = order({
  id: 'default-O7',
  status: 'filled',
  notional: '20.05',
  filledQuantity: '0.1',
  avgFillPrice: '200.5',
});

describe('rejectionView', () => {
  it('names the kind of rejection: risk, cash or market hours', () => {
    expect(
      rejectionView(new ApiFailure(422, 'RISK_DAILY_LOSS_LIMIT', 'breached', undefined, 25, 26.1))
        .kind,
    ).toBe('Risk limit');
    expect(
      rejectionView(
        new ApiFailure(422, 'INSUFFICIENT_CASH', 'not enough cash', undefined, 12.5, 80),
      ).kind,
    ).toBe('Cash');
    expect(
      rejectionView(new ApiFailure(422, 'RISK_MARKET_CLOSED', 'regular session only')).kind,
    ).toBe('Market hours');
    expect(
      rejectionView(new ApiFailure(0, 'NETWORK_ERROR', 'The server did not answer.')).kind,
    ).toBe('Not sent');
  });

  it('shows limit and requested in the rule’s unit', () => {
    const money = rejectionView(
      new ApiFailure(422, 'INSUFFICIENT_CASH', 'not enough cash', undefined, 12.5, 80),
    );
    expect(money.facts).toEqual([
      { id: 'limit', label: 'Limit', value: '$12.50' },
      { id: 'requested', label: 'Requested', value: '$80.00' },
    ]);
    const count = rejectionView(
      new ApiFailure(422, 'RISK_MAX_OPEN_POSITIONS', 'too many', undefined, 8, 9),
    );
    expect(count.facts.map((f) => f.value)).toEqual(['8 positions', '9 positions']);
    const shares = rejectionView(
      new ApiFailure(422, 'RISK_ZERO_QUANTITY', 'rounds to zero', undefined, null, 0.0000004),
    );
    expect(shares.facts).toEqual([{ id: 'requested', label: 'Requested', value: '0 sh' }]);
  });

  it('keeps only the text problems of a validation failure', () => {
    const view = rejectionView(
      new ApiFailure(400, 'VALIDATION_FAILED', 'invalid', [
        'symbol must be a known symbol',
        { nested: true },
      ]),
    );
    expect(view.problems).toEqual(['symbol must be a known symbol']);
    expect(view.facts).toEqual([]);
  });
});

describe('orderOutcome', () => {
  it('says what happened to the order', () => {
    expect(orderOutcome(FILLED_BUY)).toBe('BUY AAPL filled: 0.1 sh @ $200.5000');
    expect(
      orderOutcome({
        ...FILLED_BUY,
        type: 'stop_limit',
        status: 'accepted',
        filledQuantity: '0',
        avgFillPrice: null,
      }),
    ).toBe('BUY AAPL stop-limit working (order default-O7)');
    expect(
      orderOutcome({ ...FILLED_BUY, status: 'expired', reason: 'ioc: nothing filled at once' }),
    ).toBe('BUY AAPL expired: ioc: nothing filled at once');
  });
});
