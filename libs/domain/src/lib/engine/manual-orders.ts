import { isOpen } from '../calendar/nyse-calendar';
import { slip } from '../execution/slippage';
import { createOrder } from '../orders/order-factory';
import { transitionOrder } from '../orders/order-state';
import { isOpenOrder, type Order, type OrderRequest } from '../orders/order-types';
import {
  validateOrderRequest,
  type OrderValidationIssue,
  type ValidOrderRequest,
} from '../orders/order-validation';
import type { RiskRejection } from '../risk/risk-config';
import type { EngineConfig } from './engine-config';
import { engineRequest, stopLossPrices } from './engine-request';
import { copyOrder, type OrderBook } from './order-book';
import type { PreTradeGate } from './pre-trade-gate';

/**
 * Why a manual order was not accepted: invalid input (no order exists) or a rule (the order exists,
 * rejected).
 */
export type SubmitResult =
  | { readonly ok: true; readonly order: Order }
  | {
      readonly ok: false;
      readonly code: string;
      readonly message: string;
      readonly issues?: readonly OrderValidationIssue[];
      readonly rejection?: RiskRejection;
      readonly order?: Order;
      readonly referencePrice?: number;
    };

/**
 * The engine keeps only open orders: a filled, canceled or unknown id is ORDER_NOT_FOUND here (the
 * caller's store knows which).
 */
export type CancelResult =
  | { readonly ok: true; readonly order: Order }
  | { readonly ok: false; readonly code: 'ORDER_NOT_FOUND'; readonly message: string };

/**
 * Orders placed and canceled by people: validated, priced and checked before they join the book.
 */
export class ManualOrders {
  constructor(
    private readonly config: EngineConfig,
    private readonly book: OrderBook,
    private readonly gate: PreTradeGate,
  ) {}

  submit(request: OrderRequest, time: number): SubmitResult {
    const validation = validateOrderRequest(request);
    if (!validation.ok) {
      const { issues } = validation;
      const message = issues.map((i) => i.message).join('; ');
      return { ok: false, code: issues[0].code, message, issues };
    }
    const valid = validation.request;
    const state = this.book.state(valid.symbol);
    const reference = valid.type === 'limit' ? valid.limitPrice : (state.lastPrice ?? undefined);
    if (reference === undefined) {
      return { ok: false, code: 'NO_PRICE', message: `no price is known for ${valid.symbol} yet` };
    }
    const bracketProblem = this.bracketProblem(valid, reference);
    if (bracketProblem) {
      return {
        ok: false,
        code: 'INVALID_BRACKET',
        message: bracketProblem,
        referencePrice: reference,
      };
    }
    const role = valid.side === 'buy' ? 'entry' : 'exit';
    const origin = this.book.origin(time, 'manual', role);
    const oco = valid.side === 'sell' && valid.stopLoss !== undefined;
    // The limit order of an OCO pair heads the group its stop leg joins.
    const order = createOrder(valid, oco ? { ...origin, ocoGroup: origin.id } : origin);
    const risk = this.riskProblem(valid, reference, time);
    if (risk) {
      transitionOrder(order, 'rejected', `${risk.code}: ${risk.message}`, time);
      this.book.emit(order);
      return {
        ok: false,
        code: risk.code,
        message: risk.message,
        rejection: risk,
        order: copyOrder(order),
      };
    }
    this.book.accept(order, reference, time);
    if (oco) this.placeStopLeg(order, valid, reference, time);
    return { ok: true, order: copyOrder(order) };
  }

  /** The stop-loss sell of an OCO pair: the limit order's shares, time in force and group. */
  private placeStopLeg(
    parent: Order,
    valid: ValidOrderRequest,
    reference: number,
    time: number,
  ): void {
    const { symbol, quantity, stopLoss, stopLossLimit, timeInForce } = valid;
    const prices = stopLossPrices(stopLoss as number, stopLossLimit);
    const request = {
      ...engineRequest({ symbol, side: 'sell', quantity, ...prices }),
      timeInForce,
    };
    const origin = this.book.origin(time, 'manual', 'stop_loss', parent.id);
    this.book.accept(createOrder(request, origin), reference, time);
  }

  cancel(id: string, time: number, reason: string): CancelResult {
    const order = this.book.get(id);
    if (!order) return { ok: false, code: 'ORDER_NOT_FOUND', message: `no open order ${id}` };
    this.book.close(order, 'canceled', reason, time);
    // Canceling the limit order of an OCO pair cancels the pair, as Alpaca does.
    for (const leg of this.book.state(order.symbol).orders) {
      if (leg.ocoGroup === order.id && leg.id !== order.id && isOpenOrder(leg))
        this.book.close(leg, 'canceled', `oco: ${order.id} canceled`, time);
    }
    this.book.prune(this.book.state(order.symbol));
    return { ok: true, order: copyOrder(order) };
  }

  private riskProblem(
    valid: ValidOrderRequest,
    reference: number,
    time: number,
  ): RiskRejection | null {
    const { symbol, side, limitPrice } = valid;
    const estimate =
      side === 'buy' && limitPrice !== undefined
        ? limitPrice
        : slip(reference, side, this.config.slippageBps);
    const quantity = valid.quantity ?? (valid.notional ?? 0) / estimate;
    const rejection = side === 'sell' ? this.gate.sellProblem(symbol, quantity) : null;
    return rejection ?? this.gate.check(symbol, side, quantity, estimate, isOpen(time));
  }

  private bracketProblem(request: ValidOrderRequest, reference: number): string | null {
    const { stopLoss, takeProfit } = request;
    if (stopLoss !== undefined && stopLoss >= reference) {
      return `stopLoss ${stopLoss} must be below the current price ${reference}`;
    }
    if (takeProfit !== undefined && takeProfit <= reference) {
      return `takeProfit ${takeProfit} must be above the current price ${reference}`;
    }
    return null;
  }
}
