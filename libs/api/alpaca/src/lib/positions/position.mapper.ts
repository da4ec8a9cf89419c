import type { PortfolioPosition } from '@ptp/contracts';
import { dec, Dec } from '@ptp/domain';
import { assetUuid, percentToFraction } from '../shared/alpaca-values';

/** A position as Alpaca's Trading API v2 returns it. */
export interface AlpacaPosition {
  readonly asset_id: string;
  readonly symbol: string;
  readonly exchange: string;
  readonly asset_class: 'us_equity';
  readonly asset_marginable: false;
  readonly avg_entry_price: string;
  readonly qty: string;
  readonly qty_available: string;
  readonly side: 'long';
  readonly market_value: string;
  readonly cost_basis: string;
  readonly unrealized_pl: string;
  readonly unrealized_plpc: string;
  readonly unrealized_intraday_pl: string;
  readonly unrealized_intraday_plpc: string;
  readonly current_price: string;
  readonly lastday_price: string;
  readonly change_today: string;
}

/** What the position mapping needs besides the engine's position. */
export interface PositionContext {
  /** Shares promised to working sell orders. */
  readonly held: Dec;
  /** The previous session's close, or null when the provider has none. */
  readonly lastdayPrice: Dec | null;
  /** Start of today's New York day (UTC ms): a position opened since has no overnight part. */
  readonly dayStart: number;
}

const MONEY_DP = 2;
const RATIO_DP = 6;
const money = (d: Dec): string =>
  d.toDecimalPlaces(MONEY_DP, Dec.ROUND_HALF_EVEN).toFixed(MONEY_DP);
const ratio = (part: Dec, whole: Dec): string =>
  whole.isZero() ? '0' : part.div(whole).toDecimalPlaces(RATIO_DP, Dec.ROUND_HALF_EVEN).toString();

/**
 * The engine's position (as the portfolio shows it) in Alpaca's shape. Price, value, cost and
 * unrealised P&L are the engine's; only the intraday figures, which the engine does not keep per
 * position, are taken against the previous close (or the entry, for a position opened today).
 */
export function toAlpacaPosition(
  position: PortfolioPosition,
  context: PositionContext,
): AlpacaPosition {
  const qty = dec(position.quantity);
  const current = dec(position.lastPrice ?? position.avgCost);
  const marketValue = position.marketValue ?? position.costBasis;
  const unrealized = position.unrealizedPnl ?? '0.00';
  const lastday = context.lastdayPrice ?? current;
  const openedToday = Date.parse(position.openedAt) >= context.dayStart;
  const intradayBase = openedToday ? dec(position.costBasis) : lastday.times(qty);
  const intraday = openedToday ? dec(unrealized) : current.minus(lastday).times(qty);
  return {
    asset_id: assetUuid(position.symbol),
    symbol: position.symbol,
    exchange: '',
    asset_class: 'us_equity',
    asset_marginable: false,
    avg_entry_price: position.avgCost,
    qty: position.quantity,
    qty_available: Dec.max(qty.minus(context.held), 0).toString(),
    side: 'long',
    market_value: marketValue,
    cost_basis: position.costBasis,
    unrealized_pl: unrealized,
    unrealized_plpc: percentToFraction(position.unrealizedPnlPct ?? '0'),
    unrealized_intraday_pl: money(intraday),
    unrealized_intraday_plpc: ratio(intraday, intradayBase),
    current_price: current.toString(),
    lastday_price: lastday.toString(),
    change_today: ratio(current.minus(lastday), lastday),
  };
}
