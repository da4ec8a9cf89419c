import { TRADES_CSV_COLUMNS, type Trade } from '@ptp/contracts';

/** RFC 4180 quoting; none of today's values need it, but ids and symbols are not ours to trust. */
function cell(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The trades as CSV with a header row; numbers keep their exact decimal text. */
export function tradesToCsv(trades: readonly Trade[]): string {
  const rows = trades.map((t) =>
    [
      t.id,
      t.time,
      t.symbol,
      t.side,
      t.quantity,
      t.price,
      t.commission,
      t.realizedPnl,
      t.orderId,
      t.sessionId,
    ]
      .map(cell)
      .join(','),
  );
  return [TRADES_CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
