import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

/** An account's money as its engine holds it, in dollars. */
export interface AccountMoney {
  readonly accountId: string;
  readonly equity: number;
  readonly cash: number;
}

/** Session ticks, fills, orders and refusals per account; equity and cash read at scrape time. */
@Injectable()
export class TradingMetrics {
  private readonly ticks: Counter<'account_id'>;
  private readonly tickDuration: Histogram<'account_id'>;
  private readonly fills: Counter<'account_id' | 'side'>;
  private readonly orders: Counter<'account_id' | 'source'>;
  private readonly rejections: Counter<'account_id' | 'rule'>;
  private accounts: () => readonly AccountMoney[] = () => [];

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.ticks = new Counter({
      name: 'ptp_ticks_total',
      help: 'Session ticks run, per account',
      labelNames: ['account_id'],
      registers,
    });
    this.tickDuration = new Histogram({
      name: 'ptp_tick_duration_seconds',
      help: 'Duration of a session tick (quotes, engine, write), per account',
      labelNames: ['account_id'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.fills = new Counter({
      name: 'ptp_fills_total',
      help: 'Fills written, per account and side',
      labelNames: ['account_id', 'side'],
      registers,
    });
    this.orders = new Counter({
      name: 'ptp_orders_total',
      help: 'Orders placed (manual, or by a strategy signal the risk rules approved), per account',
      labelNames: ['account_id', 'source'],
      registers,
    });
    this.rejections = new Counter({
      name: 'ptp_order_rejections_total',
      help: 'Orders and strategy signals refused, per account and rule (the refusal code)',
      labelNames: ['account_id', 'rule'],
      registers,
    });
    const money = (name: string, help: string, pick: (a: AccountMoney) => number) => {
      const read = () => this.accounts();
      return new Gauge({
        name,
        help,
        labelNames: ['account_id'],
        registers,
        collect() {
          this.reset();
          for (const account of read()) this.set({ account_id: account.accountId }, pick(account));
        },
      });
    };
    money('ptp_account_equity_dollars', 'Equity of each loaded account', (a) => a.equity);
    money('ptp_account_cash_dollars', 'Cash of each loaded account', (a) => a.cash);
  }

  /** Where equity and cash come from at scrape time (the loaded accounts). */
  valueAccountsWith(source: () => readonly AccountMoney[]): void {
    this.accounts = source;
  }

  tick(accountId: string, seconds: number): void {
    this.ticks.inc({ account_id: accountId });
    this.tickDuration.observe({ account_id: accountId }, seconds);
  }

  fill(accountId: string, side: string): void {
    this.fills.inc({ account_id: accountId, side });
  }

  order(accountId: string, source: string): void {
    this.orders.inc({ account_id: accountId, source });
  }

  rejection(accountId: string, rule: string): void {
    this.rejections.inc({ account_id: accountId, rule });
  }
}
