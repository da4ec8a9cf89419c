import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiEnvelopeResponse } from '@ptp/api/shared';
import type { StrategyInfo } from '@ptp/contracts';
import { STRATEGY_DEFINITIONS, type StrategyDefinition } from '@ptp/domain';

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

@ApiTags('strategies')
@Controller('api/strategies')
export class StrategiesController {
  @Get()
  @ApiOperation({
    summary:
      "The trading core's strategies with parameter schemas (type, range, default) and cross-parameter rules, for building forms",
  })
  @ApiEnvelopeResponse('Every strategy', STRATEGIES)
  list(): readonly StrategyInfo[] {
    return STRATEGIES;
  }
}
