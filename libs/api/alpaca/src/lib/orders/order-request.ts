import { ApiError } from '@ptp/api/shared';

/** The fields of POST /v2/orders this platform takes; any other is refused rather than ignored. */
const ORDER_FIELDS = new Set([
  'symbol',
  'qty',
  'notional',
  'side',
  'type',
  'time_in_force',
  'limit_price',
  'stop_price',
  'trail_price',
  'trail_percent',
  'extended_hours',
  'client_order_id',
  'order_class',
  'take_profit',
  'stop_loss',
]);

/** The fields of PATCH /v2/orders/{id}. */
const REPLACE_FIELDS = new Set([
  'qty',
  'time_in_force',
  'limit_price',
  'stop_price',
  'trail',
  'client_order_id',
]);

const UNSUPPORTED_TIME_IN_FORCE = new Set(['opg', 'cls', 'fok']);
const DECIMAL = /^\d{1,12}(\.\d{1,12})?$/;

/** Our order request (`POST /api/orders` body) as the Alpaca fields give it. */
export interface MappedOrder {
  symbol?: unknown;
  side?: unknown;
  type?: unknown;
  quantity?: number;
  notional?: number;
  limitPrice?: number;
  stopPrice?: number;
  trailPercent?: number;
  trailAmount?: number;
  timeInForce?: unknown;
  takeProfit?: number;
  stopLoss?: number;
  stopLossLimit?: number;
  clientOrderId?: unknown;
}

function invalid(message: string): ApiError {
  return ApiError.unprocessable('INVALID_ORDER', message);
}

function notSupported(message: string): ApiError {
  return ApiError.unprocessable('NOT_SUPPORTED', message);
}

function record(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(`${name} must be a JSON object`);
  return value as Record<string, unknown>;
}

/** Alpaca sends amounts as decimal strings (numbers are accepted too). */
export function amount(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return Number(value.trim());
  throw invalid(`${name} must be a positive decimal number`);
}

function checkFields(body: Record<string, unknown>, allowed: ReadonlySet<string>): void {
  const unknown = Object.keys(body).filter((key) => !allowed.has(key));
  if (unknown.length > 0) throw notSupported(`unsupported field(s): ${unknown.join(', ')}`);
}

function checkTimeInForce(value: unknown): void {
  if (typeof value === 'string' && UNSUPPORTED_TIME_IN_FORCE.has(value))
    throw notSupported(`time_in_force ${value} is not supported; use day, gtc or ioc`);
}

/** The exit prices of an order class; an OCO's limit price is its take-profit's. */
type Exits = Pick<MappedOrder, 'takeProfit' | 'stopLoss' | 'stopLossLimit' | 'limitPrice'>;

function takeProfitPrice(takeProfit: Record<string, unknown>): number {
  const price = amount(takeProfit['limit_price'], 'take_profit.limit_price');
  if (price === undefined) throw invalid('take_profit.limit_price is required');
  return price;
}

/** stop_loss: its stop price, and a limit price that makes the stop-loss leg a stop_limit. */
function stopLossPrices(stopLoss: Record<string, unknown>): Exits {
  const stop = amount(stopLoss['stop_price'], 'stop_loss.stop_price');
  if (stop === undefined) throw invalid('stop_loss.stop_price is required');
  return {
    stopLoss: stop,
    stopLossLimit: amount(stopLoss['limit_price'], 'stop_loss.limit_price'),
  };
}

/**
 * An OCO exit pair for a held position: the take-profit leg is the limit order itself (its limit
 * price is take_profit.limit_price), the stop-loss leg is placed with it.
 */
function ocoExits(body: Record<string, unknown>, stopLoss: Record<string, unknown>): Exits {
  if (body['type'] !== 'limit') throw invalid('oco orders must be of type limit');
  if (body['side'] !== 'sell')
    throw notSupported('oco orders exit a long position: side must be sell (no short positions)');
  const limit = takeProfitPrice(record(body['take_profit'], 'take_profit'));
  const given = amount(body['limit_price'], 'limit_price');
  if (given !== undefined && given !== limit)
    throw invalid('the limit_price of an oco order is its take_profit.limit_price');
  return { ...stopLossPrices(stopLoss), limitPrice: limit };
}

/** take_profit / stop_loss of a bracket, OTO or OCO order, as our takeProfit / stopLoss prices. */
function attached(body: Record<string, unknown>): Exits {
  const orderClass = body['order_class'] ?? 'simple';
  const takeProfit =
    body['take_profit'] === undefined ? undefined : record(body['take_profit'], 'take_profit');
  const stopLoss =
    body['stop_loss'] === undefined ? undefined : record(body['stop_loss'], 'stop_loss');
  if (orderClass === 'simple' || orderClass === '') {
    if (takeProfit || stopLoss)
      throw invalid('take_profit/stop_loss need order_class bracket, oco or oto');
    return {};
  }
  if (orderClass !== 'bracket' && orderClass !== 'oto' && orderClass !== 'oco')
    throw invalid('order_class must be simple, bracket, oco or oto');
  if (orderClass !== 'oto' && (!takeProfit || !stopLoss))
    throw invalid(`${orderClass} orders need take_profit and stop_loss`);
  if (orderClass === 'oco') return ocoExits(body, stopLoss as Record<string, unknown>);
  if (orderClass === 'oto' && Boolean(takeProfit) === Boolean(stopLoss))
    throw invalid('oto orders need exactly one of take_profit and stop_loss');
  return {
    ...(takeProfit && { takeProfit: takeProfitPrice(takeProfit) }),
    ...(stopLoss && stopLossPrices(stopLoss)),
  };
}

function defined(order: MappedOrder): MappedOrder {
  return Object.fromEntries(
    Object.entries(order).filter(([, value]) => value !== undefined),
  ) as MappedOrder;
}

/**
 * Alpaca takes extended_hours only on day limit orders. Such an order is accepted and works in the
 * regular session only: our sessions and market data have no pre- or after-market.
 */
function checkExtendedHours(body: Record<string, unknown>): void {
  const value = body['extended_hours'];
  if (value === undefined || value === null || value === false) return;
  if (value !== true) throw invalid('extended_hours must be a boolean');
  if (body['type'] !== 'limit' || (body['time_in_force'] ?? 'day') !== 'day')
    throw invalid('extended_hours orders must be day limit orders');
}

/** The body of POST /v2/orders as our order request; 422 for what is malformed or unsupported. */
export function mapOrderRequest(input: unknown): MappedOrder {
  const body = record(input, 'the request body');
  checkFields(body, ORDER_FIELDS);
  checkTimeInForce(body['time_in_force']);
  checkExtendedHours(body);
  return defined({
    symbol: body['symbol'],
    side: body['side'],
    type: body['type'],
    quantity: amount(body['qty'], 'qty'),
    notional: amount(body['notional'], 'notional'),
    limitPrice: amount(body['limit_price'], 'limit_price'),
    stopPrice: amount(body['stop_price'], 'stop_price'),
    trailAmount: amount(body['trail_price'], 'trail_price'),
    trailPercent: amount(body['trail_percent'], 'trail_percent'),
    timeInForce: body['time_in_force'] ?? 'day',
    clientOrderId: body['client_order_id'],
    ...attached(body),
  });
}

/**
 * PATCH /v2/orders/{id}: the working order's request with the fields the body changes. `trail`
 * changes the trail in the order's own unit (percent or price).
 */
export function mapReplaceRequest(input: unknown, current: MappedOrder): MappedOrder {
  const body = record(input, 'the request body');
  checkFields(body, REPLACE_FIELDS);
  checkTimeInForce(body['time_in_force']);
  const trail = amount(body['trail'], 'trail');
  const qty = amount(body['qty'], 'qty');
  if (qty !== undefined && current.notional !== undefined)
    throw invalid('a notional order cannot be replaced with a qty');
  return defined({
    ...current,
    quantity: qty ?? current.quantity,
    limitPrice: amount(body['limit_price'], 'limit_price') ?? current.limitPrice,
    stopPrice: amount(body['stop_price'], 'stop_price') ?? current.stopPrice,
    trailPercent: current.trailPercent === undefined ? undefined : (trail ?? current.trailPercent),
    trailAmount: current.trailAmount === undefined ? undefined : (trail ?? current.trailAmount),
    timeInForce: body['time_in_force'] ?? current.timeInForce,
    clientOrderId: body['client_order_id'],
  });
}
