/** Example values shared by several endpoints' OpenAPI documentation. */
export const EXAMPLE_POSITION = {
  symbol: 'AAPL',
  quantity: '0.2731',
  avgCost: '183.09',
  costBasis: '50.00',
  lastPrice: '184.25',
  marketValue: '50.32',
  unrealizedPnl: '0.32',
  unrealizedPnlPct: '0.6336',
  weight: '10.0016',
  realizedPnl: '0',
  openedAt: '2026-01-05T14:41:00.000Z',
};
