import { Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { MarketDataService } from '@ptp/api/market-data';
import { AccountsService, TradingDesks } from '@ptp/api/paper-trading';
import { EquitySnapshotEntity } from '@ptp/api/persistence';
import { RawResponse } from '@ptp/api/shared';
import { Between, DataSource } from 'typeorm';
import { AlpacaAccount, AlpacaController } from '../shared/alpaca-account.decorator';
import { type AlpacaAccountView, toAlpacaAccount } from './account.mapper';
import { type AlpacaPortfolioHistory, historyWindow, portfolioHistory } from './portfolio-history';

/** Alpaca Trading API v2 account and portfolio history. */
@AlpacaController('account')
export class AlpacaAccountController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly desks: TradingDesks,
    private readonly marketData: MarketDataService,
    private readonly dataSource: DataSource,
  ) {}

  @Get('account')
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: the account (the engine’s cash, equity and buying power)' })
  async account(@AlpacaAccount() accountId: string): Promise<AlpacaAccountView> {
    const account = await this.accounts.resolve(accountId);
    const valuation = await this.desks.valuation(account.id);
    return toAlpacaAccount(valuation, account.id, account.createdAt);
  }

  @Get('account/portfolio/history')
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: equity history from the account’s equity snapshots' })
  async history(
    @AlpacaAccount() accountId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<AlpacaPortfolioHistory> {
    const account = await this.accounts.resolve(accountId);
    // "Now" is the market's: the simulated and replay clocks run apart from the wall clock.
    const window = historyWindow(query, (await this.marketData.status()).asOf);
    const rows = await this.dataSource.getRepository(EquitySnapshotEntity).find({
      where: { accountId: account.id, time: Between(window.from, window.to) },
      order: { time: 'ASC', id: 'ASC' },
    });
    return portfolioHistory(rows, window);
  }
}
