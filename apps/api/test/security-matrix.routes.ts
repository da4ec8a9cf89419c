/** What a route needs: anyone, a viewer (reads), a trader (changes), an admin; tokens need a viewer. */
export type Access = 'public' | 'viewer' | 'trader' | 'admin';

export interface MatrixCall {
  readonly path: string;
  readonly query?: Record<string, string>;
  readonly body?: object;
}

export interface MatrixRoute {
  readonly route: string;
  readonly access: Access;
  /** Acts on one account: a trader on someone else's is refused. */
  readonly account: boolean;
  /** A real request: what a refused caller sends, to show that nothing changes. */
  readonly real: (account: string) => MatrixCall;
  /** A request an allowed caller may send without changing anything important (it may fail validation). */
  readonly harmless?: (account: string) => MatrixCall;
}

/** A well-formed id of nothing, where a route needs one. */
export const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

const q = (account: string) => ({ accountId: account });
const get = (route: string, account: boolean, query?: (a: string) => Record<string, string>) => ({
  route: `GET ${route}`,
  access: 'viewer' as const,
  account,
  real: (a: string) => ({
    path: route.replace(':id', NO_SUCH_ID),
    query: query?.(a) ?? (account ? q(a) : undefined),
  }),
});

/** Every route of the API: the matrix test fails when a route is missing here. */
export const MATRIX: MatrixRoute[] = [
  {
    route: 'GET /health/live',
    access: 'public',
    account: false,
    real: () => ({ path: '/health/live' }),
  },
  {
    route: 'GET /health/ready',
    access: 'public',
    account: false,
    real: () => ({ path: '/health/ready' }),
  },
  get('/health', false),
  // Admin only unless server.metrics.public (metrics.spec.ts covers that switch).
  { ...get('/metrics', false), access: 'admin' },
  {
    route: 'GET /api/auth/me',
    access: 'public',
    account: false,
    real: () => ({ path: '/api/auth/me' }),
  },
  {
    route: 'POST /api/auth/login',
    access: 'public',
    account: false,
    real: () => ({
      path: '/api/auth/login',
      body: { username: 'nobody-x', password: 'no password' },
    }),
    harmless: () => ({ path: '/api/auth/login', body: {} }),
  },
  get('/api/market/quotes', false, () => ({ symbols: 'SPY' })),
  get('/api/market/bars', false, () => ({ symbol: 'SPY' })),
  get('/api/market/status', false),
  get('/api/strategies', false),
  {
    ...get('/api/strategies/:name/indicators', false, () => ({ symbol: 'SPY' })),
    real: () => ({ path: '/api/strategies/ma-crossover/indicators', query: { symbol: 'SPY' } }),
  },
  get('/api/accounts', false),
  {
    route: 'POST /api/accounts',
    access: 'trader',
    account: false,
    real: () => ({ path: '/api/accounts', body: { name: 'Made by a refused caller' } }),
    harmless: () => ({ path: '/api/accounts', body: { name: '' } }),
  },
  {
    route: 'POST /api/accounts/:id/reset',
    access: 'trader',
    account: true,
    real: (a) => ({ path: `/api/accounts/${a}/reset`, body: { confirm: true } }),
    harmless: (a) => ({ path: `/api/accounts/${a}/reset`, body: {} }),
  },
  {
    route: 'DELETE /api/accounts/:id',
    access: 'trader',
    account: true,
    real: (a) => ({ path: `/api/accounts/${a}` }),
    harmless: () => ({ path: '/api/accounts/no-such-account' }),
  },
  {
    route: 'POST /api/orders',
    access: 'trader',
    account: true,
    real: (a) => ({
      path: '/api/orders',
      body: { accountId: a, symbol: 'SPY', side: 'buy', type: 'market', quantity: 0.01 },
    }),
    harmless: (a) => ({ path: '/api/orders', body: { accountId: a } }),
  },
  get('/api/orders', true),
  get('/api/orders/:id', true),
  {
    route: 'DELETE /api/orders/:id',
    access: 'trader',
    account: true,
    real: (a) => ({ path: `/api/orders/${NO_SUCH_ID}`, query: q(a) }),
  },
  // Alpaca's API (docs/alpaca-compatibility.md): the token's account, else ?accountId=.
  get('/v2/account', true),
  get('/v2/account/portfolio/history', true),
  get('/v2/account/activities', true),
  {
    ...get('/v2/account/activities/:activity_type', true),
    real: (a: string) => ({ path: '/v2/account/activities/SPLIT', query: q(a) }),
  },
  {
    route: 'POST /v2/orders',
    access: 'trader',
    account: true,
    real: (a) => ({
      path: '/v2/orders',
      query: q(a),
      body: { symbol: 'SPY', side: 'buy', type: 'market', qty: '0.01', time_in_force: 'day' },
    }),
    harmless: (a) => ({ path: '/v2/orders', query: q(a), body: {} }),
  },
  get('/v2/orders', true),
  {
    ...get('/v2/orders\\:by_client_order_id', true),
    real: (a) => ({
      path: '/v2/orders:by_client_order_id',
      query: { ...q(a), client_order_id: 'nothing' },
    }),
  },
  get('/v2/orders/:id', true),
  {
    route: 'PATCH /v2/orders/:id',
    access: 'trader',
    account: true,
    real: (a) => ({ path: `/v2/orders/${NO_SUCH_ID}`, query: q(a), body: { qty: '1' } }),
  },
  {
    route: 'DELETE /v2/orders/:id',
    access: 'trader',
    account: true,
    real: (a) => ({ path: `/v2/orders/${NO_SUCH_ID}`, query: q(a) }),
  },
  {
    route: 'DELETE /v2/orders',
    access: 'trader',
    account: true,
    real: (a) => ({ path: '/v2/orders', query: q(a) }),
  },
  get('/v2/positions', true),
  get('/v2/positions/:symbol', true, (a) => q(a)),
  {
    route: 'DELETE /v2/positions/:symbol',
    access: 'trader',
    account: true,
    real: (a) => ({ path: '/v2/positions/SPY', query: q(a) }),
  },
  {
    route: 'DELETE /v2/positions',
    access: 'trader',
    account: true,
    real: (a) => ({ path: '/v2/positions', query: q(a) }),
  },
  get('/v2/clock', true),
  get('/v2/calendar', true),
  get('/v2/assets', true),
  { ...get('/v2/assets/:symbol', true), real: (a) => ({ path: '/v2/assets/SPY', query: q(a) }) },
  {
    ...get('/v2/stocks/bars', true),
    real: (a) => ({
      path: '/v2/stocks/bars',
      query: { ...q(a), symbols: 'SPY', timeframe: '1Day' },
    }),
  },
  {
    ...get('/v2/stocks/snapshots', true),
    real: (a) => ({ path: '/v2/stocks/snapshots', query: { ...q(a), symbols: 'SPY' } }),
  },
  {
    ...get('/v2/stocks/:symbol/bars', true),
    real: (a) => ({ path: '/v2/stocks/SPY/bars', query: { ...q(a), timeframe: '1Day' } }),
  },
  {
    ...get('/v2/stocks/:symbol/trades/latest', true),
    real: (a) => ({ path: '/v2/stocks/SPY/trades/latest', query: q(a) }),
  },
  {
    ...get('/v2/stocks/:symbol/quotes/latest', true),
    real: (a) => ({ path: '/v2/stocks/SPY/quotes/latest', query: q(a) }),
  },
  {
    route: 'POST /paper-trading/start',
    access: 'trader',
    account: true,
    real: (a) => ({ path: '/paper-trading/start', body: { accountId: a, symbols: ['SPY'] } }),
    harmless: (a) => ({
      path: '/paper-trading/start',
      body: { accountId: a, symbols: 'not a list' },
    }),
  },
  {
    route: 'POST /paper-trading/stop',
    access: 'trader',
    account: true,
    real: (a) => ({ path: '/paper-trading/stop', body: { accountId: a } }),
  },
  get('/paper-trading/status', true),
  {
    route: 'POST /api/portfolio/reset',
    access: 'trader',
    account: true,
    real: (a) => ({ path: '/api/portfolio/reset', body: { accountId: a, confirm: true } }),
    harmless: (a) => ({ path: '/api/portfolio/reset', body: { accountId: a } }),
  },
  get('/api/portfolio', true),
  get('/api/metrics', true),
  get('/api/performance', true),
  get('/api/trades', true),
  get('/api/trades.csv', true),
  get('/api/activities', true),
  get('/api/chart-data', true),
  get('/api/risk', true),
  get('/api/decisions', true),
  get('/api/config', true),
  {
    route: 'PATCH /api/config',
    access: 'trader',
    account: true,
    real: (a) => ({ path: '/api/config', query: q(a), body: { risk: { maxOpenPositions: 3 } } }),
    harmless: (a) => ({
      path: '/api/config',
      query: q(a),
      body: { risk: { maxOpenPositions: -1 } },
    }),
  },
  {
    route: 'POST /api/backtests',
    access: 'trader',
    account: true,
    real: (a) => ({
      path: '/api/backtests',
      body: { accountId: a, symbols: ['SPY'], from: '2024-01-02', to: '2024-01-31' },
    }),
    harmless: (a) => ({ path: '/api/backtests', body: { accountId: a, symbols: 7 } }),
  },
  {
    route: 'POST /api/backtests/upload',
    access: 'trader',
    account: false,
    real: () => ({ path: '/api/backtests/upload', body: {} }),
  },
  get('/api/backtests', false),
  get('/api/backtests/:id', false),
  {
    route: 'DELETE /api/backtests/:id',
    access: 'trader',
    account: false,
    real: () => ({ path: `/api/backtests/${NO_SUCH_ID}` }),
  },
  get('/api/tokens', false),
  {
    route: 'POST /api/tokens',
    access: 'viewer',
    account: false,
    real: () => ({ path: '/api/tokens', body: { name: 'matrix token' } }),
    harmless: () => ({ path: '/api/tokens', body: {} }),
  },
  {
    route: 'DELETE /api/tokens/:id',
    access: 'viewer',
    account: false,
    real: () => ({ path: `/api/tokens/${NO_SUCH_ID}` }),
  },
  { ...get('/api/users', false), access: 'admin' },
  {
    route: 'POST /api/users',
    access: 'admin',
    account: false,
    real: () => ({
      path: '/api/users',
      body: { name: 'intruder', role: 'admin', password: 'long enough password' },
    }),
    harmless: () => ({ path: '/api/users', body: {} }),
  },
  {
    route: 'PATCH /api/users/:name',
    access: 'admin',
    account: false,
    real: () => ({ path: '/api/users/root', body: { role: 'viewer' } }),
    harmless: () => ({ path: '/api/users/root', body: {} }),
  },
  {
    route: 'DELETE /api/users/:name',
    access: 'admin',
    account: false,
    real: () => ({ path: '/api/users/alice' }),
    harmless: () => ({ path: '/api/users/no-such-user' }),
  },
  { ...get('/api/audit', false), access: 'admin' },
  {
    route: 'POST /api/auth/logout',
    access: 'public',
    account: false,
    real: () => ({ path: '/api/auth/logout', body: {} }),
  },
];
