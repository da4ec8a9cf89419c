import type { RiskConfig, RiskRejection } from './risk-config';

/**
 * What the pre-trade checks look at for one order. Prices are the estimated fill price (slippage
 * included).
 */
export interface PreTradeContext {
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly quantity: number;
  readonly price: number;
  /** Estimated fees of the order. */
  readonly fees: number;
  readonly equity: number;
  /** Cash not yet promised to other open buy orders. */
  readonly availableCash: number;
  /** Shares already held plus shares of open buy orders of this symbol. */
  readonly exposureQuantity: number;
  /** Symbols held or with an open entry, not counting this one. */
  readonly otherOpenPositions: number;
  /** Set once the daily loss limit is breached: the limit and the loss so far, in dollars. */
  readonly dailyLoss: { readonly limit: number; readonly loss: number } | null;
  /**
   * Whether the regular session is open at the order's time; null when it does not apply (daily
   * bars).
   */
  readonly marketOpen: boolean | null;
}

const money = (v: number) => Math.round(v * 100) / 100;

/**
 * The pre-trade rules, first failure wins. `risk` null turns every rule off except enough cash
 * (the backtest CLI's --no-risk). Sells only face the market-hours rule: exits are never blocked by
 * size or loss limits.
 */
export function preTradeCheck(
  context: PreTradeContext,
  risk: RiskConfig | null,
): RiskRejection | null {
  if (risk?.enforceMarketHours && context.marketOpen === false) {
    return {
      code: 'RISK_MARKET_CLOSED',
      limit: null,
      requested: null,
      message: 'orders are accepted only during the regular session (09:30–16:00 New York)',
    };
  }
  if (context.side === 'sell') return null;
  if (!(context.quantity > 0))
    return {
      code: 'RISK_ZERO_QUANTITY',
      limit: null,
      requested: context.quantity,
      message: 'the order size rounds down to zero shares',
    };
  const notional = context.quantity * context.price;
  if (risk) {
    const rejection = limitChecks(context, risk, notional);
    if (rejection) return rejection;
  }
  const cost = notional + context.fees;
  if (cost > context.availableCash) {
    return {
      code: 'INSUFFICIENT_CASH',
      limit: money(context.availableCash),
      requested: money(cost),
      message:
        `the order needs ${money(cost)} with fees; ` +
        `${money(context.availableCash)} is available`,
    };
  }
  return null;
}

function limitChecks(
  context: PreTradeContext,
  risk: RiskConfig,
  notional: number,
): RiskRejection | null {
  if (context.dailyLoss) {
    return {
      code: 'RISK_DAILY_LOSS_LIMIT',
      limit: money(context.dailyLoss.limit),
      requested: money(context.dailyLoss.loss),
      message:
        `the daily loss limit of ${risk.dailyLossLimitPct}% (${money(context.dailyLoss.limit)}) ` +
        `was breached: no new entries until the next session`,
    };
  }
  if (context.exposureQuantity === 0 && context.otherOpenPositions >= risk.maxOpenPositions) {
    return {
      code: 'RISK_MAX_OPEN_POSITIONS',
      limit: risk.maxOpenPositions,
      requested: context.otherOpenPositions + 1,
      message: `at most ${risk.maxOpenPositions} open positions`,
    };
  }
  if (notional < risk.minOrderNotional) {
    return {
      code: 'RISK_MIN_NOTIONAL',
      limit: risk.minOrderNotional,
      requested: money(notional),
      message: `orders must be worth at least ${risk.minOrderNotional}`,
    };
  }
  const maxValue = (risk.maxPositionPct / 100) * context.equity;
  const positionValue = (context.exposureQuantity + context.quantity) * context.price;
  // A relative tolerance keeps a position sized exactly at the cap from failing on float rounding.
  if (positionValue > maxValue * (1 + 1e-9)) {
    return {
      code: 'RISK_MAX_POSITION',
      limit: money(maxValue),
      requested: money(positionValue),
      message:
        `a position may be worth at most ${risk.maxPositionPct}% of equity ` +
        `(${money(maxValue)}); this one would be ${money(positionValue)}`,
    };
  }
  return null;
}
