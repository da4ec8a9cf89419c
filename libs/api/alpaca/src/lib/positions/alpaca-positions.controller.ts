import { Delete, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Audited, RawResponse } from '@ptp/api/shared';
import type { Response } from 'express';
import { AlpacaAccount, AlpacaController } from '../shared/alpaca-account.decorator';
import type { MultiStatusEntry } from '../orders/alpaca-orders.service';
import type { AlpacaOrder } from '../orders/order.mapper';
import { AlpacaPositionsService } from './alpaca-positions.service';
import type { AlpacaPosition } from './position.mapper';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** Alpaca Trading API v2 positions. */
@AlpacaController('positions')
export class AlpacaPositionsController {
  constructor(private readonly positions: AlpacaPositionsService) {}

  @Get('positions')
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: open positions' })
  list(@AlpacaAccount() accountId: string): Promise<AlpacaPosition[]> {
    return this.positions.list(accountId);
  }

  @Get('positions/:symbol')
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: one open position' })
  get(
    @AlpacaAccount() accountId: string,
    @Param('symbol') symbol: string,
  ): Promise<AlpacaPosition> {
    return this.positions.get(accountId, symbol);
  }

  @Audited('alpaca.position.close')
  @Delete('positions/:symbol')
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: close a position (all, ?qty= or ?percentage=) at market' })
  close(
    @AlpacaAccount() accountId: string,
    @Param('symbol') symbol: string,
    @Query() query: Record<string, unknown>,
  ): Promise<AlpacaOrder> {
    return this.positions.close(accountId, symbol, {
      qty: text(query['qty']),
      percentage: text(query['percentage']),
    });
  }

  @Audited('alpaca.position.close_all')
  @Delete('positions')
  @RawResponse()
  @ApiOperation({
    summary: 'Alpaca: close every position (207), ?cancel_orders=true first cancels',
  })
  closeAll(
    @AlpacaAccount() accountId: string,
    @Query('cancel_orders') cancelOrders: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MultiStatusEntry[]> {
    res.status(207);
    return this.positions.closeAll(accountId, cancelOrders === 'true');
  }
}
