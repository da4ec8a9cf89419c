import { Body, Controller, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  accountIdOf,
  AccountQueryDto,
  ActsOnAccount,
  ApiEnvelopeResponse,
  ApiErrorResponses,
  Audited,
} from '@ptp/api/shared';
import type { Account } from '@ptp/contracts';
import { AccountLifecycle } from './account-lifecycle.service';
import { ResetPortfolioDto } from './accounts.dto';

/** The design's reset path, kept under /api/portfolio; it is a command, so it lives with the desk. */
@ApiTags('portfolio')
@Controller('api/portfolio')
@ActsOnAccount()
export class PortfolioResetController {
  constructor(private readonly lifecycle: AccountLifecycle) {}

  @Audited('account.reset')
  @Post('reset')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Reset the account to its starting capital, deleting fills, orders, positions, snapshots and decisions',
  })
  @ApiEnvelopeResponse('The account after the reset', {
    id: 'default',
    name: 'Default',
    isDefault: true,
    startingCapital: '500',
    cash: '500.00',
    equity: '500.00',
    totalPnl: '0.00',
    sessionState: 'idle',
    strategy: null,
    createdAt: '2026-01-05T14:00:00.000Z',
  })
  @ApiErrorResponses({
    400: ['VALIDATION_FAILED'],
    404: ['ACCOUNT_NOT_FOUND'],
    409: ['SESSION_RUNNING'],
  })
  reset(@Body() body: ResetPortfolioDto, @Query() query: AccountQueryDto): Promise<Account> {
    return this.lifecycle.reset(accountIdOf(body, query));
  }
}
