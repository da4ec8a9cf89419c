import * as domain from '@ptp/domain';
import {
  DECISION_RISK_OUTCOMES,
  ORDER_SIDES,
  ORDER_STATUS_FILTERS,
  ORDER_STATUSES,
  ORDER_TYPES,
  TIME_IN_FORCE_VALUES,
} from '../index';

describe('constant lists of the contracts', () => {
  it("match the trading core's lists where the core has one, in its order", () => {
    expect(ORDER_SIDES).toEqual(domain.ORDER_SIDES);
    expect(ORDER_TYPES).toEqual(domain.ORDER_TYPES);
    expect(TIME_IN_FORCE_VALUES).toEqual(domain.TIME_IN_FORCE_VALUES);
  });

  it("list every order status: the open ones and the core's terminal ones, once each", () => {
    const open = ORDER_STATUSES.filter((status) => domain.isOpenOrder({ status }));
    const terminal = ORDER_STATUSES.filter((status) => domain.TERMINAL_STATUSES.has(status));
    expect(open).toEqual(['new', 'accepted', 'partially_filled']);
    expect(terminal).toEqual([...domain.TERMINAL_STATUSES]);
    expect(open.length + terminal.length).toBe(ORDER_STATUSES.length);
  });

  it('filter orders by any status, by open or by all', () => {
    expect(ORDER_STATUS_FILTERS).toEqual([...ORDER_STATUSES, 'open', 'all']);
  });

  it('name every risk outcome a decision can have', () => {
    expect(DECISION_RISK_OUTCOMES).toEqual(['approved', 'rejected', 'none']);
  });
});
