import { MetricsRegistry } from './metrics-registry';
import { TradingMetrics } from './trading-metrics';

/** A histogram's values carry the series name (`_bucket`, `_sum`, `_count`). */
type Named = { labels: object; value: number; metricName?: string };

async function values(metrics: MetricsRegistry, name: string) {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`${name} is not registered`);
  const found: Named[] = (await metric.get()).values;
  return found.map(({ labels, value, metricName }) => ({
    name: metricName ?? name,
    labels,
    value,
  }));
}

describe('TradingMetrics', () => {
  let registry: MetricsRegistry;
  let trading: TradingMetrics;

  beforeEach(() => {
    registry = new MetricsRegistry();
    trading = new TradingMetrics(registry);
  });

  it('counts ticks with their duration, fills by side, orders by source and refusals by rule', async () => {
    trading.tick('a1', 0.02);
    trading.tick('a1', 0.03);
    trading.fill('a1', 'buy');
    trading.order('a1', 'manual');
    trading.order('a2', 'strategy');
    trading.rejection('a1', 'RISK_MAX_POSITION');
    trading.rejection('a1', 'RISK_MAX_POSITION');
    expect(await values(registry, 'ptp_ticks_total')).toEqual([
      { name: 'ptp_ticks_total', labels: { account_id: 'a1' }, value: 2 },
    ]);
    const durations = await values(registry, 'ptp_tick_duration_seconds');
    expect(durations).toContainEqual({
      name: 'ptp_tick_duration_seconds_sum',
      labels: { account_id: 'a1' },
      value: 0.05,
    });
    expect(await values(registry, 'ptp_fills_total')).toEqual([
      { name: 'ptp_fills_total', labels: { account_id: 'a1', side: 'buy' }, value: 1 },
    ]);
    expect(await values(registry, 'ptp_orders_total')).toEqual([
      { name: 'ptp_orders_total', labels: { account_id: 'a1', source: 'manual' }, value: 1 },
      { name: 'ptp_orders_total', labels: { account_id: 'a2', source: 'strategy' }, value: 1 },
    ]);
    expect(await values(registry, 'ptp_order_rejections_total')).toEqual([
      {
        name: 'ptp_order_rejections_total',
        labels: { account_id: 'a1', rule: 'RISK_MAX_POSITION' },
        value: 2,
      },
    ]);
  });

  it('reads equity and cash from its source at every scrape, dropping accounts that left', async () => {
    let accounts = [
      { accountId: 'a1', equity: 510.5, cash: 100 },
      { accountId: 'a2', equity: 490, cash: 490 },
    ];
    trading.valueAccountsWith(() => accounts);
    expect(await values(registry, 'ptp_account_equity_dollars')).toEqual([
      { name: 'ptp_account_equity_dollars', labels: { account_id: 'a1' }, value: 510.5 },
      { name: 'ptp_account_equity_dollars', labels: { account_id: 'a2' }, value: 490 },
    ]);
    accounts = [{ accountId: 'a2', equity: 480, cash: 470 }];
    expect(await values(registry, 'ptp_account_cash_dollars')).toEqual([
      { name: 'ptp_account_cash_dollars', labels: { account_id: 'a2' }, value: 470 },
    ]);
  });

  it('keeps each app instance on its own registry', async () => {
    const other = new MetricsRegistry();
    new TradingMetrics(other).fill('a1', 'sell');
    trading.fill('a1', 'buy');
    expect(await values(other, 'ptp_fills_total')).toEqual([
      { name: 'ptp_fills_total', labels: { account_id: 'a1', side: 'sell' }, value: 1 },
    ]);
    expect(await registry.text()).toContain('ptp_fills_total{account_id="a1",side="buy"} 1\n');
    expect(await registry.text()).not.toContain('side="sell"');
  });
});
