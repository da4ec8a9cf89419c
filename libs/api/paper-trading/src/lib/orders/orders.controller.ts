import { Body, Controller, Delete, Get, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Order } from '@ptp/contracts';
import type { Response } from 'express';
import {
  accountIdOf,
  AccountQueryDto,
  ActsOnAccount,
  ApiEnvelopeResponse,
  ApiErrorResponses,
  Audited,
} from '@ptp/api/shared';
import { OrderIdParam } from './order-id.param';
import { OrdersQueryDto } from './orders-query.dto';
import { OrdersService } from './orders.service';
import { PlaceOrderDto } from './place-order.dto';

const EXAMPLE_ORDER = {
  id: 'default-O7',
  accountId: 'default',
  sessionId: null,
  parentId: null,
  ocoGroup: null,
  source: 'manual',
  symbol: 'AAPL',
  side: 'buy',
  type: 'limit',
  timeInForce: 'gtc',
  status: 'accepted',
  quantity: '0.25',
  notional: null,
  filledQuantity: '0',
  avgFillPrice: null,
  limitPrice: '180.5',
  stopPrice: null,
  trailPercent: null,
  trailAmount: null,
  takeProfit: '200',
  stopLoss: '170',
  reason: null,
  clientOrderId: 'rebalance-2026-01-05:AAPL',
  createdAt: '2026-01-05T15:03:00.000Z',
  updatedAt: '2026-01-05T15:03:00.000Z',
  transitions: [
    { status: 'accepted', time: '2026-01-05T15:03:00.000Z', reason: 'passed the pre-trade checks' },
  ],
};

const PLACE_ERRORS = {
  400: ['VALIDATION_FAILED'],
  404: ['ACCOUNT_NOT_FOUND'],
  409: ['DUPLICATE_CLIENT_ORDER_ID'],
  422: [
    'UNKNOWN_SYMBOL',
    'RISK_MAX_POSITION',
    'RISK_MAX_OPEN_POSITIONS',
    'RISK_DAILY_LOSS_LIMIT',
    'RISK_MIN_NOTIONAL',
    'RISK_MARKET_CLOSED',
    'INSUFFICIENT_CASH',
    'NO_SHORT_POSITIONS',
    'RISK_PDT',
    'NO_PRICE',
    'INVALID_BRACKET',
  ],
};

@ApiTags('orders')
@Controller('api/orders')
@ActsOnAccount()
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Audited('order.place')
  @Post()
  @ApiOperation({
    summary:
      'Place a manual order: market, limit, stop, stop_limit or trailing_stop; quantity or notional; optional takeProfit/stopLoss',
    description:
      'Runs through the account’s engine and risk rules like a strategy order, whether or not a session runs. A marketable order fills at once on the newest fresh price; ' +
      'others rest and are evaluated on every price update. A risk rejection answers 422 with `error.code`, `error.limit` and `error.requested` ' +
      '(e.g. `{"code":"RISK_MAX_POSITION","limit":50,"requested":73.1}`); the rejected order is kept for the record. ' +
      'With a `clientOrderId` a retry is safe: the same id and order answer the original order (a rejected one too) with 200 and place nothing; ' +
      'the same id with a different order answers 409 `DUPLICATE_CLIENT_ORDER_ID` with the existing order’s id in `error.details.orderId`.',
  })
  @ApiEnvelopeResponse(
    'The order as it stands after placement (filled at once when marketable)',
    EXAMPLE_ORDER,
    201,
  )
  @ApiEnvelopeResponse(
    'A retry: the order first placed with this clientOrderId and the same order; nothing new is placed',
    EXAMPLE_ORDER,
  )
  @ApiErrorResponses(PLACE_ERRORS)
  async place(
    @Body() body: PlaceOrderDto,
    @Query() query: AccountQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Order> {
    const { order, created } = await this.orders.submit({
      ...body,
      accountId: accountIdOf(body, query),
    });
    if (!created) res.status(HttpStatus.OK);
    return order;
  }

  @Get()
  @ApiOperation({
    summary:
      'Orders of the account, newest first; `status=open` for working orders; `clientOrderId` finds the order placed with it',
  })
  @ApiEnvelopeResponse('The orders', [EXAMPLE_ORDER])
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED'], 404: ['ACCOUNT_NOT_FOUND'] })
  list(@Query() query: OrdersQueryDto): Promise<Order[]> {
    return this.orders.list(query.accountId, query.status, query.limit, query.clientOrderId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One order with its status history' })
  @ApiEnvelopeResponse('The order', EXAMPLE_ORDER)
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED'], 404: ['ORDER_NOT_FOUND', 'ACCOUNT_NOT_FOUND'] })
  get(@OrderIdParam() id: string, @Query() query: AccountQueryDto): Promise<Order> {
    return this.orders.get(id, query.accountId);
  }

  @Audited('order.cancel')
  @Delete(':id')
  @ApiOperation({
    summary: 'Cancel a working order (its bracket siblings stay until they fill or are canceled)',
  })
  @ApiEnvelopeResponse('The canceled order', {
    ...EXAMPLE_ORDER,
    status: 'canceled',
    reason: 'canceled by request',
  })
  @ApiErrorResponses({
    400: ['VALIDATION_FAILED'],
    404: ['ORDER_NOT_FOUND', 'ACCOUNT_NOT_FOUND'],
    409: ['ORDER_NOT_CANCELLABLE'],
  })
  cancel(@OrderIdParam() id: string, @Query() query: AccountQueryDto): Promise<Order> {
    return this.orders.cancel(id, query.accountId);
  }
}
