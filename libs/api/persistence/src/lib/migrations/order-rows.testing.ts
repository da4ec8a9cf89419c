import type { OrderEntity } from '../entities';

/** A filled manual order row for schema tests; with a client id it also carries a request hash. */
export const orderRow = (
  id: string,
  accountId: string,
  clientOrderId: string | null,
): OrderEntity => ({
  id,
  accountId,
  sessionId: null,
  parentId: null,
  ocoGroup: null,
  source: 'manual',
  symbol: 'AAPL',
  side: 'buy',
  type: 'market',
  timeInForce: 'gtc',
  quantity: '1',
  notional: null,
  limitPrice: null,
  stopPrice: null,
  trailPercent: null,
  trailAmount: null,
  status: 'filled',
  filledQuantity: '1',
  avgFillPrice: '100',
  reason: null,
  clientOrderId,
  requestHash: clientOrderId === null ? null : 'a'.repeat(64),
  state: '{}',
  createdAt: 0,
  updatedAt: 0,
});
