import { Injectable } from '@nestjs/common';
import { type ContributorHealth, HealthContributor } from '@ptp/api/shared';
import { MarketDataService } from './market-data.service';

/**
 * Market data in /health. Stale prices are `up` with state `degraded` (the platform works; the engine
 * skips stale symbols); a rejected key or plan is `down`, because nothing can be fetched until fixed.
 */
@Injectable()
export class MarketDataHealthContributor extends HealthContributor {
  readonly key = 'market_data';
  readonly readiness = true;

  constructor(private readonly marketData: MarketDataService) {
    super();
  }

  async check(): Promise<ContributorHealth> {
    const health = await this.marketData.checkHealth();
    return { ...health, status: health.state === 'unauthorized' ? 'down' : 'up' };
  }
}
