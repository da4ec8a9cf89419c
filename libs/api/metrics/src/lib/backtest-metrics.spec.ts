import { BacktestMetrics } from './backtest-metrics';
import { MarketDataMetrics } from './market-data-metrics';
import { MetricsRegistry } from './metrics-registry';

describe('BacktestMetrics and MarketDataMetrics', () => {
  it('reads the backtest queue at scrape time and times finished runs by outcome', async () => {
    const metrics = new MetricsRegistry();
    const backtests = new BacktestMetrics(metrics);
    let load = { queued: 3, running: 2 };
    backtests.watchQueue(() => load);
    backtests.finished('completed', 1.5);
    backtests.finished('failed', 0.2);
    expect(await metrics.text()).toContain('ptp_backtest_queue_depth 3\n');
    load = { queued: 0, running: 1 };
    const text = await metrics.text();
    expect(text).toContain('ptp_backtest_queue_depth 0\n');
    expect(text).toContain('ptp_backtests_running 1\n');
    expect(text).toContain('ptp_backtest_duration_seconds_count{outcome="completed"} 1\n');
    expect(text).toContain('ptp_backtest_duration_seconds_sum{outcome="failed"} 0.2\n');
  });

  it('counts upstream requests by outcome, cache hits and misses, and budget waits by lane', async () => {
    const metrics = new MetricsRegistry();
    const market = new MarketDataMetrics(metrics);
    market.upstreamRequest('polygon', '200');
    market.upstreamRequest('polygon', '200');
    market.upstreamRequest('polygon', 'timeout');
    market.cacheLookup(3, 1);
    market.cacheLookup(0, 2);
    market.budgetWaited('lookup', 12);
    const text = await metrics.text();
    expect(text).toContain('ptp_upstream_requests_total{source="polygon",outcome="200"} 2\n');
    expect(text).toContain('ptp_upstream_requests_total{source="polygon",outcome="timeout"} 1\n');
    expect(text).toContain('ptp_quote_cache_hits_total 3\n');
    expect(text).toContain('ptp_quote_cache_misses_total 3\n');
    expect(text).toContain('ptp_request_budget_wait_seconds_bucket{le="15",lane="lookup"} 1\n');
    expect(text).toContain('ptp_request_budget_wait_seconds_bucket{le="5",lane="lookup"} 0\n');
  });
});
