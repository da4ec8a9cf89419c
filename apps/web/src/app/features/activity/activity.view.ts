import type {
  ChartData,
  MarketQuote,
  Order,
  PlaceOrderRequest,
  Portfolio,
  Trade,
} from '@ptp/contracts';
import { formatMoney, formatQty } from '../../core/format/format';
import { toNum } from '../../core/format/parse';
import type { OrderTicketForm } from '../order-ticket/order-ticket.model';
import { needsLimitPrice, needsStopPrice } from '../order-ticket/order-ticket.model';
import type { FillRow, OpenOrderRow, PositionRow, WatchRow } from './activity.model';

const SPARKLINE_POINTS = 60;

export function positionRows(portfolio: Portfolio | undefined): PositionRow[] {
  return (portfolio?.positions ?? []).map((p) => ({
    symbol: p.symbol,
    quantity: toNum(p.quantity) ?? 0,
    avgCost: toNum(p.avgCost) ?? 0,
    last: toNum(p.lastPrice),
    marketValue: toNum(p.marketValue),
    unrealized: toNum(p.unrealizedPnl),
    unrealizedPct: toNum(p.unrealizedPnlPct),
    weightPct: toNum(p.weight),
  }));
}

function orderTrigger(order: Order): string {
  const parts: string[] = [];
  if (order.stopPrice !== undefined && order.stopPrice !== null)
    parts.push(`stop ${formatMoney(order.stopPrice)}`);
  if (order.limitPrice !== undefined && order.limitPrice !== null)
    parts.push(`lmt ${formatMoney(order.limitPrice)}`);
  if (order.trailPercent !== undefined && order.trailPercent !== null)
    parts.push(`trail ${order.trailPercent}%`);
  if (order.trailAmount !== undefined && order.trailAmount !== null)
    parts.push(`trail ${formatMoney(order.trailAmount)}`);
  return parts.join(' ') || 'mkt';
}

export function openOrderRows(orders: readonly Order[] | undefined): OpenOrderRow[] {
  return (orders ?? []).map((o) => ({
    id: o.id,
    symbol: o.symbol,
    side: o.side,
    type: o.type,
    size:
      o.quantity !== null && o.quantity !== undefined
        ? `${formatQty(o.quantity)} sh`
        : formatMoney(o.notional),
    trigger: orderTrigger(o),
    status: o.status,
    createdAt: o.createdAt,
  }));
}

export function fillRows(trades: readonly Trade[] | undefined): FillRow[] {
  return (trades ?? []).map((t) => ({
    id: t.id,
    time: t.time,
    symbol: t.symbol,
    side: t.side,
    quantity: toNum(t.quantity) ?? 0,
    price: toNum(t.price) ?? 0,
    commission: toNum(t.commission) ?? 0,
  }));
}

/** Watchlist rows: last price from quotes, change and sparkline from the chart's price series. */
export function watchRows(
  symbols: readonly string[],
  quotes: readonly MarketQuote[] | undefined,
  chart: ChartData | undefined,
): WatchRow[] {
  const bySymbol = new Map((quotes ?? []).map((q) => [q.symbol, q]));
  return symbols.map((symbol) => {
    const history = (chart?.prices[symbol] ?? []).slice(-SPARKLINE_POINTS).map((p) => p.close);
    const quote = bySymbol.get(symbol);
    const last = quote?.price ?? history[history.length - 1] ?? null;
    const first = history[0] ?? null;
    const change = last !== null && first !== null ? last - first : null;
    return {
      symbol,
      last,
      change,
      changePct: change !== null && first ? (change / first) * 100 : null,
      history,
      stale: quote?.stale ?? false,
    };
  });
}

/** The API request for a validated ticket: only the fields its order type uses. */
export function toOrderRequest(form: OrderTicketForm): PlaceOrderRequest {
  const optional = <K extends keyof PlaceOrderRequest>(
    key: K,
    value: PlaceOrderRequest[K] | null,
    when = true,
  ) => (when && value !== null && value !== undefined ? { [key]: value } : {});
  return {
    symbol: form.symbol,
    side: form.side,
    type: form.type,
    timeInForce: form.timeInForce,
    ...optional('quantity', form.quantity, form.sizeMode === 'quantity'),
    ...optional('notional', form.notional, form.sizeMode === 'notional'),
    ...optional('limitPrice', form.limitPrice, needsLimitPrice(form.type)),
    ...optional('stopPrice', form.stopPrice, needsStopPrice(form.type)),
    ...optional(
      'trailPercent',
      form.trail,
      form.type === 'trailing_stop' && form.trailMode === 'percent',
    ),
    ...optional(
      'trailAmount',
      form.trail,
      form.type === 'trailing_stop' && form.trailMode === 'amount',
    ),
    ...optional('takeProfit', form.takeProfit),
    ...optional('stopLoss', form.stopLoss),
  };
}
