import { Module } from '@nestjs/common';
import { IdentityModule } from '@ptp/api/identity';
import { MarketDataModule } from '@ptp/api/market-data';
import { PaperTradingModule } from '@ptp/api/paper-trading';
import { AlpacaAccountController } from './account/alpaca-account.controller';
import { AlpacaActivitiesController } from './account/alpaca-activities.controller';
import { AlpacaClockController } from './market/alpaca-clock.controller';
import { AlpacaMarketDataController } from './market/alpaca-market-data.controller';
import { AlpacaOrdersController } from './orders/alpaca-orders.controller';
import { AlpacaOrdersService } from './orders/alpaca-orders.service';
import { AlpacaPositionsController } from './positions/alpaca-positions.controller';
import { AlpacaPositionsService } from './positions/alpaca-positions.service';
import { StreamAuthService } from './stream/stream-auth.service';
import { TradeUpdatesGateway } from './stream/trade-updates.gateway';

/**
 * Alpaca's Trading API v2, Market Data v2 and trade-updates stream over the platform's own
 * services, so bots written for Alpaca trade here unchanged (docs/alpaca-compatibility.md).
 */
@Module({
  imports: [IdentityModule, MarketDataModule, PaperTradingModule],
  controllers: [
    AlpacaAccountController,
    AlpacaActivitiesController,
    AlpacaClockController,
    AlpacaMarketDataController,
    AlpacaOrdersController,
    AlpacaPositionsController,
  ],
  providers: [AlpacaOrdersService, AlpacaPositionsService, StreamAuthService, TradeUpdatesGateway],
})
export class AlpacaModule {}
