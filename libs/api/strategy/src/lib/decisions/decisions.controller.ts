import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountsService } from '@ptp/api/paper-trading';
import { ActsOnAccount, parseTimeRange } from '@ptp/api/shared';
import { ApiEnvelopeResponse, ApiErrorResponses } from '@ptp/api/shared';
import type { Decision, DecisionsPage } from '@ptp/contracts';
import { DecisionsQueryDto } from './decisions-query.dto';
import { DecisionsService } from './decisions.service';

const EXAMPLE_DECISIONS: Decision[] = [
  {
    id: 42,
    accountId: 'default',
    sessionId: '6d1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
    time: '2026-01-05T15:31:00.000Z',
    symbol: 'AAPL',
    strategy: 'ma-crossover',
    action: 'enter',
    reason: 'fast SMA 184.12 crossed above slow SMA 183.97',
    indicators: { fast: 184.12, slow: 183.97 },
    riskOutcome: 'rejected',
    riskCode: 'RISK_MAX_OPEN_POSITIONS',
    riskReason: '8 positions open, limit 8',
    orderId: null,
  },
];

@ApiTags('decisions')
@Controller('api/decisions')
@ActsOnAccount()
export class DecisionsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly decisions: DecisionsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The audit trail: why did it (not) trade?',
    description:
      'One row per evaluated signal of a live session: strategy, indicator values, risk outcome and reason, resulting order. Newest first.',
  })
  @ApiEnvelopeResponse('A page of decisions', {
    items: EXAMPLE_DECISIONS,
    total: 1,
    limit: 100,
    offset: 0,
  })
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED', 'INVALID_RANGE'], 404: ['ACCOUNT_NOT_FOUND'] })
  async list(@Query() query: DecisionsQueryDto): Promise<DecisionsPage> {
    const account = await this.accounts.resolve(query.accountId);
    const filter = {
      accountId: account.id,
      symbol: query.symbol,
      outcome: query.outcome,
      range: parseTimeRange(query.from, query.to),
    };
    return this.decisions.page(filter, query.limit ?? 100, query.offset ?? 0);
  }
}
