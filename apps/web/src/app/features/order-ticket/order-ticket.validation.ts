import { SYMBOL_PATTERN } from '@ptp/contracts';
import { type OrderTicketForm, needsLimitPrice, needsStopPrice } from './order-ticket.model';

export type TicketField = keyof OrderTicketForm;
export type TicketErrors = Partial<Record<TicketField, string>>;

export interface TicketContext {
  /** Last known price of the symbol, when the dashboard has one; enables price-relative checks. */
  readonly lastPrice?: number | null;
}

const MAX_QUANTITY_DECIMALS = 6;
const MAX_MONEY_DECIMALS = 2;

function decimals(value: number): number {
  const text = String(value);
  if (text.includes('e-')) return Number(text.split('e-')[1]);
  return text.includes('.') ? text.split('.')[1].length : 0;
}

function checkPositive(
  value: number | null,
  label: string,
  maxDecimals: number,
): string | undefined {
  if (value === null) return `${label} is required`;
  if (!Number.isFinite(value) || value <= 0) return `${label} must be greater than 0`;
  if (decimals(value) > maxDecimals) return `${label} allows at most ${maxDecimals} decimals`;
  return undefined;
}

function checkOptionalPrice(value: number | null, label: string): string | undefined {
  return value === null ? undefined : checkPositive(value, label, MAX_MONEY_DECIMALS + 2);
}

/** The price a bracket is measured against: the limit for limit orders, else the last price. */
function referencePrice(form: OrderTicketForm, context: TicketContext): number | null {
  if (needsLimitPrice(form.type) && form.limitPrice !== null) return form.limitPrice;
  if (form.type === 'stop' && form.stopPrice !== null) return form.stopPrice;
  return context.lastPrice ?? null;
}

function bracketErrors(form: OrderTicketForm, context: TicketContext): TicketErrors {
  const errors: TicketErrors = {};
  const takeProfit = checkOptionalPrice(form.takeProfit, 'Take-profit');
  const stopLoss = checkOptionalPrice(form.stopLoss, 'Stop-loss');
  if (takeProfit) errors.takeProfit = takeProfit;
  if (stopLoss) errors.stopLoss = stopLoss;
  if (errors.takeProfit || errors.stopLoss || (form.takeProfit === null && form.stopLoss === null))
    return errors;
  if (form.side === 'sell') {
    errors.takeProfit =
      form.takeProfit === null
        ? undefined
        : 'Take-profit and stop-loss attach to buy (entry) orders only';
    errors.stopLoss =
      form.stopLoss === null
        ? undefined
        : 'Take-profit and stop-loss attach to buy (entry) orders only';
    return errors;
  }
  if (form.takeProfit !== null && form.stopLoss !== null && form.takeProfit <= form.stopLoss) {
    errors.takeProfit = 'Take-profit must be above the stop-loss';
  }
  const reference = referencePrice(form, context);
  if (reference !== null) {
    if (form.takeProfit !== null && form.takeProfit <= reference)
      errors.takeProfit = `Take-profit must be above the entry price (${reference})`;
    if (form.stopLoss !== null && form.stopLoss >= reference)
      errors.stopLoss = `Stop-loss must be below the entry price (${reference})`;
  }
  return errors;
}

function priceErrors(form: OrderTicketForm): TicketErrors {
  const errors: TicketErrors = {};
  if (needsLimitPrice(form.type))
    errors.limitPrice = checkPositive(form.limitPrice, 'Limit price', MAX_MONEY_DECIMALS + 2);
  if (needsStopPrice(form.type))
    errors.stopPrice = checkPositive(form.stopPrice, 'Stop price', MAX_MONEY_DECIMALS + 2);
  if (
    form.type === 'stop_limit' &&
    !errors.limitPrice &&
    !errors.stopPrice &&
    form.limitPrice !== null &&
    form.stopPrice !== null
  ) {
    const wrongSide =
      form.side === 'buy' ? form.limitPrice < form.stopPrice : form.limitPrice > form.stopPrice;
    if (wrongSide)
      errors.limitPrice =
        form.side === 'buy'
          ? 'A buy stop-limit needs limit ≥ stop'
          : 'A sell stop-limit needs limit ≤ stop';
  }
  if (form.type === 'trailing_stop') {
    errors.trail = checkPositive(
      form.trail,
      form.trailMode === 'percent' ? 'Trail %' : 'Trail amount',
      MAX_MONEY_DECIMALS + 2,
    );
    if (!errors.trail && form.trailMode === 'percent' && (form.trail ?? 0) >= 100)
      errors.trail = 'Trail % must be below 100';
  }
  return errors;
}

/** Client-side checks run before an order is sent; the server still has the last word (risk, cash, hours). */
export function validateOrderTicket(
  form: OrderTicketForm,
  context: TicketContext = {},
): TicketErrors {
  const errors: TicketErrors = {};
  const symbol = form.symbol.trim().toUpperCase();
  if (!symbol) errors.symbol = 'Symbol is required';
  else if (!SYMBOL_PATTERN.test(symbol))
    errors.symbol = 'Symbol must be 1–10 letters, digits or "."';

  if (form.sizeMode === 'quantity')
    errors.quantity = checkPositive(form.quantity, 'Quantity', MAX_QUANTITY_DECIMALS);
  else errors.notional = checkPositive(form.notional, 'Notional', MAX_MONEY_DECIMALS);

  if (form.timeInForce === 'ioc' && (form.type === 'stop' || form.type === 'trailing_stop')) {
    errors.timeInForce = 'IOC needs an order that can fill at once; use day or gtc for stops';
  }

  const all = { ...errors, ...priceErrors(form), ...bracketErrors(form, context) };
  return Object.fromEntries(
    Object.entries(all).filter(([, message]) => message !== undefined),
  ) as TicketErrors;
}
