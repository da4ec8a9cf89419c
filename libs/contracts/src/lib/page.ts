/** One page of a list endpoint (`?limit=&offset=`); `total` counts every match, not just this page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}
