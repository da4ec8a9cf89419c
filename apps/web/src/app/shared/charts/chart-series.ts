/** One point of a time series: x in UTC ms. */
export interface TimePoint {
  readonly x: number;
  readonly y: number;
}

export interface LineSeries {
  readonly label: string;
  readonly color: string;
  readonly points: readonly TimePoint[];
  readonly dashed?: boolean;
  /** Fill the area between the line and zero (drawdown). */
  readonly fill?: boolean;
}

/** Buy/sell fill markers drawn over a price chart. */
export interface MarkerSeries {
  readonly label: string;
  readonly color: string;
  readonly points: readonly TimePoint[];
  readonly shape: 'triangle-up' | 'triangle-down';
}
