import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Account } from '@ptp/contracts';
import {
  AccountIdParam,
  ActsOnAccount,
  ApiEnvelopeResponse,
  ApiErrorResponses,
  Audited,
  CurrentPrincipal,
  type Principal,
} from '@ptp/api/shared';
import { ConfirmDto, CreateAccountDto } from './accounts.dto';
import { AccountLifecycle } from './account-lifecycle.service';

const EXAMPLE_ACCOUNT = {
  id: 'default',
  name: 'Default',
  isDefault: true,
  startingCapital: '500',
  cash: '452.80',
  equity: '503.12',
  totalPnl: '3.12',
  sessionState: 'running',
  strategy: 'ma-crossover',
  createdAt: '2026-01-05T14:00:00.000Z',
};

@ApiTags('accounts')
@Controller('api/accounts')
export class AccountsController {
  constructor(private readonly lifecycle: AccountLifecycle) {}

  @Get()
  @ApiOperation({ summary: 'Every paper account with its cash, equity and session state' })
  @ApiEnvelopeResponse('The accounts, default first', [EXAMPLE_ACCOUNT])
  list(@CurrentPrincipal() caller: Principal): Promise<Account[]> {
    return this.lifecycle.list(caller);
  }

  @Audited('account.create')
  @Post()
  @ApiOperation({
    summary: 'Create a named paper account (its own cash, positions, orders and session)',
  })
  @ApiEnvelopeResponse(
    'The new account',
    {
      ...EXAMPLE_ACCOUNT,
      id: '0b6c…',
      name: 'Momentum test',
      isDefault: false,
      sessionState: 'idle',
      strategy: null,
    },
    HttpStatus.CREATED,
  )
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED'], 409: ['ACCOUNT_NAME_TAKEN'] })
  create(@CurrentPrincipal() caller: Principal, @Body() body: CreateAccountDto): Promise<Account> {
    return this.lifecycle.create(body.name, body.startingCapital, caller.userId);
  }

  @ActsOnAccount('param')
  @Audited('account.reset')
  @Post(':id/reset')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Reset an account to its starting capital, deleting its history; body {"confirm": true}',
  })
  @ApiEnvelopeResponse('The account after the reset', {
    ...EXAMPLE_ACCOUNT,
    cash: '500.00',
    equity: '500.00',
    totalPnl: '0.00',
    sessionState: 'idle',
    strategy: null,
  })
  @ApiErrorResponses({
    400: ['VALIDATION_FAILED'],
    404: ['ACCOUNT_NOT_FOUND'],
    409: ['SESSION_RUNNING'],
  })
  reset(@AccountIdParam() id: string, @Body() _body: ConfirmDto): Promise<Account> {
    return this.lifecycle.reset(id);
  }

  @ActsOnAccount('param')
  @Audited('account.delete')
  @Delete(':id')
  @ApiOperation({ summary: 'Delete an account and all its rows (not the default account)' })
  @ApiEnvelopeResponse('The account as it was before the delete', {
    ...EXAMPLE_ACCOUNT,
    isDefault: false,
    sessionState: 'idle',
  })
  @ApiErrorResponses({
    400: ['VALIDATION_FAILED'],
    404: ['ACCOUNT_NOT_FOUND'],
    409: ['DEFAULT_ACCOUNT', 'SESSION_RUNNING'],
  })
  delete(@AccountIdParam() id: string): Promise<Account> {
    return this.lifecycle.delete(id);
  }
}
