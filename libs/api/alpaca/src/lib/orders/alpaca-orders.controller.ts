import { Body, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiError, Audited, RawResponse } from '@ptp/api/shared';
import type { Response } from 'express';
import { AlpacaAccount, AlpacaController } from '../shared/alpaca-account.decorator';
import { AlpacaOrdersService } from './alpaca-orders.service';
import type { AlpacaOrder } from './order.mapper';
import { parseOrdersQuery } from './orders-query';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function orderUuidParam(id: string): string {
  if (!UUID.test(id)) throw ApiError.notFound('ORDER_NOT_FOUND', `order not found: ${id}`);
  return id.toLowerCase();
}

/** Alpaca Trading API v2 orders (docs/alpaca-compatibility.md). */
@AlpacaController('orders')
export class AlpacaOrdersController {
  constructor(private readonly orders: AlpacaOrdersService) {}

  @Audited('alpaca.order.place')
  @Post('orders')
  @HttpCode(200)
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: place an order (through the same engine as POST /api/orders)' })
  place(@AlpacaAccount() accountId: string, @Body() body: unknown): Promise<AlpacaOrder> {
    return this.orders.place(accountId, body);
  }

  @Get('orders')
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: list orders' })
  list(
    @AlpacaAccount() accountId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<AlpacaOrder[]> {
    return this.orders.list(accountId, parseOrdersQuery(query));
  }

  @Get('orders\\:by_client_order_id')
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: an order by its client_order_id' })
  byClientOrderId(
    @AlpacaAccount() accountId: string,
    @Query('client_order_id') clientOrderId: unknown,
  ): Promise<AlpacaOrder> {
    if (typeof clientOrderId !== 'string' || clientOrderId === '')
      throw ApiError.unprocessable('INVALID_QUERY', 'client_order_id is required');
    return this.orders.byClientOrderId(accountId, clientOrderId);
  }

  @Get('orders/:id')
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: one order, with its legs' })
  get(@AlpacaAccount() accountId: string, @Param('id') id: string): Promise<AlpacaOrder> {
    return this.orders.get(accountId, orderUuidParam(id));
  }

  @Audited('alpaca.order.replace')
  @Patch('orders/:id')
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: replace a working order with a new one' })
  replace(
    @AlpacaAccount() accountId: string,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<AlpacaOrder> {
    return this.orders.replace(accountId, orderUuidParam(id), body);
  }

  @Audited('alpaca.order.cancel')
  @Delete('orders/:id')
  @HttpCode(204)
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: cancel a working order (204)' })
  async cancel(@AlpacaAccount() accountId: string, @Param('id') id: string): Promise<void> {
    await this.orders.cancel(accountId, orderUuidParam(id));
  }

  @Audited('alpaca.order.cancel_all')
  @Delete('orders')
  @RawResponse()
  @ApiOperation({ summary: 'Alpaca: cancel every working order (207, one status per order)' })
  async cancelAll(
    @AlpacaAccount() accountId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown[]> {
    res.status(207);
    return this.orders.cancelAll(accountId);
  }
}
