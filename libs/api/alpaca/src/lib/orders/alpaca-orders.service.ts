import { Injectable } from '@nestjs/common';
import { OrdersService, PlaceOrderDto } from '@ptp/api/paper-trading';
import { OrderEntity } from '@ptp/api/persistence';
import { ApiError } from '@ptp/api/shared';
import type { Order as DomainOrder, OrderStatus } from '@ptp/domain';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, In, IsNull } from 'typeorm';
import { type AlpacaOrder, OPEN_STATUSES, toAlpacaOrder } from './order.mapper';
import { mapOrderRequest, mapReplaceRequest, type MappedOrder } from './order-request';
import { type OrdersQuery, orderRowsQuery } from './orders-query';

/** One entry of the 207 answer of DELETE /v2/orders and DELETE /v2/positions. */
export interface MultiStatusEntry {
  readonly id?: string;
  readonly symbol?: string;
  readonly status: number;
  readonly body: unknown;
}

const numberOrUndefined = (value: string | null): number | undefined =>
  value === null ? undefined : Number(value);

/**
 * Alpaca's orders over ours: every order is placed, replaced and canceled through OrdersService,
 * the same path as `POST /api/orders`, so the engine and its risk rules decide and compute all.
 */
@Injectable()
export class AlpacaOrdersService {
  constructor(
    private readonly orders: OrdersService,
    private readonly dataSource: DataSource,
  ) {}

  async place(accountId: string, body: unknown): Promise<AlpacaOrder> {
    const dto = await this.dto(accountId, mapOrderRequest(body));
    const { order } = await this.orders.submit(dto);
    return this.byId(accountId, order.id);
  }

  async replace(accountId: string, uuid: string, body: unknown): Promise<AlpacaOrder> {
    const row = await this.row(accountId, uuid);
    // A replacement is placed on its own: a leg's would leave its bracket or OCO group.
    if (row.parentId !== null)
      throw ApiError.unprocessable(
        'NOT_SUPPORTED',
        'a leg of a bracket, OTO or OCO order cannot be replaced; cancel it and place the exit anew',
      );
    const dto = await this.dto(accountId, mapReplaceRequest(body, this.asRequest(row)));
    const { order } = await this.orders.replace(row.id, dto);
    return this.byId(accountId, order.id);
  }

  async list(accountId: string, query: OrdersQuery): Promise<AlpacaOrder[]> {
    const repo = this.dataSource.getRepository(OrderEntity);
    const rows = await repo.find(orderRowsQuery(accountId, query));
    if (!query.nested) return rows.map((row) => toAlpacaOrder(row, null));
    const legs = await this.legsOf(rows);
    return rows.map((row) => toAlpacaOrder(row, legs.get(row.id) ?? []));
  }

  async get(accountId: string, uuid: string): Promise<AlpacaOrder> {
    return this.withLegs(await this.row(accountId, uuid));
  }

  async byClientOrderId(accountId: string, clientOrderId: string): Promise<AlpacaOrder> {
    const repo = this.dataSource.getRepository(OrderEntity);
    // An order placed without one shows its UUID as client_order_id (Alpaca always has one).
    const row =
      (await repo.findOneBy({ accountId, clientOrderId })) ??
      (await repo.findOneBy({ accountId, uuid: clientOrderId, clientOrderId: IsNull() }));
    if (!row) throw this.notFound(clientOrderId);
    return this.withLegs(row);
  }

  async cancel(accountId: string, uuid: string): Promise<void> {
    const row = await this.row(accountId, uuid);
    await this.orders.cancel(row.id, accountId);
  }

  /** Cancels every working order; each answers for itself (200, or its error). */
  async cancelAll(accountId: string): Promise<MultiStatusEntry[]> {
    const open = await this.dataSource
      .getRepository(OrderEntity)
      .find({ where: { accountId, status: In([...OPEN_STATUSES]) }, order: { createdAt: 'ASC' } });
    const results: MultiStatusEntry[] = [];
    const repo = this.dataSource.getRepository(OrderEntity);
    for (const listed of open) {
      const id = toAlpacaOrder(listed, null).id;
      // Canceling an OCO pair's limit order has canceled its stop leg already.
      const row = (await repo.findOneBy({ accountId, id: listed.id })) ?? listed;
      if (!OPEN_STATUSES.includes(row.status as OrderStatus)) {
        results.push({ id, status: 200, body: await this.withLegs(row) });
        continue;
      }
      try {
        await this.orders.cancel(row.id, accountId);
        results.push({ id, status: 200, body: await this.byId(accountId, row.id) });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        results.push({ id, status: error.getStatus(), body: { code: error.code } });
      }
    }
    return results;
  }

  /** An order of the account by our id, in Alpaca's shape. */
  async byId(accountId: string, id: string): Promise<AlpacaOrder> {
    const row = await this.dataSource.getRepository(OrderEntity).findOneBy({ accountId, id });
    if (!row) throw this.notFound(id);
    return this.withLegs(row);
  }

  /** Our order request as the engine kept it, to apply a replacement's changes to. */
  private asRequest(row: OrderEntity): MappedOrder {
    const order = JSON.parse(row.state) as DomainOrder;
    return {
      symbol: row.symbol,
      side: row.side,
      type: order.type,
      quantity: row.notional === null ? numberOrUndefined(row.quantity) : undefined,
      notional: numberOrUndefined(row.notional),
      limitPrice: numberOrUndefined(row.limitPrice),
      stopPrice: numberOrUndefined(row.stopPrice),
      trailPercent: numberOrUndefined(row.trailPercent),
      trailAmount: numberOrUndefined(row.trailAmount),
      timeInForce: order.timeInForce,
      takeProfit: order.takeProfit ?? undefined,
      stopLoss: order.stopLoss ?? undefined,
      stopLossLimit: order.stopLossLimit,
    };
  }

  /** Validated exactly as `POST /api/orders` validates its body. */
  private async dto(accountId: string, order: MappedOrder): Promise<PlaceOrderDto> {
    const dto = plainToInstance(PlaceOrderDto, { ...order, accountId });
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0)
      throw ApiError.unprocessable(
        'VALIDATION_FAILED',
        errors.flatMap((e) => Object.values(e.constraints ?? {})).join('; '),
      );
    return dto;
  }

  private async withLegs(row: OrderEntity): Promise<AlpacaOrder> {
    const legs = await this.legsOf([row]);
    return toAlpacaOrder(row, legs.get(row.id) ?? []);
  }

  private async legsOf(rows: readonly OrderEntity[]): Promise<Map<string, OrderEntity[]>> {
    const legs = new Map<string, OrderEntity[]>();
    if (rows.length === 0) return legs;
    const children = await this.dataSource.getRepository(OrderEntity).find({
      where: { accountId: rows[0].accountId, parentId: In(rows.map((row) => row.id)) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    for (const child of children) {
      const parent = child.parentId as string;
      legs.set(parent, [...(legs.get(parent) ?? []), child]);
    }
    return legs;
  }

  private async row(accountId: string, uuid: string): Promise<OrderEntity> {
    const row = await this.dataSource.getRepository(OrderEntity).findOneBy({ accountId, uuid });
    if (!row) throw this.notFound(uuid);
    return row;
  }

  private notFound(id: string): ApiError {
    return ApiError.notFound('ORDER_NOT_FOUND', `order not found: ${id}`, { id });
  }
}
