import { Injectable, type ArgumentMetadata } from '@nestjs/common';
import {
  BarsQueryDto,
  MarketDataService,
  providerFailure,
  unknownSymbolsError,
} from '@ptp/api/market-data';
import { ApiError, requestValidationPipe } from '@ptp/api/shared';
import {
  STRATEGY_INDICATORS_ERROR_CODES as CODES,
  STRATEGY_INDICATORS_MAX_BARS,
  type MarketTimespan,
  type StrategyIndicatorsResponse,
} from '@ptp/contracts';
import {
  DAY_MS,
  isStrategyName,
  strategyIndicatorSeries,
  validateStrategyParams,
  type StrategyName,
} from '@ptp/domain';

/** As many bars as a live session warms its strategy up on before its first tick. */
export const INDICATOR_WARM_UP_BARS = 500;

/** Calendar time that holds at least the warm-up bars before `from`, nights, weekends and holidays included. */
const WARM_UP_SPAN_MS: Record<MarketTimespan, number> = {
  minute: 7 * DAY_MS,
  hour: 180 * DAY_MS,
  day: 1000 * DAY_MS,
};

/** The longest range one request may ask for, checked before any bar is fetched. */
const MAX_RANGE_MS: Record<MarketTimespan, number> = {
  minute: 14 * DAY_MS,
  hour: 3 * 365 * DAY_MS,
  day: 40 * 365 * DAY_MS,
};

const DEFAULT_LOOKBACK_MS: Record<MarketTimespan, number> = {
  minute: DAY_MS,
  hour: 10 * DAY_MS,
  day: 365 * DAY_MS,
};

const RANGE_KEYS = new Set(['symbol', 'timespan', 'from', 'to']);
const QUERY_METADATA: ArgumentMetadata = { type: 'query', metatype: BarsQueryDto };

/** A query value as a strategy parameter: numeric text becomes a number, anything else stays as sent. */
function paramValue(value: unknown): unknown {
  if (typeof value !== 'string' || value.trim() === '') return value;
  const number = Number(value);
  return Number.isFinite(number) ? number : value;
}

/** Runs the domain's strategy over the market's bars, so the chart shows what the strategy computed. */
@Injectable()
export class StrategyIndicatorsService {
  private readonly pipe = requestValidationPipe();

  constructor(private readonly marketData: MarketDataService) {}

  async series(name: string, query: Record<string, unknown>): Promise<StrategyIndicatorsResponse> {
    if (!isStrategyName(name))
      throw ApiError.notFound(CODES.unknownStrategy, `unknown strategy: ${name}`, { name });
    const range = Object.fromEntries(Object.entries(query).filter(([k]) => RANGE_KEYS.has(k)));
    const paramQuery = Object.entries(query).filter(([k]) => !RANGE_KEYS.has(k));
    const params = this.params(name, paramQuery);
    const bars: BarsQueryDto = await this.pipe.transform(range, QUERY_METADATA);
    await this.marketData.requireKnown([bars.symbol]);
    const timespan = bars.timespan ?? 'minute';
    const to = bars.to ?? (await this.marketData.status()).asOf;
    const from = bars.from ?? to - DEFAULT_LOOKBACK_MS[timespan];
    if (from > to)
      throw ApiError.badRequest(CODES.invalidRange, '`from` must not be after `to`', { from, to });
    if (to - from > MAX_RANGE_MS[timespan])
      throw ApiError.badRequest(
        CODES.rangeTooLarge,
        `a ${timespan} range may span at most ${MAX_RANGE_MS[timespan] / DAY_MS} days`,
        { from, to, maxDays: MAX_RANGE_MS[timespan] / DAY_MS },
      );
    const fetched = await this.marketData
      .getBars(bars.symbol, timespan, from - WARM_UP_SPAN_MS[timespan], to)
      .catch((error: unknown) => {
        throw providerFailure(error);
      });
    if (fetched === null) throw unknownSymbolsError([bars.symbol]);
    const firstInRange = fetched.findIndex((bar) => bar.time >= from);
    const start = firstInRange === -1 ? fetched.length : firstInRange;
    const inRange = fetched.length - start;
    if (inRange > STRATEGY_INDICATORS_MAX_BARS)
      throw ApiError.badRequest(
        CODES.rangeTooLarge,
        `the range holds ${inRange} bars, more than ${STRATEGY_INDICATORS_MAX_BARS}`,
        { bars: inRange, maxBars: STRATEGY_INDICATORS_MAX_BARS },
      );
    const warmUpStart = Math.max(0, start - INDICATOR_WARM_UP_BARS);
    const fed = fetched.slice(warmUpStart);
    return {
      strategy: name,
      symbol: bars.symbol,
      timespan,
      from,
      to,
      params,
      warmUpBars: start - warmUpStart,
      points: strategyIndicatorSeries(name, params, fed, { from }),
    };
  }

  private params(name: StrategyName, entries: [string, unknown][]) {
    const result = validateStrategyParams(
      name,
      Object.fromEntries(entries.map(([key, value]) => [key, paramValue(value)])),
    );
    if (!result.ok)
      throw ApiError.badRequest(
        CODES.invalidParams,
        'The strategy parameters are invalid.',
        result.errors,
      );
    return result.params;
  }
}
