import { Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { type AppConfig, InjectAppConfig } from '@ptp/api/config';
import { LISTED_SYMBOLS, MarketDataService } from '@ptp/api/market-data';
import { ApiError, RawResponse } from '@ptp/api/shared';
import { AlpacaController } from '../shared/alpaca-account.decorator';
import { type AlpacaAsset, toAlpacaAsset } from './asset.mapper';
import {
  type AlpacaCalendarDay,
  type AlpacaClock,
  calendarDays,
  toAlpacaClock,
} from './calendar.mapper';

/** Alpaca Trading API v2 clock and calendar (our NYSE calendar), assets (the tradable universe). */
@AlpacaController('clock, calendar, assets')
export class AlpacaClockController {
  constructor(
    private readonly marketData: MarketDataService,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  @Get('clock')
  @RawResponse()
  @ApiOperation({
    summary: 'Alpaca: market clock of the active provider (always open when simulated so)',
  })
  async clock(): Promise<AlpacaClock> {
    return toAlpacaClock(await this.marketData.status());
  }

  @Get('calendar')
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: NYSE trading days from start to end' })
  calendar(@Query() query: Record<string, unknown>): AlpacaCalendarDay[] {
    return calendarDays(query, Date.now());
  }

  @Get('assets')
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: the tradable universe (US equities and ETFs)' })
  assets(@Query() query: Record<string, unknown>): AlpacaAsset[] {
    const status = query['status'] ?? 'active';
    const assetClass = query['asset_class'] ?? 'us_equity';
    if (status !== 'active' || assetClass !== 'us_equity') return [];
    const symbols = new Set([...this.config.trading.watchlist, ...LISTED_SYMBOLS]);
    return [...symbols].sort().map(toAlpacaAsset);
  }

  @Get('assets/:symbol')
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: one asset of the tradable universe' })
  async asset(@Param('symbol') symbol: string): Promise<AlpacaAsset> {
    const upper = symbol.toUpperCase();
    try {
      await this.marketData.requireKnown([upper]);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNKNOWN_SYMBOL')
        throw ApiError.notFound('ASSET_NOT_FOUND', `asset not found: ${symbol}`);
      throw error;
    }
    return toAlpacaAsset(upper);
  }
}
