import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiEnvelopeResponse, ApiErrorResponses } from '@ptp/api/shared';
import {
  MARKET_ERROR_CODES,
  MARKET_TIMESPANS,
  STRATEGY_INDICATORS_MAX_BARS,
  type StrategyIndicatorsResponse,
  type StrategyInfo,
} from '@ptp/contracts';
import { STRATEGY_DEFINITIONS, type StrategyDefinition } from '@ptp/domain';
import { StrategyIndicatorsService } from './strategy-indicators.service';

function toStrategyInfo(definition: StrategyDefinition): StrategyInfo {
  return {
    name: definition.name,
    title: definition.title,
    description: definition.description,
    params: definition.params.map((param) => ({ ...param })),
    orderings: definition.orderings.map((ordering) => ({ ...ordering })),
    defaults: Object.fromEntries(definition.params.map((param) => [param.key, param.default])),
  };
}

const STRATEGIES: readonly StrategyInfo[] = STRATEGY_DEFINITIONS.map(toStrategyInfo);

const EXAMPLE_INDICATORS: StrategyIndicatorsResponse = {
  strategy: 'ma-crossover',
  symbol: 'AAPL',
  timespan: 'minute',
  from: 1767627000000,
  to: 1767627060000,
  params: { fast: 10, slow: 30 },
  warmUpBars: 500,
  points: [{ time: 1767627000000, indicators: { smaFast: 184.12, smaSlow: 183.97 } }],
};

@ApiTags('strategies')
@Controller('api/strategies')
export class StrategiesController {
  constructor(private readonly indicators: StrategyIndicatorsService) {}

  @Get()
  @ApiOperation({
    summary:
      "The trading core's strategies with parameter schemas (type, range, default) and cross-parameter rules, for building forms",
  })
  @ApiEnvelopeResponse('Every strategy', STRATEGIES)
  list(): readonly StrategyInfo[] {
    return STRATEGIES;
  }

  @Get(':name/indicators')
  @ApiOperation({
    summary: "The strategy's own indicator values on each bar of a symbol's range",
    description:
      "Runs the trading core's strategy (with the parameters given as extra query keys over its " +
      'defaults, e.g. `fast=5&slow=20`) over the market bars of [from, to], warmed up on up to 500 ' +
      'earlier bars as a live session is, and returns the indicator values its decisions record. ' +
      `At most ${STRATEGY_INDICATORS_MAX_BARS} bars; minute ranges up to 14 days.`,
  })
  @ApiQuery({ name: 'symbol', example: 'AAPL' })
  @ApiQuery({ name: 'timespan', enum: MARKET_TIMESPANS, required: false })
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD, ISO date-time or epoch ms' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD (whole day), ISO or epoch ms' })
  @ApiEnvelopeResponse('Indicator values per bar', EXAMPLE_INDICATORS)
  @ApiErrorResponses({
    400: ['VALIDATION_FAILED', 'INVALID_STRATEGY_PARAMS', 'INVALID_RANGE', 'RANGE_TOO_LARGE'],
    404: ['UNKNOWN_STRATEGY'],
    422: [MARKET_ERROR_CODES.unknownSymbol],
    503: [MARKET_ERROR_CODES.providerUnavailable, MARKET_ERROR_CODES.providerUnauthorized],
  })
  indicatorSeries(
    @Param('name') name: string,
    @Query() query: Record<string, unknown>,
  ): Promise<StrategyIndicatorsResponse> {
    return this.indicators.series(name, query);
  }
}
