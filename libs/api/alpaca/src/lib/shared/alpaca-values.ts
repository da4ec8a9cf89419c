import { orderUuid } from '@ptp/api/persistence';

/** RFC 3339 in UTC with milliseconds, as Alpaca writes its timestamps. */
export const rfc3339 = (time: number): string => new Date(time).toISOString();

export const rfc3339OrNull = (time: number | null | undefined): string | null =>
  time === null || time === undefined ? null : rfc3339(time);

/** A stable UUID for a symbol's asset (`asset_id`). */
export const assetUuid = (symbol: string): string => orderUuid('asset', symbol);

/** A stable UUID for a paper account (`id` of GET /v2/account). */
export const accountUuid = (accountId: string): string => orderUuid('account', accountId);

/** Percent (5 = 5 %) to Alpaca's fraction (0.05), as decimal strings: the digits only move. */
export function percentToFraction(percent: string): string {
  const negative = percent.startsWith('-');
  const [whole, fraction = ''] = (negative ? percent.slice(1) : percent).split('.');
  const digits = whole.padStart(3, '0') + fraction;
  const point = digits.length - fraction.length - 2;
  const text = `${digits.slice(0, point)}.${digits.slice(point)}`
    .replace(/^0+(?=\d)/, '')
    .replace(/\.?0+$/, '');
  const result = text === '' ? '0' : text;
  return negative && result !== '0' ? `-${result}` : result;
}
