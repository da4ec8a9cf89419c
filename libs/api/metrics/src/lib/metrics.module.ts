import { Module } from '@nestjs/common';
import { BacktestMetrics } from './backtest-metrics';
import { HttpMetrics } from './http-metrics';
import { MarketDataMetrics } from './market-data-metrics';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics-registry';
import { TradingMetrics } from './trading-metrics';

const RECORDERS = [
  MetricsRegistry,
  HttpMetrics,
  TradingMetrics,
  MarketDataMetrics,
  BacktestMetrics,
];

/**
 * One registry per app and the recorders feature modules write to. Feature modules import it
 * themselves; Nest builds it once per app, so they all share the registry GET /metrics reads.
 */
@Module({
  controllers: [MetricsController],
  exports: RECORDERS,
  providers: RECORDERS,
})
export class MetricsModule {}
