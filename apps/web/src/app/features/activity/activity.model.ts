/** View rows of the Positions & activity screen; numbers already parsed from the API's decimal strings. */

export interface PositionRow {
  readonly symbol: string;
  readonly quantity: number;
  readonly avgCost: number;
  readonly last: number | null;
  readonly marketValue: number | null;
  readonly unrealized: number | null;
  readonly unrealizedPct: number | null;
  readonly weightPct: number | null;
}

export interface OpenOrderRow {
  readonly id: string;
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly type: string;
  /** "2.5 sh" or "$50.00". */
  readonly size: string;
  /** Limit / stop / trail, as text. */
  readonly trigger: string;
  readonly status: string;
  readonly createdAt: number | string;
}

export interface FillRow {
  readonly id: string;
  readonly time: number | string;
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly quantity: number;
  readonly price: number;
  readonly commission: number;
}

export interface WatchRow {
  readonly symbol: string;
  readonly last: number | null;
  readonly change: number | null;
  readonly changePct: number | null;
  readonly history: readonly number[];
  readonly stale: boolean;
}
