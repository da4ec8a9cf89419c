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

/** take_profit / stop_loss of a bracket or OTO order, as our takeProfit / stopLoss prices. */
function attached(body: Record<string, unknown>): Pick<MappedOrder, 'takeProfit' | 'stopLoss'> {
  const orderClass = body['order_class'] ?? 'simple';
  const takeProfit =
    body['take_profit'] === undefined ? undefined : record(body['take_profit'], 'take_profit');
  const stopLoss =
    body['stop_loss'] === undefined ? undefined : record(body['stop_loss'], 'stop_loss');
  if (orderClass === 'oco')
    throw notSupported('order_class oco is not supported; attach exits with bracket or oto');
  if (orderClass === 'simple' || orderClass === '') {
    if (takeProfit || stopLoss)
      throw invalid('take_profit/stop_loss need order_class bracket or oto');
    return {};
  }
  if (orderClass !== 'bracket' && orderClass !== 'oto')
    throw invalid('order_class must be simple, bracket, oco or oto');
  if (orderClass === 'bracket' && (!takeProfit || !stopLoss))
    throw invalid('bracket orders need take_profit and stop_loss');
  if (orderClass === 'oto' && Boolean(takeProfit) === Boolean(stopLoss))
    throw invalid('oto orders need exactly one of take_profit and stop_loss');
  if (stopLoss?.['limit_price'] !== undefined)
    throw notSupported('stop_loss.limit_price is not supported: the stop-loss leg is a stop order');
  const result: Pick<MappedOrder, 'takeProfit' | 'stopLoss'> = {};
  if (takeProfit) {
    result.takeProfit = amount(takeProfit['limit_price'], 'take_profit.limit_price');
    if (result.takeProfit === undefined) throw invalid('take_profit.limit_price is required');
  }
  if (stopLoss) {
    result.stopLoss = amount(stopLoss['stop_price'], 'stop_loss.stop_price');
    if (result.stopLoss === undefined) throw invalid('stop_loss.stop_price is required');
  }
  return result;
}

function defined(order: MappedOrder): MappedOrder {
  return Object.fromEntries(
    Object.entries(order).filter(([, value]) => value !== undefined),
  ) as MappedOrder;
}

/** The body of POST /v2/orders as our order request; 422 for what is malformed or unsupported. */
export function mapOrderRequest(input: unknown): MappedOrder {
  const body = record(input, 'the request body');
  checkFields(body, ORDER_FIELDS);
  checkTimeInForce(body['time_in_force']);
  if (body['extended_hours'] === true)
    throw notSupported('extended_hours orders are not supported: orders work in regular hours');
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
