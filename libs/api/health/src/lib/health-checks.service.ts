import { statfs } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import {
  DiskHealthIndicator,
  HealthIndicatorService,
  type HealthIndicatorFunction,
  type HealthIndicatorResult,
  MemoryHealthIndicator,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import type { HealthContributor } from '@ptp/api/shared';

export const HEALTH_CONTRIBUTORS = Symbol('HEALTH_CONTRIBUTORS');

const MB = 1024 * 1024;
export const HEAP_LIMIT_BYTES = 1024 * MB;
export const RSS_LIMIT_BYTES = 2048 * MB;
export const DISK_USED_LIMIT = 0.98;

/** Terminus reports only up or down; the dashboard's Health screen also shows the figures behind it. */
async function withFigures(
  key: string,
  check: Promise<HealthIndicatorResult>,
  figures: () => Promise<Record<string, number>>,
): Promise<HealthIndicatorResult> {
  const [result, extra] = await Promise.all([check, figures().catch(() => ({}))]);
  return { ...result, [key]: { ...result[key], ...extra } };
}

async function diskFigures(path: string): Promise<Record<string, number>> {
  const stats = await statfs(path);
  return {
    freeBytes: stats.bavail * stats.bsize,
    totalBytes: stats.blocks * stats.bsize,
    usedThreshold: DISK_USED_LIMIT,
  };
}

/** Builds the list of terminus indicators for the full and the readiness checks. */
@Injectable()
export class HealthChecks {
  constructor(
    private readonly db: TypeOrmHealthIndicator,
    private readonly memory: MemoryHealthIndicator,
    private readonly disk: DiskHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @InjectAppConfig() private readonly config: AppConfig,
    @Inject(HEALTH_CONTRIBUTORS) private readonly contributors: HealthContributor[],
  ) {}

  all(): HealthIndicatorFunction[] {
    return [
      () => this.db.pingCheck('database', { timeout: 3000 }),
      ...this.contributors.map((c) => this.contributorCheck(c)),
      () =>
        withFigures(
          'memory_heap',
          this.memory.checkHeap('memory_heap', HEAP_LIMIT_BYTES),
          async () => ({ usedBytes: process.memoryUsage().heapUsed, limitBytes: HEAP_LIMIT_BYTES }),
        ),
      () =>
        withFigures(
          'memory_rss',
          this.memory.checkRSS('memory_rss', RSS_LIMIT_BYTES),
          async () => ({ usedBytes: process.memoryUsage().rss, limitBytes: RSS_LIMIT_BYTES }),
        ),
      () =>
        withFigures(
          'disk',
          this.disk.checkStorage('disk', {
            path: this.config.dataDir,
            thresholdPercent: DISK_USED_LIMIT,
          }),
          () => diskFigures(this.config.dataDir),
        ),
    ];
  }

  readiness(): HealthIndicatorFunction[] {
    return [
      () => this.db.pingCheck('database', { timeout: 3000 }),
      ...this.contributors.filter((c) => c.readiness).map((c) => this.contributorCheck(c)),
    ];
  }

  private contributorCheck(contributor: HealthContributor): HealthIndicatorFunction {
    return async () => {
      const indicator = this.indicators.check(contributor.key);
      try {
        const { status, ...details } = await contributor.check();
        return status === 'up' ? indicator.up(details) : indicator.down(details);
      } catch (error) {
        return indicator.down({ state: 'error', message: (error as Error).message });
      }
    };
  }
}
