import { isOnQuantityStep, QUANTITY_DECIMALS } from '../money/rounding';
import {
  ORDER_SIDES,
  ORDER_TYPES,
  TIME_IN_FORCE_VALUES,
  type OrderRequest,
  type OrderSide,
  type OrderType,
  type TimeInForce,
} from './order-types';

export type OrderValidationCode =
  | 'INVALID_SYMBOL'
  | 'INVALID_SIDE'
  | 'INVALID_ORDER_TYPE'
  | 'INVALID_TIME_IN_FORCE'
  | 'QUANTITY_OR_NOTIONAL'
  | 'INVALID_QUANTITY'
  | 'INVALID_NOTIONAL'
  | 'MISSING_LIMIT_PRICE'
  | 'MISSING_STOP_PRICE'
  | 'INVALID_PRICE'
  | 'INVALID_TRAIL'
  | 'FIELD_NOT_APPLICABLE'
  | 'BRACKET_REQUIRES_BUY'
  | 'INVALID_BRACKET'
  | 'INVALID_OCO';

export interface OrderValidationIssue {
  readonly code: OrderValidationCode;
  readonly field: string;
  readonly message: string;
}

/** A request that passed validation: every field checked, `timeInForce` defaulted. */
export interface ValidOrderRequest extends OrderRequest {
  readonly timeInForce: TimeInForce;
}

export type OrderValidation =
  | { readonly ok: true; readonly request: ValidOrderRequest }
  | { readonly ok: false; readonly issues: readonly OrderValidationIssue[] };

/** Thrown by callers that prefer exceptions; `code` is the first issue's code. */
export class OrderValidationError extends Error {
  readonly code: OrderValidationCode;
  constructor(readonly issues: readonly OrderValidationIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
    this.name = 'OrderValidationError';
    this.code = issues[0].code;
  }
}

const SYMBOL = /^[A-Z][A-Z0-9.-]{0,11}$/;
const PRICED_FIELDS = ['limitPrice', 'stopPrice', 'trailPercent', 'trailAmount'] as const;
const FIELDS_OF_TYPE: Readonly<Record<OrderType, readonly (typeof PRICED_FIELDS)[number][]>> = {
  market: [],
  limit: ['limitPrice'],
  stop: ['stopPrice'],
  stop_limit: ['limitPrice', 'stopPrice'],
  trailing_stop: ['trailPercent', 'trailAmount'],
};

const isPositive = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * Validates untrusted order input; every problem is reported with a machine-readable code and the
 * field it concerns.
 */
export function validateOrderRequest(input: OrderRequest): OrderValidation {
  const issues: OrderValidationIssue[] = [];
  const fail = (code: OrderValidationCode, field: string, message: string) =>
    issues.push({ code, field, message });

  if (typeof input.symbol !== 'string' || !SYMBOL.test(input.symbol))
    fail('INVALID_SYMBOL', 'symbol', 'symbol must be 1–12 upper-case letters, digits, "." or "-"');
  if (!ORDER_SIDES.includes(input.side as OrderSide))
    fail('INVALID_SIDE', 'side', `side must be one of ${ORDER_SIDES.join(', ')}`);
  const typeKnown = ORDER_TYPES.includes(input.type as OrderType);
  if (!typeKnown)
    fail('INVALID_ORDER_TYPE', 'type', `type must be one of ${ORDER_TYPES.join(', ')}`);
  const timeInForce = input.timeInForce ?? 'gtc';
  if (!TIME_IN_FORCE_VALUES.includes(timeInForce))
    fail(
      'INVALID_TIME_IN_FORCE',
      'timeInForce',
      `timeInForce must be one of ${TIME_IN_FORCE_VALUES.join(', ')}`,
    );

  checkAmount(input, fail);
  if (typeKnown) checkPrices(input, fail);
  checkBracket(input, fail);
  return issues.length === 0
    ? { ok: true, request: { ...input, timeInForce } }
    : { ok: false, issues };
}

type Fail = (code: OrderValidationCode, field: string, message: string) => void;

function checkAmount(input: OrderRequest, fail: Fail): void {
  const hasQuantity = input.quantity !== undefined;
  const hasNotional = input.notional !== undefined;
  if (hasQuantity === hasNotional) {
    fail(
      'QUANTITY_OR_NOTIONAL',
      hasQuantity ? 'notional' : 'quantity',
      'give exactly one of quantity (shares) and notional (dollars)',
    );
    return;
  }
  if (hasQuantity && (!isPositive(input.quantity) || !isOnQuantityStep(input.quantity))) {
    fail(
      'INVALID_QUANTITY',
      'quantity',
      `quantity must be a positive number of shares with at most ${QUANTITY_DECIMALS} decimals`,
    );
  }
  if (hasNotional && !isPositive(input.notional))
    fail('INVALID_NOTIONAL', 'notional', 'notional must be a positive dollar amount');
}

function checkPrices(input: OrderRequest, fail: Fail): void {
  const wanted = FIELDS_OF_TYPE[input.type];
  for (const field of PRICED_FIELDS) {
    if (input[field] !== undefined && !wanted.includes(field))
      fail('FIELD_NOT_APPLICABLE', field, `${field} does not apply to a ${input.type} order`);
  }
  if (wanted.includes('limitPrice'))
    priceField(input.limitPrice, 'limitPrice', 'MISSING_LIMIT_PRICE', fail);
  if (wanted.includes('stopPrice'))
    priceField(input.stopPrice, 'stopPrice', 'MISSING_STOP_PRICE', fail);
  if (input.type === 'trailing_stop') checkTrail(input, fail);
}

function priceField(
  value: number | undefined,
  field: string,
  missing: OrderValidationCode,
  fail: Fail,
): void {
  if (value === undefined) fail(missing, field, `${field} is required for this order type`);
  else if (!isPositive(value)) fail('INVALID_PRICE', field, `${field} must be a positive price`);
}

function checkTrail(input: OrderRequest, fail: Fail): void {
  const { trailPercent, trailAmount } = input;
  if ((trailPercent === undefined) === (trailAmount === undefined)) {
    fail(
      'INVALID_TRAIL',
      'trailPercent',
      'a trailing stop needs exactly one of trailPercent and trailAmount',
    );
  } else if (trailPercent !== undefined && !(isPositive(trailPercent) && trailPercent < 100)) {
    fail('INVALID_TRAIL', 'trailPercent', 'trailPercent must be above 0 and below 100');
  } else if (trailAmount !== undefined && !isPositive(trailAmount)) {
    fail('INVALID_TRAIL', 'trailAmount', 'trailAmount must be a positive dollar amount');
  }
}

function checkBracket(input: OrderRequest, fail: Fail): void {
  const { takeProfit, stopLoss, stopLossLimit } = input;
  if (takeProfit === undefined && stopLoss === undefined) {
    if (stopLossLimit !== undefined)
      fail('FIELD_NOT_APPLICABLE', 'stopLossLimit', 'stopLossLimit needs a stopLoss');
    return;
  }
  if (input.side !== 'buy' && takeProfit !== undefined) {
    fail(
      'BRACKET_REQUIRES_BUY',
      'takeProfit',
      'take-profit attaches to buy (entry) orders only; a sell limit order takes a stopLoss (OCO)',
    );
    return;
  }
  if (input.side === 'sell') checkOco(input, fail);
  if (takeProfit !== undefined && !isPositive(takeProfit))
    fail('INVALID_PRICE', 'takeProfit', 'takeProfit must be a positive price');
  if (stopLoss !== undefined && !isPositive(stopLoss))
    fail('INVALID_PRICE', 'stopLoss', 'stopLoss must be a positive price');
  if (stopLossLimit !== undefined && !isPositive(stopLossLimit))
    fail('INVALID_PRICE', 'stopLossLimit', 'stopLossLimit must be a positive price');
  if (isPositive(takeProfit) && isPositive(stopLoss) && stopLoss >= takeProfit) {
    fail('INVALID_BRACKET', 'stopLoss', 'stopLoss must be below takeProfit');
  }
  const entry = input.limitPrice;
  if (isPositive(entry) && isPositive(takeProfit) && takeProfit <= entry)
    fail('INVALID_BRACKET', 'takeProfit', 'takeProfit must be above the limit price');
  if (isPositive(entry) && isPositive(stopLoss) && stopLoss >= entry)
    fail('INVALID_BRACKET', 'stopLoss', 'stopLoss must be below the limit price');
}

/**
 * A sell limit order with a stopLoss is an OCO exit pair: the stop leg sells the same shares, so
 * they must be known (a quantity), and both legs must be able to wait for their price (not ioc).
 */
function checkOco(input: OrderRequest, fail: Fail): void {
  if (input.type !== 'limit')
    fail('INVALID_OCO', 'type', 'a sell with a stopLoss (an OCO pair) must be a limit order');
  if (input.quantity === undefined)
    fail('INVALID_OCO', 'quantity', 'an OCO pair needs a quantity of shares, not a notional');
  if (input.timeInForce === 'ioc')
    fail('INVALID_OCO', 'timeInForce', 'an OCO pair works day or gtc, not ioc');
}
