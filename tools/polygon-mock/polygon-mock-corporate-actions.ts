import type { CorporateActions } from '@ptp/domain';
import type { MockReply } from './polygon-mock-aggregates';

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 1000;
const RANGE_FORMS = ['gte', 'gt', 'lte', 'lt'] as const;

type Item = Readonly<Record<string, unknown>>;

interface ReferenceRoute {
  readonly items: () => readonly Item[];
  /** Fields filtered by equality and by the `.gte/.gt/.lte/.lt` range forms. */
  readonly ranged: readonly string[];
  /** Fields filtered by equality only. */
  readonly equal: readonly string[];
  readonly defaultSort: string;
}

function compare(value: unknown, form: string, bound: string): boolean {
  const text = String(value);
  const [a, b]: [string | number, string | number] =
    typeof value === 'number' ? [value, Number(bound)] : [text, bound];
  if (form === 'gte') return a >= b;
  if (form === 'gt') return a > b;
  if (form === 'lte') return a <= b;
  if (form === 'lt') return a < b;
  return text === bound;
}

function matches(item: Item, query: URLSearchParams, route: ReferenceRoute): boolean {
  for (const field of [...route.ranged, ...route.equal]) {
    const forms = route.ranged.includes(field) ? ['', ...RANGE_FORMS] : [''];
    for (const form of forms) {
      const bound = query.get(form ? `${field}.${form}` : field);
      if (bound !== null && !compare(item[field], form || 'eq', bound)) return false;
    }
  }
  const reverse = query.get('reverse_split');
  if (reverse !== null && 'split_from' in item) {
    const isReverse = Number(item['split_from']) > Number(item['split_to']);
    if (String(isReverse) !== reverse) return false;
  }
  return true;
}

/**
 * `/v3/reference/splits` and `/v3/reference/dividends` over the actions a test (or the CLI's
 * `--corporate-actions FILE`) gives the mock: Polygon's filters, `sort`/`order`/`limit` (10 by
 * default, at most 1000), and `next_url` with an opaque `cursor` that carries the query and offset.
 */
export class MockCorporateActions {
  actions: CorporateActions = { splits: [], dividends: [] };

  constructor(
    private readonly baseUrl: () => string,
    private readonly nextId: () => string,
    /** Largest page whatever `limit` asks (tests lower it to exercise paging). */
    private readonly maxPageSize = MAX_LIMIT,
  ) {}

  splits(url: URL): MockReply {
    return this.page(url, {
      items: () => this.actions.splits.map((s) => ({ id: idOf(s), ...s })),
      ranged: ['ticker', 'execution_date'],
      equal: [],
      defaultSort: 'execution_date',
    });
  }

  dividends(url: URL): MockReply {
    return this.page(url, {
      items: () => this.actions.dividends.map((d) => ({ id: idOf(d), currency: 'USD', ...d })),
      ranged: ['ticker', 'ex_dividend_date', 'record_date', 'declaration_date', 'pay_date'],
      equal: ['cash_amount', 'dividend_type', 'frequency'],
      defaultSort: 'ex_dividend_date',
    });
  }

  private page(url: URL, route: ReferenceRoute): MockReply {
    const cursor = url.searchParams.get('cursor');
    const query = cursor
      ? new URLSearchParams(Buffer.from(cursor, 'base64url').toString())
      : url.searchParams;
    const offset = Number(query.get('offset') ?? 0);
    const asked = Math.max(1, Number(query.get('limit')) || DEFAULT_LIMIT);
    const limit = Math.min(MAX_LIMIT, this.maxPageSize, asked);
    const sort = query.get('sort') ?? route.defaultSort;
    const sign = query.get('order') === 'desc' ? -1 : 1;
    const all = route
      .items()
      .filter((item) => matches(item, query, route))
      .sort((a, b) => sign * String(a[sort]).localeCompare(String(b[sort])));
    const results = all.slice(offset, offset + limit);
    const body: Record<string, unknown> = { status: 'OK', request_id: this.nextId(), results };
    if (offset + limit < all.length) {
      const rest = new URLSearchParams(query);
      rest.delete('apiKey');
      rest.set('offset', String(offset + limit));
      rest.set('limit', String(limit));
      const next = Buffer.from(rest.toString()).toString('base64url');
      body['next_url'] = `${this.baseUrl()}${url.pathname}?cursor=${next}`;
    }
    return { status: 200, body };
  }
}

function idOf(action: object): string {
  return `E${Buffer.from(JSON.stringify(action)).toString('hex').slice(0, 40)}`;
}
