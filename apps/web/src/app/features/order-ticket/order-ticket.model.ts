export type TicketSide = 'buy' | 'sell';
export type TicketOrderType = 'market' | 'limit' | 'stop' | 'stop_limit' | 'trailing_stop';
export type TicketSizeMode = 'quantity' | 'notional';
export type TicketTrailMode = 'percent' | 'amount';
export type TicketTimeInForce = 'day' | 'gtc' | 'ioc';

/** What the ticket form holds; numbers are null while their input is empty. */
export interface OrderTicketForm {
  readonly symbol: string;
  readonly side: TicketSide;
  readonly type: TicketOrderType;
  readonly sizeMode: TicketSizeMode;
  readonly quantity: number | null;
  readonly notional: number | null;
  readonly limitPrice: number | null;
  readonly stopPrice: number | null;
  readonly trailMode: TicketTrailMode;
  readonly trail: number | null;
  readonly timeInForce: TicketTimeInForce;
  readonly takeProfit: number | null;
  readonly stopLoss: number | null;
}

export const EMPTY_TICKET: OrderTicketForm = {
  symbol: '',
  side: 'buy',
  type: 'market',
  sizeMode: 'notional',
  quantity: null,
  notional: null,
  limitPrice: null,
  stopPrice: null,
  trailMode: 'percent',
  trail: null,
  timeInForce: 'day',
  takeProfit: null,
  stopLoss: null,
};

export const ORDER_TYPE_LABELS: Record<TicketOrderType, string> = {
  market: 'Market',
  limit: 'Limit',
  stop: 'Stop',
  stop_limit: 'Stop-limit',
  trailing_stop: 'Trailing stop',
};

export function needsLimitPrice(type: TicketOrderType): boolean {
  return type === 'limit' || type === 'stop_limit';
}

export function needsStopPrice(type: TicketOrderType): boolean {
  return type === 'stop' || type === 'stop_limit';
}
