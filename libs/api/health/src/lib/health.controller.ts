import { Controller, Get, HttpStatus, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  type HealthCheckResult,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import { ApiError, APP_VERSION, Public } from '@ptp/api/shared';
import { SkipThrottle } from '@nestjs/throttler';
import type { HealthInstance, HealthReport } from '@ptp/contracts';
import { HealthChecks } from './health-checks.service';
import { OWNED_ACCOUNTS, type OwnedAccounts } from './owned-accounts';
import { RecentResult } from './recent-result';

interface CheckRun {
  readonly result: HealthCheckResult;
  readonly checkedAt: string;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly fullRuns: RecentResult<CheckRun>;
  private readonly readinessRuns: RecentResult<CheckRun>;

  constructor(
    private readonly health: HealthCheckService,
    private readonly checks: HealthChecks,
    @Inject(APP_VERSION) private readonly version: string,
    @InjectAppConfig() private readonly config: AppConfig,
    @Inject(OWNED_ACCOUNTS) private readonly accounts: OwnedAccounts,
  ) {
    this.fullRuns = new RecentResult(config.server.health.maxAgeMs);
    this.readinessRuns = new RecentResult(config.server.health.maxAgeMs);
  }

  @Get()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({
    summary:
      'Database, market data, portfolio invariants, memory and disk, and which instance answered (id, role, ' +
      'accounts it trades). 200 when healthy, 503 with details when not.',
  })
  full(): Promise<HealthReport> {
    return this.run(this.fullRuns, () => this.checks.all(), {
      id: this.config.instanceId,
      role: this.config.server.role,
      accounts: this.accounts.ownedAccountIds(),
    });
  }

  @Get('live')
  @Public()
  @SkipThrottle()
  @ApiOperation({ summary: 'Liveness: the process is up and serving requests.' })
  live(): { status: 'ok'; uptimeSec: number } {
    return { status: 'ok', uptimeSec: Math.round(process.uptime()) };
  }

  @Get('ready')
  @Public()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Readiness: the database and the market-data provider answer.' })
  ready(): Promise<HealthReport> {
    return this.run(this.readinessRuns, () => this.checks.readiness());
  }

  private async run(
    runs: RecentResult<CheckRun>,
    indicators: () => HealthIndicatorFunction[],
    instance?: HealthInstance,
  ): Promise<HealthReport> {
    const { result: report, checkedAt } = await runs.get(() => this.check(indicators()));
    const body: HealthReport = {
      status: report.status,
      info: (report.info ?? {}) as HealthReport['info'],
      error: (report.error ?? {}) as HealthReport['error'],
      details: report.details as HealthReport['details'],
      uptimeSec: Math.round(process.uptime()),
      version: this.version,
      checkedAt,
      ...(instance ? { instance } : {}),
    };
    if (report.status !== 'ok') {
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'HEALTH_CHECK_FAILED',
        `Unhealthy: ${Object.keys(body.error).join(', ')}`,
        body,
      );
    }
    return body;
  }

  /** Terminus answers an unhealthy result by throwing it; both are a result here. */
  private async check(indicators: HealthIndicatorFunction[]): Promise<CheckRun> {
    const checkedAt = new Date().toISOString();
    const result = await this.health.check(indicators).then(
      (report) => report,
      (error: unknown) => {
        const response = (error as { getResponse?: () => unknown }).getResponse?.();
        if (response && typeof response === 'object' && 'details' in response)
          return response as HealthCheckResult;
        throw error;
      },
    );
    return { result, checkedAt };
  }
}
