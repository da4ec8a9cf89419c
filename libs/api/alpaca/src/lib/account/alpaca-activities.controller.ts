import { Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { AccountsService } from '@ptp/api/paper-trading';
import { CorporateActivityEntity, OrderEntity, PaperTradeEntity } from '@ptp/api/persistence';
import { ApiError, RawResponse } from '@ptp/api/shared';
import { DataSource, In } from 'typeorm';
import { AlpacaAccount, AlpacaController } from '../shared/alpaca-account.decorator';
import { invalidQuery, queryTime } from '../shared/alpaca-query';
import { type AlpacaFillActivity, fillActivities } from './fill-activities';
import { type AlpacaNonTradeActivity, nonTradeActivity } from './non-trade-activities';

const MAX_PAGE_SIZE = 100;

/** The activity types the platform books; Alpaca's others (TRANS, JNL, …) never occur here. */
const ACTIVITY_TYPES = ['FILL', 'DIV', 'SPLIT'] as const;
type AlpacaActivityType = (typeof ACTIVITY_TYPES)[number];

type AlpacaActivity = AlpacaFillActivity | AlpacaNonTradeActivity;

function activityTypes(value: unknown): AlpacaActivityType[] {
  if (value === undefined || value === '') return [...ACTIVITY_TYPES];
  const types = typeof value === 'string' ? value.split(',') : [];
  const unknown = types.filter((type) => !(ACTIVITY_TYPES as readonly string[]).includes(type));
  if (types.length === 0 || unknown.length > 0)
    throw invalidQuery(`activity types must be of ${ACTIVITY_TYPES.join(', ')}`);
  return types as AlpacaActivityType[];
}

/** An activity with the time it was booked: the order of the list and what after/until compare. */
interface Timed {
  readonly activity: AlpacaActivity;
  readonly time: number;
}

/** Alpaca Trading API v2 account activities: fills (FILL), dividends paid (DIV) and splits (SPLIT). */
@AlpacaController('account')
export class AlpacaActivitiesController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly dataSource: DataSource,
  ) {}

  @Get('account/activities')
  @RawResponse()
  @ApiOperation({
    summary: 'Alpaca: the account’s activities (FILL, DIV, SPLIT; `activity_types=`)',
  })
  async all(
    @AlpacaAccount() accountId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<AlpacaActivity[]> {
    return this.list(accountId, activityTypes(query['activity_types']), query);
  }

  @Get('account/activities/:activity_type')
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: the account’s activities of one type (FILL, DIV or SPLIT)' })
  async ofType(
    @AlpacaAccount() accountId: string,
    @Param('activity_type') type: string,
    @Query() query: Record<string, unknown>,
  ): Promise<AlpacaActivity[]> {
    return this.list(accountId, activityTypes(type), query);
  }

  private async list(
    accountId: string,
    types: readonly AlpacaActivityType[],
    query: Record<string, unknown>,
  ): Promise<AlpacaActivity[]> {
    const account = await this.accounts.resolve(accountId);
    const size = query['page_size'] === undefined ? MAX_PAGE_SIZE : Number(query['page_size']);
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
      throw invalidQuery(`page_size must be 1 to ${MAX_PAGE_SIZE}`);
    if (query['page_token'] !== undefined)
      throw ApiError.unprocessable('NOT_SUPPORTED', 'page_token is not supported; use after/until');
    const descending = query['direction'] !== 'asc';
    const from = (queryTime(query['after'], 'after') ?? -1) + 1;
    const to = queryTime(query['until'], 'until') ?? Number.MAX_SAFE_INTEGER;
    const activities = [
      ...(types.includes('FILL') ? await this.fills(account.id) : []),
      ...(await this.nonTrade(account.id, types)),
    ]
      .filter(({ time }) => time >= from && time <= to)
      .sort((a, b) => a.time - b.time || (a.activity.id < b.activity.id ? -1 : 1))
      .map(({ activity }) => activity);
    return (descending ? activities.reverse() : activities).slice(0, size);
  }

  private async fills(accountId: string): Promise<Timed[]> {
    const all = await this.dataSource.getRepository(PaperTradeEntity).find({
      where: { accountId },
      order: { executedAt: 'ASC', id: 'ASC' },
    });
    const orderIds = [...new Set(all.map((fill) => fill.orderId))];
    const orders = await this.dataSource
      .getRepository(OrderEntity)
      .findBy({ accountId, id: In(orderIds) });
    const activities = fillActivities(all, new Map(orders.map((o) => [o.id, o])));
    return activities.map((activity, i) => ({ activity, time: all[i].executedAt }));
  }

  private async nonTrade(
    accountId: string,
    types: readonly AlpacaActivityType[],
  ): Promise<Timed[]> {
    if (!types.some((type) => type !== 'FILL')) return [];
    const rows = await this.dataSource
      .getRepository(CorporateActivityEntity)
      .find({ where: { accountId }, order: { time: 'ASC', id: 'ASC' } });
    return rows.flatMap((row) => {
      const activity = nonTradeActivity(row);
      return activity && types.includes(activity.activity_type)
        ? [{ activity, time: row.time }]
        : [];
    });
  }
}
