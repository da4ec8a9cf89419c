import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountsService } from '@ptp/api/paper-trading';
import {
  ActsOnAccount,
  ApiEnvelopeResponse,
  ApiErrorResponses,
  parseTimeRange,
} from '@ptp/api/shared';
import { ACTIVITY_TYPES, type ActivitiesPage, type ActivityItem } from '@ptp/contracts';
import { ActivitiesQueryDto } from './activities-query.dto';
import { ActivitiesService } from './activities.service';

const EXAMPLE_ACTIVITIES: ActivityItem[] = [
  {
    id: 'default-A2',
    accountId: 'default',
    type: 'dividend',
    phase: 'paid',
    symbol: 'AAPL',
    time: '2026-02-12T14:30:00.000Z',
    exDate: '2026-02-09',
    payDate: '2026-02-12',
    cashAmount: '0.26',
    quantity: '40',
    amount: '10.4',
  },
  {
    id: 'default-A1',
    accountId: 'default',
    type: 'split',
    symbol: 'AAPL',
    time: '2026-02-02T14:30:00.000Z',
    date: '2026-02-02',
    splitFrom: '1',
    splitTo: '4',
    quantityBefore: '10',
    quantityAfter: '40',
  },
  {
    id: 'default-F1',
    accountId: 'default',
    type: 'fill',
    orderId: 'default-O1',
    sessionId: null,
    time: '2026-01-05T15:31:00.000Z',
    symbol: 'AAPL',
    side: 'buy',
    quantity: '10',
    price: '183.09',
    commission: '0',
    realizedPnl: '0.00',
  },
];

@ApiTags('trades')
@Controller('api/activities')
@ActsOnAccount()
export class ActivitiesController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly activities: ActivitiesService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The ledger activities: fills, splits and dividends, newest first, paginated',
    description:
      'Each fill, each split the account held shares through, and each dividend (accrued on its ex-date, paid on its pay date) is an activity of its own. Filter by type (comma-separated), symbol and date range.',
  })
  @ApiEnvelopeResponse('A page of activities', {
    items: EXAMPLE_ACTIVITIES,
    total: 3,
    limit: 100,
    offset: 0,
  })
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED', 'INVALID_RANGE'], 404: ['ACCOUNT_NOT_FOUND'] })
  async list(@Query() query: ActivitiesQueryDto): Promise<ActivitiesPage> {
    const account = await this.accounts.resolve(query.accountId);
    const filter = {
      accountId: account.id,
      types: query.type ?? ACTIVITY_TYPES,
      symbol: query.symbol,
      range: parseTimeRange(query.from, query.to),
    };
    return this.activities.page(filter, query.limit ?? 100, query.offset ?? 0);
  }
}
