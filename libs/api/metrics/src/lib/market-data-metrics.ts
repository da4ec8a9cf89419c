import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

/** Requests to the market-data provider, the quote cache's hits and misses, request-budget waits. */
@Injectable()
export class MarketDataMetrics {
  private readonly upstream: Counter<'source' | 'outcome'>;
  private readonly hits: Counter;
  private readonly misses: Counter;
  private readonly budgetWait: Histogram<'lane'>;

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.upstream = new Counter({
      name: 'ptp_upstream_requests_total',
      help: 'HTTP requests sent to the market-data provider, by outcome (status code or failure)',
      labelNames: ['source', 'outcome'],
      registers,
    });
    this.hits = new Counter({
      name: 'ptp_quote_cache_hits_total',
      help: 'Quotes answered from the cache without a refresh',
      registers,
    });
    this.misses = new Counter({
      name: 'ptp_quote_cache_misses_total',
      help: 'Quotes that were missing or due and waited for a refresh',
      registers,
    });
    this.budgetWait = new Histogram({
      name: 'ptp_request_budget_wait_seconds',
      help: 'Time a provider request waited for a slot of the request budget, by lane',
      labelNames: ['lane'],
      buckets: [0.001, 0.01, 0.1, 1, 5, 15, 30, 60, 120],
      registers,
    });
  }

  upstreamRequest(source: string, outcome: string): void {
    this.upstream.inc({ source, outcome });
  }

  cacheLookup(hits: number, misses: number): void {
    if (hits > 0) this.hits.inc(hits);
    if (misses > 0) this.misses.inc(misses);
  }

  budgetWaited(lane: string, seconds: number): void {
    this.budgetWait.observe({ lane }, seconds);
  }
}
