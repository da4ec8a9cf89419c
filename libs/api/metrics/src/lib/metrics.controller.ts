import { Controller, Get, Header, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { type AppConfig, InjectAppConfig } from '@ptp/api/config';
import { ApiError, principalOf, Public, RawResponse } from '@ptp/api/shared';
import type { Request } from 'express';
import { MetricsRegistry } from './metrics-registry';

/**
 * Prometheus scrapes this: raw text, outside the envelope and the rate limit. It is public to the
 * access guard and checks itself: an admin (always the caller in local mode), or anyone when
 * `server.metrics.public` says the network in front of it is trusted.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsRegistry,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @SkipThrottle()
  @RawResponse()
  @Header('Cache-Control', 'no-store')
  async scrape(@Req() request: Request): Promise<string> {
    if (!this.config.server.metrics.public) this.assertAdmin(request);
    request.res?.type(this.metrics.contentType);
    return this.metrics.text();
  }

  private assertAdmin(request: Request): void {
    const principal = principalOf(request);
    if (!principal)
      throw ApiError.unauthenticated(
        'Metrics need an admin: log in, or send an API token as Authorization: Bearer <token>.',
      );
    if (principal.role !== 'admin')
      throw ApiError.forbidden(
        `This needs the admin role; ${principal.userName} is a ${principal.role}.`,
        { role: principal.role, needed: 'admin' },
      );
  }
}
