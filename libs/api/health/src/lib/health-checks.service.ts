import { statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import {
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

/**
 * The data directory, or the nearest folder above it that exists: on PostgreSQL nothing may have
 * created it, and its file system is still the one it would be written to.
 */
async function existingAncestor(path: string): Promise<string> {
  let current = resolve(path);
  for (;;) {
    try {
      await statfs(current);
      return current;
    } catch (error) {
      const parent = dirname(current);
      if (parent === current) throw error;
      current = parent;
    }
  }
}

/**
 * A statfs call. Terminus's disk indicator runs `df` in a child process on every call, which made
 * a `/health` cost tens of milliseconds of CPU; the figures (and the verdict) are the same.
 */
async function diskCheck(
  indicators: HealthIndicatorService,
  path: string,
): Promise<HealthIndicatorResult> {
  const indicator = indicators.check('disk');
  const stats = await statfs(await existingAncestor(path));
  const figures = {
    freeBytes: stats.bavail * stats.bsize,
    totalBytes: stats.blocks * stats.bsize,
    usedThreshold: DISK_USED_LIMIT,
  };
  const used = figures.totalBytes > 0 ? 1 - figures.freeBytes / figures.totalBytes : 0;
  return used < DISK_USED_LIMIT
    ? indicator.up(figures)
    : indicator.down({ ...figures, message: 'Used disk storage exceeded the set threshold' });
}

/** Builds the list of terminus indicators for the full and the readiness checks. */
@Injectable()
export class HealthChecks {
  constructor(
    private readonly db: TypeOrmHealthIndicator,
    private readonly memory: MemoryHealthIndicator,
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
      () => diskCheck(this.indicators, this.config.dataDir),
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
