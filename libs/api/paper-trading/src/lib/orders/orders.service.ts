import { Injectable } from '@nestjs/common';
import { MarketDataService } from '@ptp/api/market-data';
import { OrderEntity } from '@ptp/api/persistence';
import { ApiError } from '@ptp/api/shared';
import type { Order, OrderStatusFilter } from '@ptp/contracts';
import { OPEN_ORDER_STATUSES, type OrderRequest, type SubmitResult } from '@ptp/domain';
import { DataSource, In } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { toOrderView } from '../desk/engine-rows';
import { TradingDesks } from '../desk/trading-desks.service';
import { orderShapeProblems, type PlaceOrderDto } from './place-order.dto';

/** Codes of the core's own input validation: the request itself is wrong (400), not the market or a rule (422). */
const INPUT_CODES = new Set([
  'INVALID_SYMBOL',
  'INVALID_SIDE',
  'INVALID_ORDER_TYPE',
  'INVALID_TIME_IN_FORCE',
  'QUANTITY_OR_NOTIONAL',
  'INVALID_QUANTITY',
  'INVALID_NOTIONAL',
  'MISSING_LIMIT_PRICE',
  'MISSING_STOP_PRICE',
  'INVALID_PRICE',
  'INVALID_TRAIL',
  'FIELD_NOT_APPLICABLE',
  'BRACKET_REQUIRES_BUY',
]);

function refusal(result: Extract<SubmitResult, { ok: false }>): ApiError {
  if (result.rejection) {
    const { code, limit, requested } = result.rejection;
    return ApiError.riskRejection(code, result.message, limit, requested, {
      orderId: result.order?.id ?? null,
    });
  }
  if (INPUT_CODES.has(result.code))
    return ApiError.badRequest(result.code, result.message, result.issues);
  // The price a bracket was checked against lets a client retry against the market as the engine saw it.
  return ApiError.unprocessable(
    result.code,
    result.message,
    result.referencePrice === undefined ? undefined : { referencePrice: result.referencePrice },
  );
}

function request(dto: PlaceOrderDto): OrderRequest {
  const { accountId: _accountId, ...order } = dto;
  return Object.fromEntries(
    Object.entries(order).filter(([, value]) => value !== undefined),
  ) as unknown as OrderRequest;
}

/**
 * Manual orders. They go through the account's engine like a strategy's (risk, fills, ledger) in
 * the account's queue, whether or not a session runs, and everything they change is written in one
 * transaction. A marketable order fills at once on the symbol's newest fresh price.
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly desks: TradingDesks,
    private readonly marketData: MarketDataService,
    private readonly dataSource: DataSource,
  ) {}

  async place(dto: PlaceOrderDto): Promise<Order> {
    const problems = orderShapeProblems(dto);
    if (problems.length > 0)
      throw ApiError.badRequest('VALIDATION_FAILED', 'The order is invalid.', problems);
    const account = await this.accounts.resolve(dto.accountId);
    const unknown = await this.marketData.watch([dto.symbol]);
    if (unknown.length > 0)
      throw ApiError.badRequest('UNKNOWN_SYMBOL', `Unknown symbol: ${dto.symbol}.`, {
        symbols: unknown,
      });
    // A symbol no session watches has no price in memory yet; the (cached) quote gives it one.
    const quote = await this.marketData.getQuote(dto.symbol);
    if (quote) this.desks.noteQuote(quote);
    const result = await this.desks.withDesk(account.id, (desk) => desk.placeOrder(request(dto)));
    if (!result.ok) throw refusal(result);
    const id = result.order.id;
    return this.get(id, account.id);
  }

  async list(
    accountId: string | undefined,
    status: OrderStatusFilter = 'all',
    limit = 200,
  ): Promise<Order[]> {
    const account = await this.accounts.resolve(accountId);
    const statusFilter =
      status === 'all' ? {} : { status: status === 'open' ? In([...OPEN_ORDER_STATUSES]) : status };
    const rows = await this.dataSource.getRepository(OrderEntity).find({
      where: { accountId: account.id, ...statusFilter },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
    });
    return rows.map(toOrderView);
  }

  /** An order by id; with `accountId` it must belong to that account. */
  async get(id: string, accountId: string | undefined): Promise<Order> {
    return toOrderView(await this.row(id, accountId));
  }

  /** Cancels a working order; a filled, canceled, rejected or expired one answers 409. */
  async cancel(id: string, accountId: string | undefined): Promise<Order> {
    const row = await this.row(id, accountId);
    const result = await this.desks.withDesk(row.accountId, (desk) => desk.cancelOrder(id));
    if (!result.ok) {
      const current = await this.row(id, row.accountId);
      throw ApiError.conflict(
        'ORDER_NOT_CANCELLABLE',
        `Order ${id} is ${current.status} and can no longer be canceled.`,
        { id, status: current.status },
      );
    }
    return this.get(id, row.accountId);
  }

  private async row(id: string, accountId: string | undefined): Promise<OrderEntity> {
    if (accountId !== undefined) await this.accounts.resolve(accountId);
    const row = await this.dataSource
      .getRepository(OrderEntity)
      .findOneBy(accountId === undefined ? { id } : { id, accountId });
    if (!row) throw ApiError.notFound('ORDER_NOT_FOUND', `No order with id "${id}".`, { id });
    return row;
  }
}
