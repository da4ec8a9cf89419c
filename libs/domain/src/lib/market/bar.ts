/** One OHLCV bar. `time` is the bar's start in UTC epoch milliseconds. */
export interface Bar {
  readonly symbol: string;
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** A last-trade print; `time` in UTC epoch milliseconds. */
export interface TradeTick {
  readonly symbol: string;
  readonly time: number;
  readonly price: number;
  readonly size: number;
}

/** A top-of-book quote; `time` in UTC epoch milliseconds. */
export interface QuoteTick {
  readonly symbol: string;
  readonly time: number;
  readonly bid: number;
  readonly ask: number;
  readonly bidSize: number;
  readonly askSize: number;
}
