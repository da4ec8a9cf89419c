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

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly checks: HealthChecks,
    @Inject(APP_VERSION) private readonly version: string,
    @InjectAppConfig() private readonly config: AppConfig,
    @Inject(OWNED_ACCOUNTS) private readonly accounts: OwnedAccounts,
  ) {}

  @Get()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({
    summary:
      'Database, market data, portfolio invariants, memory and disk, and which instance answered (id, role, ' +
      'accounts it trades). 200 when healthy, 503 with details when not.',
  })
  full(): Promise<HealthReport> {
    return this.run(this.checks.all(), {
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
    return this.run(this.checks.readiness());
  }

  private async run(
    indicators: HealthIndicatorFunction[],
    instance?: HealthInstance,
  ): Promise<HealthReport> {
    const report = await this.health.check(indicators).then(
      (result) => result,
      (error: unknown) => {
        const response = (error as { getResponse?: () => unknown }).getResponse?.();
        if (response && typeof response === 'object' && 'details' in response)
          return response as HealthCheckResult;
        throw error;
      },
    );
    const body: HealthReport = {
      status: report.status,
      info: (report.info ?? {}) as HealthReport['info'],
      error: (report.error ?? {}) as HealthReport['error'],
      details: report.details as HealthReport['details'],
      uptimeSec: Math.round(process.uptime()),
      version: this.version,
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
}
