import { slip } from '../execution/slippage';
import type { Ledger } from '../ledger/ledger';
import type { Bar } from '../market/bar';
import { QUANTITY_STEP } from '../money/rounding';
import { createOrder } from '../orders/order-factory';
import type { OrderSide } from '../orders/order-types';
import type { ValidOrderRequest } from '../orders/order-validation';
import { DEFAULT_RISK_CONFIG } from '../risk/risk-config';
import { affordableSteps, entryNotional } from '../risk/sizing';
import type { StrategySignal } from '../strategies/strategy';
import type { EngineConfig } from './engine-config';
import type { EngineIds } from './engine-ids';
import type { DecisionRecord } from './engine-output';
import { engineRequest } from './engine-request';
import type { AssignedStrategy, OrderBook, SymbolState } from './order-book';
import type { OutputBuffer } from './output-buffer';
import type { PreTradeGate } from './pre-trade-gate';

/** One strategy signal as the engine acts on it. */
export interface Signal {
  readonly state: SymbolState;
  readonly strategy: AssignedStrategy;
  readonly bar: Bar;
  readonly action: 'enter' | 'exit';
  readonly description: StrategySignal;
  /** Whether the regular session is open at the bar; null for daily bars. */
  readonly marketOpen: boolean | null;
}

type Outcome = Pick<DecisionRecord, 'riskOutcome' | 'riskCode' | 'riskReason' | 'orderId'>;

/**
 * Turns strategy signals into orders: one open strategy order per side and symbol, entries sized by
 * the config, every order past the pre-trade checks, and a decision record of what became of it.
 */
export class StrategyDecisions {
  constructor(
    private readonly config: EngineConfig,
    private readonly ledger: Ledger,
    private readonly book: OrderBook,
    private readonly gate: PreTradeGate,
    private readonly ids: EngineIds,
    private readonly output: OutputBuffer,
  ) {}

  decide(signal: Signal): void {
    const { state, bar } = signal;
    const side: OrderSide = signal.action === 'enter' ? 'buy' : 'sell';
    for (const order of state.orders) {
      if (order.side === side && order.source === 'strategy') {
        const reason = `a strategy ${side} order is already open`;
        this.record(signal, {
          riskOutcome: 'none',
          riskCode: null,
          riskReason: reason,
          orderId: null,
        });
        return;
      }
    }
    const estimate = slip(bar.close, side, this.config.slippageBps);
    const { request, quantity } =
      side === 'sell' ? this.exit(state.symbol) : this.entry(state.symbol, estimate);
    const rejection = this.gate.check(state.symbol, side, quantity, estimate, signal.marketOpen);
    if (rejection) {
      const { code, message } = rejection;
      this.record(signal, {
        riskOutcome: 'rejected',
        riskCode: code,
        riskReason: message,
        orderId: null,
      });
      return;
    }
    const role = side === 'buy' ? 'entry' : 'exit';
    const order = createOrder(request, this.book.origin(bar.time, 'strategy', role));
    this.book.accept(order, bar.close, bar.time);
    this.record(signal, {
      riskOutcome: 'approved',
      riskCode: null,
      riskReason: null,
      orderId: order.id,
    });
  }

  private exit(symbol: string): { request: ValidOrderRequest; quantity: number } {
    const quantity = this.ledger.quantity(symbol);
    return { request: engineRequest({ symbol, side: 'sell', type: 'market', quantity }), quantity };
  }

  /**
   * A buy sized by the config: a fixed quantity, or a notional within the cash not yet promised.
   */
  private entry(
    symbol: string,
    estimate: number,
  ): { request: ValidOrderRequest; quantity: number } {
    const { sizing, fees } = this.config;
    if (sizing.mode === 'quantity') {
      const quantity = sizing.quantity;
      return {
        request: engineRequest({ symbol, side: 'buy', type: 'market', quantity }),
        quantity,
      };
    }
    const available = this.gate.availableCash();
    const maxPositionPct = (this.config.risk ?? DEFAULT_RISK_CONFIG).maxPositionPct;
    const notional = entryNotional(sizing, this.ledger.equity(), available, maxPositionPct);
    const quantity =
      Math.floor(affordableSteps(notional, available, estimate, fees)) * QUANTITY_STEP;
    return { request: engineRequest({ symbol, side: 'buy', type: 'market', notional }), quantity };
  }

  private record(signal: Signal, outcome: Outcome): void {
    const { description } = signal;
    this.output.decision({
      id: this.ids.nextDecision(),
      time: signal.bar.time,
      symbol: signal.state.symbol,
      strategy: signal.strategy.name,
      action: signal.action,
      reason: description.reason,
      indicators: description.indicators,
      ...outcome,
    });
  }
}
