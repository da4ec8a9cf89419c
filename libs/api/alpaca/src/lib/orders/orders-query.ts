import { OrderEntity } from '@ptp/api/persistence';
import { invalidQuery as invalid, queryTime } from '../shared/alpaca-query';
import { Between, type FindManyOptions, In, IsNull } from 'typeorm';
import { CLOSED_STATUSES, OPEN_STATUSES } from './order.mapper';

/** GET /v2/orders?status=&limit=&after=&until=&direction=&symbols=&nested= */
export interface OrdersQuery {
  readonly status: 'open' | 'closed' | 'all';
  readonly limit: number;
  readonly after: number;
  readonly until: number;
  readonly direction: 'asc' | 'desc';
  readonly symbols: readonly string[] | null;
  readonly nested: boolean;
}

const MAX_LIMIT = 500;
const DEFAULT_LIMIT = 50;

function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  fallback: T,
  name: string,
): T {
  if (value === undefined || value === '') return fallback;
  if (typeof value !== 'string' || !allowed.includes(value as T))
    throw invalid(`${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** Reads Alpaca's query parameters; 422 for a value Alpaca would refuse. */
export function parseOrdersQuery(query: Record<string, unknown>): OrdersQuery {
  const limitText = query['limit'];
  const limit = limitText === undefined || limitText === '' ? DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw invalid(`limit must be an integer from 1 to ${MAX_LIMIT}`);
  const symbols =
    typeof query['symbols'] === 'string' && query['symbols'] !== ''
      ? query['symbols'].split(',').map((s) => s.trim().toUpperCase())
      : null;
  return {
    status: oneOf(query['status'], ['open', 'closed', 'all'], 'open', 'status'),
    limit,
    after: queryTime(query['after'], 'after') ?? 0,
    until: queryTime(query['until'], 'until') ?? Number.MAX_SAFE_INTEGER,
    direction: oneOf(query['direction'], ['asc', 'desc'], 'desc', 'direction'),
    symbols,
    nested: query['nested'] === 'true',
  };
}

/** The rows of the account the query asks for; nested, legs come with their parent instead. */
export function orderRowsQuery(
  accountId: string,
  query: OrdersQuery,
): FindManyOptions<OrderEntity> {
  const statuses =
    query.status === 'open' ? OPEN_STATUSES : query.status === 'closed' ? CLOSED_STATUSES : null;
  const order = query.direction === 'asc' ? 'ASC' : 'DESC';
  return {
    where: {
      accountId,
      createdAt: Between(query.after + 1, query.until),
      ...(statuses && { status: In([...statuses]) }),
      ...(query.symbols && { symbol: In([...query.symbols]) }),
      ...(query.nested && { parentId: IsNull() }),
    },
    order: { createdAt: order, id: order },
    take: query.limit,
  };
}
