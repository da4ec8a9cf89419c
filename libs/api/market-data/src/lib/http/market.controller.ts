import { Controller, Get, HttpStatus, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiErrorResponses } from '@ptp/api/shared';
import {
  MARKET_ERROR_CODES,
  type MarketBarsResponse,
  type MarketQuote,
  type MarketStatusResponse,
  type MarketTimespan,
} from '@ptp/contracts';
import { MarketDataService } from '../market-data.service';
import { providerFailure, unknownSymbolsError } from './market-errors';
import { BarsQueryDto, QuotesQueryDto } from './market-query.dto';

const DEFAULT_LOOKBACK_MS: Record<MarketTimespan, number> = {
  minute: 86_400_000,
  hour: 10 * 86_400_000,
  day: 365 * 86_400_000,
};

const SYMBOL_ERRORS = {
  400: ['VALIDATION_FAILED'],
  422: [MARKET_ERROR_CODES.unknownSymbol],
  503: [MARKET_ERROR_CODES.providerUnavailable, MARKET_ERROR_CODES.providerUnauthorized],
};

@ApiTags('market')
@Controller('api/market')
export class MarketController {
  constructor(private readonly marketData: MarketDataService) {}

  @Get('quotes')
  @ApiOperation({
    summary:
      'Latest prices from the 30 s cache (one batched upstream refresh for all watched symbols). 422 UNKNOWN_SYMBOL names any ticker outside the universe.',
  })
  @ApiOkResponse({ description: '[{symbol, price, bid?, ask?, asOf, source, ageSec, stale}]' })
  @ApiErrorResponses(SYMBOL_ERRORS)
  async quotes(@Query() query: QuotesQueryDto): Promise<MarketQuote[]> {
    const symbols = [...new Set(query.symbols)];
    await this.marketData.requireKnown(symbols);
    const { quotes, unknown } = await this.marketData.getQuotes(symbols);
    if (unknown.length > 0) throw unknownSymbolsError(unknown);
    if (quotes.length < symbols.length) {
      const missing = symbols.filter((s) => !quotes.some((q) => q.symbol === s));
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        MARKET_ERROR_CODES.providerUnavailable,
        `no price yet for ${missing.join(', ')}: ${this.marketData.health().message}`,
        { symbols: missing },
      );
    }
    return quotes;
  }

  @Get('bars')
  @ApiOperation({
    summary:
      'OHLCV bars of one symbol for a timespan (minute, hour, day) and range; times in UTC ms.',
  })
  @ApiErrorResponses({ ...SYMBOL_ERRORS, 400: ['VALIDATION_FAILED', 'INVALID_RANGE'] })
  async bars(@Query() query: BarsQueryDto): Promise<MarketBarsResponse> {
    await this.marketData.requireKnown([query.symbol]);
    const timespan = query.timespan ?? 'minute';
    const to = query.to ?? (await this.marketData.status()).asOf;
    const from = query.from ?? to - DEFAULT_LOOKBACK_MS[timespan];
    if (from > to)
      throw ApiError.badRequest('INVALID_RANGE', '`from` must not be after `to`', { from, to });
    const bars = await this.marketData
      .getBars(query.symbol, timespan, from, to)
      .catch((error: unknown) => {
        throw providerFailure(error);
      });
    if (bars === null) throw unknownSymbolsError([query.symbol]);
    return {
      symbol: query.symbol,
      timespan,
      from,
      to,
      source: this.marketData.source,
      bars: bars.map(({ time, open, high, low, close, volume }) => ({
        time,
        open,
        high,
        low,
        close,
        volume,
      })),
    };
  }

  @Get('status')
  @ApiOperation({
    summary:
      'Open/closed, today’s session, next open and close (NYSE calendar combined with the provider), provider and its state.',
  })
  status(): Promise<MarketStatusResponse> {
    return this.marketData.status();
  }
}
