import { toNum } from './parse';

/** Display formatting for a dense trading screen: fixed decimals, explicit signs on changes, "—" for missing. */

export const MISSING = '—';

type Numeric = number | string | null | undefined;

const toNumber = toNum;

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(minDigits: number, maxDigits: number, signed: boolean): Intl.NumberFormat {
  const key = `${minDigits}:${maxDigits}:${signed}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', {
      maximumFractionDigits: maxDigits,
      minimumFractionDigits: minDigits,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** $1,234.56; negative as -$1,234.56; `signed` adds + to gains. */
export function formatMoney(
  value: Numeric,
  options: { signed?: boolean; digits?: number } = {},
): string {
  const n = toNumber(value);
  if (n === null) return MISSING;
  const digits = options.digits ?? 2;
  const body = numberFormat(digits, digits, false).format(Math.abs(n));
  const rounded = Number(n.toFixed(digits));
  const sign = rounded < 0 ? '-' : options.signed && rounded > 0 ? '+' : '';
  return `${sign}$${body}`;
}

/** A ratio or percentage number already in percent units: 1.5 → "1.50%". */
export function formatPct(
  value: Numeric,
  options: { signed?: boolean; digits?: number } = {},
): string {
  const n = toNumber(value);
  if (n === null) return MISSING;
  const digits = options.digits ?? 2;
  return `${numberFormat(digits, digits, options.signed ?? false).format(n)}%`;
}

/** A fraction shown as percent: 0.0523 → "5.23%" (the trading core reports returns and rates as fractions). */
export function formatFraction(
  value: Numeric,
  options: { signed?: boolean; digits?: number } = {},
): string {
  const n = toNumber(value);
  return formatPct(n === null ? null : n * 100, options);
}

/** Share quantities keep up to 6 fractional digits (fractional shares from notional orders). */
export function formatQty(value: Numeric): string {
  const n = toNumber(value);
  return n === null ? MISSING : numberFormat(0, 6, false).format(n);
}

export function formatNumber(value: Numeric, digits = 2): string {
  const n = toNumber(value);
  return n === null ? MISSING : numberFormat(digits, digits, false).format(n);
}

/** 3725 s → "1h 02m 05s"; used for countdowns and uptime. */
export function formatDuration(totalSeconds: number | null | undefined): string {
  if (totalSeconds === null || totalSeconds === undefined || !Number.isFinite(totalSeconds))
    return MISSING;
  const s = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return `${days}d ${pad(hours)}h ${pad(minutes)}m`;
  if (hours > 0) return `${hours}h ${pad(minutes)}m ${pad(seconds)}s`;
  return `${minutes}m ${pad(seconds)}s`;
}

export function formatBytes(bytes: Numeric): string {
  const n = toNumber(bytes);
  if (n === null) return MISSING;
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${numberFormat(unit === 0 ? 0 : 1, unit === 0 ? 0 : 1, false).format(value)} ${units[unit]}`;
}

/** HH:MM:SS in the viewer's local time zone. */
export function formatClock(epochMs: number | null | undefined): string {
  if (epochMs === null || epochMs === undefined) return MISSING;
  return new Date(epochMs).toLocaleTimeString('en-GB', { hour12: false });
}

/** YYYY-MM-DD HH:MM:SS in UTC. */
export function formatTimestamp(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? MISSING : date.toISOString().slice(0, 19).replace('T', ' ');
}

/** CSS class for a signed value: gain, loss or flat; what shows as 0.00 (a fraction of a cent) is flat, not red. */
export function pnlClass(value: Numeric): 'gain' | 'loss' | 'flat' {
  const n = toNumber(value);
  if (n === null || Math.abs(n) < 0.005) return 'flat';
  return n > 0 ? 'gain' : 'loss';
}
