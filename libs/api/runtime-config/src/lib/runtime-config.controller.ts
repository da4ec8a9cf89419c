import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DEFAULT_PLATFORM_CONFIG } from '@ptp/api/config';
import { MarketDataService } from '@ptp/api/market-data';
import { DEFAULT_ACCOUNT_ID } from '@ptp/api/persistence';
import {
  AccountQueryDto,
  ActsOnAccount,
  ApiEnvelopeResponse,
  ApiErrorResponses,
  Audited,
} from '@ptp/api/shared';
import { CONFIG_ERROR_CODES, MARKET_ERROR_CODES, type RuntimeConfig } from '@ptp/contracts';
import { RuntimeConfigPatchDto } from './config-patch.dto';
import { RuntimeConfigService } from './runtime-config.service';

const RUNTIME_CONFIG_EXAMPLE: RuntimeConfig = {
  accountId: 'default',
  risk: DEFAULT_PLATFORM_CONFIG.risk,
  strategy: DEFAULT_PLATFORM_CONFIG.trading.defaultStrategy,
  strategies: {
    'ma-crossover': { fast: 10, slow: 30 },
    'rsi-mean-reversion': { period: 14, oversold: 30, overbought: 70 },
  },
  watchlist: DEFAULT_PLATFORM_CONFIG.trading.watchlist,
  signalIntervalSec: DEFAULT_PLATFORM_CONFIG.trading.signalIntervalSec,
  fees: DEFAULT_PLATFORM_CONFIG.trading.fees,
  slippageBps: DEFAULT_PLATFORM_CONFIG.trading.slippageBps,
  execution: DEFAULT_PLATFORM_CONFIG.execution,
  updatedAt: '2026-01-05T15:04:05.000Z',
};

@ApiTags('config')
@Controller('api/config')
@ActsOnAccount()
export class RuntimeConfigController {
  constructor(
    private readonly runtimeConfig: RuntimeConfigService,
    private readonly marketData: MarketDataService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The effective runtime configuration of an account (file defaults + persisted changes)',
  })
  @ApiEnvelopeResponse('Runtime configuration', RUNTIME_CONFIG_EXAMPLE)
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED'], 404: [CONFIG_ERROR_CODES.accountNotFound] })
  get(@Query() query: AccountQueryDto): Promise<RuntimeConfig> {
    return this.runtimeConfig.get(query.accountId ?? DEFAULT_ACCOUNT_ID);
  }

  @Audited('config.update')
  @Patch()
  @ApiOperation({
    summary:
      'Change risk limits, strategy parameters, watchlist, signal interval, fees or slippage',
    description:
      'Nested objects merge key by key. The change is persisted, survives restarts and reaches running sessions on their next tick.',
  })
  @ApiEnvelopeResponse('The new effective configuration', RUNTIME_CONFIG_EXAMPLE)
  @ApiErrorResponses({
    400: [
      'VALIDATION_FAILED',
      'INVALID_JSON',
      CONFIG_ERROR_CODES.unknownStrategy,
      CONFIG_ERROR_CODES.invalidStrategyParams,
    ],
    404: [CONFIG_ERROR_CODES.accountNotFound],
    422: [MARKET_ERROR_CODES.unknownSymbol],
  })
  async update(
    @Query() query: AccountQueryDto,
    @Body() patch: RuntimeConfigPatchDto,
  ): Promise<RuntimeConfig> {
    if (patch.watchlist) await this.marketData.requireKnown(patch.watchlist);
    return this.runtimeConfig.update(query.accountId ?? DEFAULT_ACCOUNT_ID, patch);
  }
}
