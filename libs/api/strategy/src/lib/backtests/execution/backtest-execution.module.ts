import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '@ptp/api/config';
import { MarketDataModule } from '@ptp/api/market-data';
import { MetricsModule } from '@ptp/api/metrics';
import { BacktestRunEntity, BacktestUploadEntity } from '@ptp/api/persistence';
import { BacktestUploadsService } from '../backtest-uploads.service';
import { SERVING_BARS, WORKER_BARS } from './backtest-bars';
import { BacktestJobEventsListener } from './backtest-job-events.listener';
import { BacktestJobsConsumer } from './backtest-jobs.consumer';
import { BacktestQueue } from './backtest-queue';
import { BacktestRunner } from './backtest-runner';
import { BacktestsHealthContributor } from './backtests.health';
import { BACKTEST_QUEUE, BULLMQ_PREFIX, BullmqBacktestQueue } from './bullmq-backtest-queue';
import { LocalBacktestQueue } from './local-backtest-queue';

/** BullMQ keeps this many finished jobs, which /health's durations are read from. */
const KEPT_JOBS = 200;

function bullmq(
  redisUrl: string,
  prefix: string,
  consumes: boolean,
): Pick<DynamicModule, 'imports' | 'providers'> {
  return {
    imports: [
      BullModule.forRoot({ connection: { url: redisUrl }, prefix: `${prefix}${BULLMQ_PREFIX}` }),
      BullModule.registerQueue({
        name: BACKTEST_QUEUE,
        defaultJobOptions: {
          attempts: 1,
          removeOnComplete: { count: KEPT_JOBS },
          removeOnFail: { count: KEPT_JOBS },
        },
      }),
    ],
    providers: [
      BullmqBacktestQueue,
      { provide: BacktestQueue, useExisting: BullmqBacktestQueue },
      ...(consumes ? [BacktestJobsConsumer, BacktestJobEventsListener] : []),
    ],
  };
}

/**
 * Where backtests run: in this process's worker threads without Redis; with REDIS_URL as BullMQ
 * jobs, which `worker` and `all` processes consume and `api` processes only submit. Global, so the
 * REST routes (StrategyModule) and a lean worker process share one queue. A worker loads no
 * market-data module (no routes, no refresh of its own): Polygon bars come from the provider.
 */
@Module({})
export class BacktestExecutionModule {
  static forRoot(config: AppConfig): DynamicModule {
    const queue = config.redisUrl
      ? bullmq(config.redisUrl.reveal(), config.redisPrefix, config.server.role !== 'api')
      : {
          imports: [],
          providers: [
            LocalBacktestQueue,
            { provide: BacktestQueue, useExisting: LocalBacktestQueue },
          ],
        };
    const serving = config.server.role !== 'worker';
    const providers: Provider[] = [
      serving ? SERVING_BARS : WORKER_BARS,
      BacktestUploadsService,
      BacktestRunner,
      BacktestsHealthContributor,
      ...(queue.providers ?? []),
    ];
    return {
      module: BacktestExecutionModule,
      global: true,
      imports: [
        ...(serving ? [MarketDataModule] : []),
        MetricsModule,
        TypeOrmModule.forFeature([BacktestRunEntity, BacktestUploadEntity]),
        ...(queue.imports ?? []),
      ],
      providers,
      exports: [BacktestQueue, BacktestUploadsService, BacktestsHealthContributor],
    };
  }
}
