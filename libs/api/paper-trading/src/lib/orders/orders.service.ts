import { Injectable } from '@nestjs/common';
import { MarketDataService, unknownSymbolsError } from '@ptp/api/market-data';
import { OrderEntity } from '@ptp/api/persistence';
import { ApiError, KeyedBatches } from '@ptp/api/shared';
import type { Order, OrderStatusFilter } from '@ptp/contracts';
import { OPEN_ORDER_STATUSES, type OrderRequest, type SubmitResult } from '@ptp/domain';
import { DataSource, In } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import type { AccountDesk } from '../desk/account-desk';
import type { ClientOrderTag, QueuedOrder } from '../desk/ledger-batch';
import { committedOrderView, toOrderView } from '../desk/engine-rows';
import { TradingDesks } from '../desk/trading-desks.service';
import { OwnerCommands, type RoutedCommand } from '../ownership/owner-commands.service';
import { requestHash } from './client-order-id';
import { groupsWithoutRepeats, placeGroups, type OrderTurn } from './order-turns';
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
  'INVALID_OCO',
]);

function refusal(result: Extract<SubmitResult, { ok: false }>): ApiError {
  if (result.rejection) {
    const { code, limit, requested, window } = result.rejection;
    return ApiError.riskRejection(code, result.message, limit, requested, {
      orderId: result.order?.id ?? null,
      ...(window ? { window } : {}),
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
  const { accountId: _accountId, clientOrderId: _clientOrderId, ...order } = dto;
  return Object.fromEntries(
    Object.entries(order).filter(([, value]) => value !== undefined),
  ) as unknown as OrderRequest;
}

/** A placed order; `created` is false when a retry under a known clientOrderId found the original. */
export interface PlacedOrder {
  readonly order: Order;
  readonly created: boolean;
}

/**
 * Manual orders. They go through the account's engine like a strategy's (risk, fills, ledger) in
 * the account's queue, whether or not a session runs, and everything they change is written in one
 * transaction. A marketable order fills at once on the symbol's newest fresh price. Orders and
 * cancels run on the account's owner, wherever they arrive.
 */
@Injectable()
export class OrdersService {
  private readonly submitAtOwner: RoutedCommand<[PlaceOrderDto, string | undefined], PlacedOrder>;
  private readonly cancelAtOwner: RoutedCommand<[string, string], Order>;
  /** Manual orders that arrive while their account is busy are placed together, in one commit. */
  private readonly batches: KeyedBatches<AccountDesk, QueuedOrder, OrderTurn>;

  constructor(
    private readonly accounts: AccountsService,
    private readonly desks: TradingDesks,
    private readonly marketData: MarketDataService,
    private readonly dataSource: DataSource,
    commands: OwnerCommands,
  ) {
    this.submitAtOwner = commands.register('orders.submit', (dto, replaces) =>
      // Through Redis an absent argument arrives as null.
      this.submitHere(dto, replaces ?? undefined),
    );
    this.cancelAtOwner = commands.register('orders.cancel', (id, accountId) =>
      this.cancelHere(id, accountId),
    );
    this.batches = new KeyedBatches(
      (accountId, task) => desks.withDesk(accountId, task),
      (desk, accountId, orders) =>
        placeGroups(groupsWithoutRepeats(orders), (group) =>
          this.placeGroup(accountId, group, (fresh) => desk.placeOrders(fresh)),
        ),
    );
  }

  async place(dto: PlaceOrderDto): Promise<Order> {
    return (await this.submit(dto)).order;
  }

  /**
   * Places `dto` in place of the working order `id`: the old order is canceled for the new one in
   * one change, or, if the new one is refused, stays as it was. 409 ORDER_NOT_REPLACEABLE when the
   * old order no longer works.
   */
  async replace(id: string, dto: PlaceOrderDto): Promise<PlacedOrder> {
    const old = await this.row(id, dto.accountId);
    return this.submit({ ...dto, accountId: old.accountId }, old.id);
  }

  async submit(dto: PlaceOrderDto, replaces?: string): Promise<PlacedOrder> {
    const problems = orderShapeProblems(dto);
    if (problems.length > 0)
      throw ApiError.badRequest('VALIDATION_FAILED', 'The order is invalid.', problems);
    const account = await this.accounts.resolve(dto.accountId);
    return this.submitAtOwner(account.id, { ...dto, accountId: account.id }, replaces);
  }

  private async submitHere(dto: PlaceOrderDto, replaces?: string): Promise<PlacedOrder> {
    const account = await this.accounts.resolve(dto.accountId);
    await this.marketData.requireKnown([dto.symbol]);
    const unknown = await this.marketData.watch([dto.symbol]);
    if (unknown.length > 0) throw unknownSymbolsError(unknown);
    // A symbol no session watches has no price in memory yet; the (cached) quote gives it one.
    const quote = await this.marketData.getQuote(dto.symbol);
    if (quote) this.desks.noteQuote(quote);
    const order = request(dto);
    const tag =
      dto.clientOrderId === undefined
        ? undefined
        : { clientOrderId: dto.clientOrderId, requestHash: requestHash(order) };
    const queued = { request: order, tag };
    const turn =
      replaces === undefined
        ? await this.batches.add(account.id, queued)
        : await this.replaceInTurn(account.id, replaces, queued);
    if (turn.kind === 'failed') throw turn.error;
    if (turn.kind === 'known') return this.retried(turn.row, turn.tag);
    const outcome = turn.result;
    if (!outcome.ok && replaces !== undefined && outcome.code === 'ORDER_NOT_FOUND')
      throw ApiError.conflict(
        'ORDER_NOT_REPLACEABLE',
        `Order ${replaces} is no longer working and cannot be replaced.`,
        { id: replaces },
      );
    if (!outcome.ok) throw refusal(outcome);
    const clientOrderId = tag?.clientOrderId ?? null;
    return { order: committedOrderView(outcome.order, account.id, clientOrderId), created: true };
  }

  async list(
    accountId: string | undefined,
    status: OrderStatusFilter = 'all',
    limit = 200,
    clientOrderId?: string,
  ): Promise<Order[]> {
    const account = await this.accounts.resolve(accountId);
    const statusFilter =
      status === 'all' ? {} : { status: status === 'open' ? In([...OPEN_ORDER_STATUSES]) : status };
    const rows = await this.dataSource.getRepository(OrderEntity).find({
      where: { accountId: account.id, ...statusFilter, ...(clientOrderId && { clientOrderId }) },
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
    return this.cancelAtOwner(row.accountId, id, row.accountId);
  }

  private async cancelHere(id: string, accountId: string): Promise<Order> {
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

  /** A retry gets the original order, even a rejected one; another order under its id is refused. */
  private retried(existing: OrderEntity, tag: ClientOrderTag): PlacedOrder {
    if (existing.requestHash !== tag.requestHash)
      throw ApiError.conflict(
        'DUPLICATE_CLIENT_ORDER_ID',
        `clientOrderId "${tag.clientOrderId}" was used for a different order (${existing.id}).`,
        { orderId: existing.id, clientOrderId: tag.clientOrderId },
      );
    return { order: toOrderView(existing), created: false };
  }

  /** A replacement runs alone in the account's turn: if it is refused the desk reloads, the old order works on. */
  private async replaceInTurn(
    accountId: string,
    replaces: string,
    queued: QueuedOrder,
  ): Promise<OrderTurn> {
    const [turn] = await this.desks.withDesk(accountId, (desk) =>
      this.placeGroup(accountId, [queued], async ([one]) => [
        await desk.replaceOrder(replaces, one),
      ]),
    );
    return turn;
  }

  /**
   * Places a group of orders in the account's turn: one whose client order id is known finds its
   * order (looked up in the turn, after every earlier order of the account was committed); the others
   * are placed by `place`.
   */
  private async placeGroup(
    accountId: string,
    group: readonly QueuedOrder[],
    place: (fresh: readonly QueuedOrder[]) => Promise<SubmitResult[]>,
  ): Promise<OrderTurn[]> {
    const ids = group.flatMap(({ tag }) => (tag ? [tag.clientOrderId] : []));
    const rows =
      ids.length === 0
        ? []
        : await this.dataSource
            .getRepository(OrderEntity)
            .findBy({ accountId, clientOrderId: In(ids) });
    const known = new Map(rows.map((row) => [row.clientOrderId, row]));
    const fresh = group.filter(({ tag }) => !(tag && known.has(tag.clientOrderId)));
    const results = fresh.length === 0 ? [] : await place(fresh);
    let next = 0;
    return group.map(({ tag }): OrderTurn => {
      const row = tag && known.get(tag.clientOrderId);
      return row ? { kind: 'known', row, tag } : { kind: 'placed', result: results[next++] };
    });
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
