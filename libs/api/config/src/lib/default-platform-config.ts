/**
 * Built-in defaults. config/platform.json is merged over these, so a partial file is valid and a
 * missing default file still starts the platform. Keep in step with config/platform.json.
 */
export const DEFAULT_PLATFORM_CONFIG = {
  server: {
    host: '127.0.0.1',
    port: 5000,
    corsOrigins: [],
    allowedHosts: [],
    rateLimit: {
      ttlSec: 60,
      limit: 1200,
    },
    bodyLimit: '1mb',
    auth: { mode: 'auto', sessionTtlSec: 43_200 },
    trustProxy: false,
    role: 'all',
    metrics: { public: false },
    health: { maxAgeMs: 1000 },
  },
  dataDir: './data',
  logLevel: 'info',
  trading: {
    startingCapital: 500,
    defaultStrategy: 'ma-crossover',
    signalIntervalSec: 60,
    watchlist: ['SPY', 'QQQ', 'AAPL', 'MSFT', 'NVDA', 'AMZN', 'GOOGL', 'META', 'TSLA', 'AMD'],
    slippageBps: 5,
    fees: {
      percent: 0,
      perShare: 0,
      perShareMinimum: 0,
      flat: 0,
      regulatory: false,
    },
  },
  execution: { maxVolumePct: null, limitFillRule: 'touch' },
  risk: {
    maxPositionPct: 10,
    maxOpenPositions: 8,
    dailyLossLimitPct: 5,
    flattenOnDailyLossLimit: false,
    minOrderNotional: 1,
    enforceMarketHours: false,
    defaultStopLossPct: null,
    defaultTakeProfitPct: null,
    patternDayTrader: false,
  },
  strategies: {
    'ma-crossover': {},
    'rsi-mean-reversion': {},
    'momentum-breakout': {},
    mixed: {},
  },
  marketData: {
    provider: 'auto',
    cacheTtlSec: 30,
    staleAfterSec: 180,
    maxTrackedSymbols: 200,
    polygon: {
      baseUrl: 'https://api.polygon.io',
      requestsPerMinute: 5,
      timeoutMs: 5000,
      maxRetries: 3,
      websocket: false,
      websocketUrl: 'wss://socket.polygon.io/stocks',
    },
    simulated: {
      seed: 42,
      speed: 1,
      followMarketHours: false,
      backfillBars: 600,
      corporateActions: { splits: false, dividends: false },
    },
    replay: {
      files: [],
      speed: 60,
      warmupBars: 200,
      corporateActions: null,
    },
  },
  dashboard: {
    pollIntervalSec: 3,
  },
  backtests: {
    maxConcurrent: 2,
    uploadQuotaMb: 50,
    workerMemoryMb: 768,
  },
  retention: {
    rawEquityDays: 30,
    decisionDays: 90,
  },
} as const;
