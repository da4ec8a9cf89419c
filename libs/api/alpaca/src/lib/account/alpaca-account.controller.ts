import { Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { MarketDataService } from '@ptp/api/market-data';
import { AccountsService, TradingDesks } from '@ptp/api/paper-trading';
import { EquitySnapshotEntity, OrderEntity, PaperTradeEntity } from '@ptp/api/persistence';
import { ApiError, RawResponse } from '@ptp/api/shared';
import { Between, DataSource, In } from 'typeorm';
import { AlpacaAccount, AlpacaController } from '../shared/alpaca-account.decorator';
import { queryTime } from '../shared/alpaca-query';
import { type AlpacaAccountView, toAlpacaAccount } from './account.mapper';
import { type AlpacaFillActivity, fillActivities } from './fill-activities';
import { type AlpacaPortfolioHistory, historyWindow, portfolioHistory } from './portfolio-history';

const MAX_PAGE_SIZE = 100;

/** Alpaca Trading API v2 account, portfolio history and fill activities. */
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

  @Get('account/activities/FILL')
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: the account’s fills as FILL activities' })
  async fills(
    @AlpacaAccount() accountId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<AlpacaFillActivity[]> {
    const account = await this.accounts.resolve(accountId);
    const size = query['page_size'] === undefined ? MAX_PAGE_SIZE : Number(query['page_size']);
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
      throw ApiError.unprocessable('INVALID_QUERY', `page_size must be 1 to ${MAX_PAGE_SIZE}`);
    if (query['page_token'] !== undefined)
      throw ApiError.unprocessable('NOT_SUPPORTED', 'page_token is not supported; use after/until');
    const descending = query['direction'] !== 'asc';
    const from = (queryTime(query['after'], 'after') ?? -1) + 1;
    const to = queryTime(query['until'], 'until') ?? Number.MAX_SAFE_INTEGER;
    const trades = this.dataSource.getRepository(PaperTradeEntity);
    const all = await trades.find({
      where: { accountId: account.id },
      order: { executedAt: 'ASC', id: 'ASC' },
    });
    const orderIds = [...new Set(all.map((fill) => fill.orderId))];
    const orders = await this.dataSource
      .getRepository(OrderEntity)
      .findBy({ accountId: account.id, id: In(orderIds) });
    const activities = fillActivities(all, new Map(orders.map((o) => [o.id, o]))).filter((a) => {
      const time = Date.parse(a.transaction_time);
      return time >= from && time <= to;
    });
    return (descending ? activities.reverse() : activities).slice(0, size);
  }
}
