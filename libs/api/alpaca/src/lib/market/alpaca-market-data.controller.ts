import { Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { MarketDataService, providerFailure, unknownSymbolsError } from '@ptp/api/market-data';
import { ApiError, RawResponse } from '@ptp/api/shared';
import { SYMBOL_PATTERN } from '@ptp/contracts';
import type { Bar } from '@ptp/domain';
import { AlpacaController } from '../shared/alpaca-account.decorator';
import {
  aggregate,
  type AlpacaBar,
  type BarsQuery,
  pageToken,
  parseBarsQuery,
  toAlpacaBar,
  toAlpacaQuote,
  toAlpacaTrade,
} from './bars.mapper';

const MAX_SYMBOLS = 100;
const DAY = 86_400_000;
const SNAPSHOT_DAYS = 7;

function symbolsOf(value: unknown): string[] {
  const symbols =
    typeof value === 'string' ? value.split(',').map((s) => s.trim().toUpperCase()) : [];
  if (symbols.length === 0 || symbols[0] === '')
    throw ApiError.unprocessable('INVALID_QUERY', 'symbols is required');
  if (symbols.length > MAX_SYMBOLS)
    throw ApiError.unprocessable('INVALID_QUERY', `at most ${MAX_SYMBOLS} symbols`);
  return [...new Set(symbols)].map(symbolOf);
}

function symbolOf(symbol: string): string {
  const upper = symbol.toUpperCase();
  if (!new RegExp(SYMBOL_PATTERN).test(upper))
    throw ApiError.unprocessable('INVALID_QUERY', `invalid symbol: ${symbol}`);
  return upper;
}

/**
 * Alpaca Market Data v2 from the active provider, through MarketDataService: the same cache and
 * request budget as `/api/market`.
 */
@AlpacaController('market data')
export class AlpacaMarketDataController {
  constructor(private readonly marketData: MarketDataService) {}

  @Get('stocks/bars')
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: bars of several symbols' })
  async multiBars(@Query() query: Record<string, unknown>) {
    const symbols = symbolsOf(query['symbols']).sort();
    const parsed = parseBarsQuery(query, await this.now());
    const bars: Record<string, AlpacaBar[]> = {};
    let remaining = parsed.limit;
    let next: string | null = null;
    for (const symbol of symbols) {
      if (parsed.page && symbol < parsed.page.symbol) continue;
      const page = await this.bars(symbol, parsed);
      const taken = page.slice(0, remaining);
      if (taken.length > 0) bars[symbol] = taken.map(toAlpacaBar);
      remaining -= taken.length;
      if (page.length > taken.length) {
        next = pageToken(symbol, page[taken.length].time);
        break;
      }
    }
    return { bars, next_page_token: next };
  }

  @Get('stocks/snapshots')
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: latest trade, quote, minute and daily bars per symbol' })
  async snapshots(@Query('symbols') symbolsParam: unknown) {
    const symbols = symbolsOf(symbolsParam);
    await this.marketData.requireKnown(symbols);
    const { quotes } = await this.marketData.getQuotes(symbols);
    // Whole days: repeated snapshots share one bar-cache entry a day instead of one a call.
    const today = Math.floor((await this.now()) / DAY) * DAY;
    const result: Record<string, unknown> = {};
    for (const quote of quotes) {
      const days =
        (await this.dailyBars(quote.symbol, today - SNAPSHOT_DAYS * DAY, today + DAY - 1)) ?? [];
      const minute = this.marketData.getRecentBars(quote.symbol, 1).at(-1);
      result[quote.symbol] = {
        latestTrade: toAlpacaTrade(quote),
        latestQuote: toAlpacaQuote(quote),
        minuteBar: minute ? toAlpacaBar(minute) : null,
        dailyBar: days.length > 0 ? toAlpacaBar(days[days.length - 1]) : null,
        prevDailyBar: days.length > 1 ? toAlpacaBar(days[days.length - 2]) : null,
      };
    }
    return result;
  }

  @Get('stocks/:symbol/bars')
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: bars of one symbol' })
  async singleBars(@Param('symbol') symbolParam: string, @Query() query: Record<string, unknown>) {
    const symbol = symbolOf(symbolParam);
    const parsed = parseBarsQuery(query, await this.now());
    const page = await this.bars(symbol, parsed);
    const taken = page.slice(0, parsed.limit);
    const next = page.length > taken.length ? pageToken(symbol, page[taken.length].time) : null;
    return { symbol, bars: taken.map(toAlpacaBar), next_page_token: next };
  }

  @Get('stocks/:symbol/trades/latest')
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: the latest trade (our latest price)' })
  async latestTrade(@Param('symbol') symbolParam: string) {
    const symbol = symbolOf(symbolParam);
    return { symbol, trade: toAlpacaTrade(await this.quote(symbol)) };
  }

  @Get('stocks/:symbol/quotes/latest')
  @RawResponse()
  @ApiOperation({
    summary: 'Alpaca: the latest quote (bid/ask, or the price when the provider has none)',
  })
  async latestQuote(@Param('symbol') symbolParam: string) {
    const symbol = symbolOf(symbolParam);
    return { symbol, quote: toAlpacaQuote(await this.quote(symbol)) };
  }

  /** The provider's now (the simulated or replayed clock), as `/api/market/bars` takes it. */
  private async now(): Promise<number> {
    return (await this.marketData.status()).asOf;
  }

  private dailyBars(symbol: string, from: number, to: number): Promise<Bar[] | null> {
    return this.marketData.getBars(symbol, 'day', from, to).catch((error: unknown) => {
      throw providerFailure(error);
    });
  }

  private async quote(symbol: string) {
    await this.marketData.requireKnown([symbol]);
    const quote = await this.marketData.getQuote(symbol);
    if (!quote) throw unknownSymbolsError([symbol]);
    return quote;
  }

  /** The bars of the query's window for one symbol, from where its page token says, in order. */
  private async bars(symbol: string, query: BarsQuery): Promise<Bar[]> {
    await this.marketData.requireKnown([symbol]);
    const raw = await this.marketData.getBars(
      symbol,
      query.timeframe.timespan,
      query.from,
      query.to,
    );
    if (raw === null) throw unknownSymbolsError([symbol]);
    let bars = aggregate(raw, query.timeframe.size);
    if (query.descending) bars = bars.reverse();
    const page = query.page;
    if (page && page.symbol === symbol)
      bars = bars.filter((bar) =>
        query.descending ? bar.time <= page.time : bar.time >= page.time,
      );
    return bars;
  }
}
