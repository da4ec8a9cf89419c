import type {
  AccountMetrics,
  ChartData,
  ChartFillMarker,
  Order,
  PortfolioPosition,
  RiskLimits,
  RuntimeConfig,
  StrategyInfo,
} from '@ptp/contracts';

/** The MA-crossover schema as /api/strategies publishes it. */
export const MA_CROSSOVER: StrategyInfo = {
  name: 'ma-crossover',
  title: 'MA crossover',
  description: 'Fast SMA crosses the slow SMA',
  params: [
    {
      key: 'fast',
      label: 'Fast',
      description: 'Fast SMA bars',
      type: 'integer',
      default: 10,
      min: 2,
      max: 200,
    },
    {
      key: 'slow',
      label: 'Slow',
      description: 'Slow SMA bars',
      type: 'integer',
      default: 30,
      min: 3,
      max: 400,
    },
  ],
  orderings: [{ lesser: 'fast', greater: 'slow' }],
  defaults: { fast: 10, slow: 30 },
};

/** The platform's default risk limits (config/platform.json). */
export const DEFAULT_RISK_LIMITS: RiskLimits = {
  maxPositionPct: 10,
  maxOpenPositions: 8,
  dailyLossLimitPct: 5,
  flattenOnDailyLossLimit: false,
  minOrderNotional: 1,
  enforceMarketHours: false,
  defaultStopLossPct: null,
  defaultTakeProfitPct: null,
  patternDayTrader: false,
};

/** An account's runtime configuration at the platform defaults; override what a test needs. */
export function runtimeConfig(overrides: Partial<RuntimeConfig> = {}): RuntimeConfig {
  return {
    accountId: 'default',
    risk: DEFAULT_RISK_LIMITS,
    strategy: 'ma-crossover',
    strategies: { 'ma-crossover': { fast: 10, slow: 30 } },
    watchlist: ['SPY', 'QQQ'],
    signalIntervalSec: 60,
    fees: { percent: 0, perShare: 0.005, perShareMinimum: 1, flat: 0, regulatory: true },
    slippageBps: 5,
    execution: { maxVolumePct: null, limitFillRule: 'touch' },
    updatedAt: null,
    ...overrides,
  };
}

export function chartData(overrides: Partial<ChartData> = {}): ChartData {
  return {
    accountId: 'default',
    asOf: 1000,
    incremental: false,
    startingCapital: 500,
    benchmarkSymbol: 'SPY',
    symbols: ['SPY'],
    equity: [],
    prices: {},
    fills: [],
    ...overrides,
  };
}

export function fill(overrides: Partial<ChartFillMarker> = {}): ChartFillMarker {
  return {
    time: 1000,
    symbol: 'SPY',
    side: 'buy',
    price: 600,
    quantity: 0.08,
    tradeId: 't1',
    orderId: 'o1',
    ...overrides,
  };
}

export function position(overrides: Partial<PortfolioPosition> = {}): PortfolioPosition {
  return {
    symbol: 'AAPL',
    quantity: '0.25',
    avgCost: '200',
    costBasis: '50.00',
    lastPrice: '210',
    marketValue: '52.5',
    unrealizedPnl: '2.5',
    unrealizedPnlPct: '5',
    weight: '10.2',
    realizedPnl: '0',
    openedAt: '2025-01-02T15:00:00.000Z',
    ...overrides,
  };
}

export function order(overrides: Partial<Order> = {}): Order {
  return {
    id: 'o1',
    accountId: 'default',
    sessionId: null,
    parentId: null,
    ocoGroup: null,
    source: 'manual',
    symbol: 'AAPL',
    side: 'buy',
    type: 'market',
    timeInForce: 'gtc',
    status: 'accepted',
    quantity: null,
    notional: null,
    filledQuantity: '0',
    avgFillPrice: null,
    limitPrice: null,
    stopPrice: null,
    trailPercent: null,
    trailAmount: null,
    takeProfit: null,
    stopLoss: null,
    reason: null,
    clientOrderId: null,
    createdAt: '2025-01-02T15:00:00.000Z',
    updatedAt: '2025-01-02T15:00:00.000Z',
    ...overrides,
  };
}

export function accountMetrics(overrides: Partial<AccountMetrics> = {}): AccountMetrics {
  return {
    accountId: 'default',
    from: null,
    to: null,
    start: 500,
    end: 512,
    totalReturn: 0.024,
    annualizedReturn: null,
    sharpe: 1.234,
    sortino: null,
    maxDrawdown: {
      pct: 0.032,
      amount: 16,
      peakTime: null,
      troughTime: null,
      recoveryTime: null,
      durationMs: 0,
    },
    maxDrawdownAmount: 16,
    calmar: null,
    dailyReturns: 3,
    tradeCount: 4,
    winRate: 0.5555,
    profitFactor: null,
    expectancy: null,
    exposure: null,
    benchmark: null,
    convention: {
      returns: 'fractions',
      dailyResampling: 'last point per New York day',
      periodsPerYear: 252,
      riskFreeRate: 0,
      annualizedReturn: 'compounded over 252 days',
      sharpe: 'daily returns, sample σ, √252, rf 0',
      sortino: 'downside deviation, √252',
      maxDrawdown: 'deepest fall from a running peak',
      calmar: 'annualized return / max drawdown',
      winRate: 'winning / all round trips',
      profitFactor: 'gross profit / gross loss',
      expectancy: 'mean pnl per round trip',
      exposure: 'time with a position open',
      benchmark: 'buy and hold',
    },
    ...overrides,
  };
}
