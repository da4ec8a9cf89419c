import { parseArgs } from 'node:util';
import {
  getStrategyDefinition,
  isOnQuantityStep,
  STRATEGY_DEFINITIONS,
  type LimitFillRule,
  type SizingConfig,
} from '@ptp/domain';

export const USAGE = `Usage: npm run backtest -- --data FILE --symbol SYM --strategy NAME [--param key=value]...
         --capital N (--quantity Q | --sizing auto|notional=N) --commission-pct X --slippage-bps Y
         [--no-risk] [--from YYYY-MM-DD --to YYYY-MM-DD] [--adjusted] [--corporate-actions FILE]
         [--max-volume-pct P] [--limit-fill-rule touch|through] --out report.json

  --data FILE          Yahoo daily CSV (Date,Open,High,Low,Close,Adj Close,Volume) or Polygon aggregates JSON (.json)
  --symbol SYM         symbol of the bars (overrides the ticker of a Polygon file)
  --strategy NAME      ma-crossover | rsi-mean-reversion | momentum-breakout | mixed
  --param key=value    strategy parameter, repeatable (e.g. --param fast=10 --param slow=30); kebab- or
                       snake-case keys and "entry"/"exit" for entryPeriod/exitPeriod are accepted
  --capital N          starting cash in dollars
  --quantity Q         buy Q shares on every entry, at most 6 decimals (exits sell the whole position)
  --sizing MODE        auto (min(maxPositionPct × equity, cash)) or notional=N (N dollars per entry)
  --commission-pct X   commission in percent of notional per fill (0.1 = 0.1 %)
  --slippage-bps Y     adverse slippage in basis points
  --no-risk            every risk rule off except enough cash
  --from, --to         inclusive date range of the bars to trade
  --adjusted           use Adj Close-scaled prices from a Yahoo CSV (default: raw OHLC)
  --corporate-actions FILE
                       splits and dividends of raw bars: JSON {"splits": […], "dividends": […]}
                       with Polygon's fields (docs/data-formats.md)
  --max-volume-pct P   an order fills at most P % of each bar's volume, the rest on later bars
                       (default: whole fills)
  --limit-fill-rule R  touch (default: a limit fills when the bar reaches it) or through (only
                       when the bar trades beyond it)
  --out FILE           where to write report.json

Strategy parameters (--param key=value; defaults shown):
${STRATEGY_DEFINITIONS.map((d) => `  ${d.name.padEnd(20)} ${d.params.map((p) => `${p.key}=${p.default}`).join(' ')}`).join('\n')}`;

export interface BacktestCliOptions {
  readonly data: string;
  readonly symbol: string;
  readonly strategy: string;
  readonly params: Readonly<Record<string, number>>;
  readonly capital: number;
  readonly sizing: SizingConfig;
  readonly commissionPct: number;
  readonly slippageBps: number;
  readonly noRisk: boolean;
  readonly from?: string;
  readonly to?: string;
  readonly adjusted: boolean;
  readonly corporateActions?: string;
  readonly maxVolumePct: number | null;
  readonly limitFillRule: LimitFillRule;
  readonly out: string;
}

/** A bad command line: the message says what to fix; the CLI prints it with the usage and exits 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function number(
  name: string,
  raw: string | undefined,
  check: (v: number) => boolean,
  what: string,
): number {
  if (raw === undefined) throw new CliUsageError(`--${name} is required`);
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || !check(value))
    throw new CliUsageError(`--${name} must be ${what}, got "${raw}"`);
  return value;
}

function sizingOf(quantity: string | undefined, sizing: string | undefined): SizingConfig {
  if (quantity !== undefined && sizing !== undefined)
    throw new CliUsageError('give either --quantity or --sizing, not both');
  if (quantity !== undefined)
    return {
      mode: 'quantity',
      quantity: number(
        'quantity',
        quantity,
        (v) => v > 0 && isOnQuantityStep(v),
        'a positive number of shares with at most 6 decimals',
      ),
    };
  if (sizing === undefined)
    throw new CliUsageError('one of --quantity Q and --sizing auto|notional=N is required');
  if (sizing === 'auto') return { mode: 'auto' };
  const notional = /^notional=(.+)$/.exec(sizing);
  if (!notional) throw new CliUsageError(`--sizing must be auto or notional=N, got "${sizing}"`);
  return {
    mode: 'notional',
    notional: number('sizing notional', notional[1], (v) => v > 0, 'a positive dollar amount'),
  };
}

const camelCase = (key: string) =>
  key.replace(/[-_]+([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * The strategy's own key for `key`: as written, in camelCase (entry-period, entry_period), or with
 * `Period` added — the issue's table names the breakout lookbacks "entry" and "exit". Unknown keys stay
 * as written, for the strategy's validation to report.
 */
function paramKey(strategy: string, key: string): string {
  const keys = new Set(getStrategyDefinition(strategy)?.params.map((p) => p.key) ?? []);
  const candidates = [key, camelCase(key), `${camelCase(key)}Period`];
  return candidates.find((k) => keys.has(k)) ?? key;
}

function paramsOf(strategy: string, pairs: readonly string[]): Record<string, number> {
  const params: Record<string, number> = {};
  for (const pair of pairs) {
    const match = /^([A-Za-z][\w-]*)=(.+)$/.exec(pair);
    if (!match) throw new CliUsageError(`--param must look like key=value, got "${pair}"`);
    const key = paramKey(strategy, match[1]);
    if (key in params) throw new CliUsageError(`--param ${match[1]} sets ${key} a second time`);
    params[key] = number(`param ${match[1]}`, match[2], () => true, 'a number');
  }
  return params;
}

function dateOf(name: 'from' | 'to', raw: string | undefined): string | undefined {
  if (raw !== undefined && !DATE.test(raw))
    throw new CliUsageError(`--${name} must be a YYYY-MM-DD date, got "${raw}"`);
  return raw;
}

function required(name: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new CliUsageError(`--${name} is required`);
  return value;
}

function limitRuleOf(raw: string | undefined): LimitFillRule {
  if (raw === undefined) return 'touch';
  if (raw === 'touch' || raw === 'through') return raw;
  throw new CliUsageError(`--limit-fill-rule must be touch or through, got "${raw}"`);
}

/** Parses the backtest command line (without `node script`); throws CliUsageError on anything wrong. */
export function parseBacktestArgs(argv: readonly string[]): BacktestCliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        data: { type: 'string' },
        symbol: { type: 'string' },
        strategy: { type: 'string' },
        param: { type: 'string', multiple: true },
        capital: { type: 'string' },
        quantity: { type: 'string' },
        sizing: { type: 'string' },
        'commission-pct': { type: 'string' },
        'slippage-bps': { type: 'string' },
        'no-risk': { type: 'boolean' },
        from: { type: 'string' },
        to: { type: 'string' },
        adjusted: { type: 'boolean' },
        'corporate-actions': { type: 'string' },
        'max-volume-pct': { type: 'string' },
        'limit-fill-rule': { type: 'string' },
        out: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const from = dateOf('from', values.from);
  const to = dateOf('to', values.to);
  if (from !== undefined && to !== undefined && from > to)
    throw new CliUsageError(`--from ${from} is after --to ${to}`);
  const data = required('data', values.data);
  const symbol = required('symbol', values.symbol);
  const strategy = required('strategy', values.strategy);
  return {
    data,
    symbol,
    strategy,
    params: paramsOf(strategy, values.param ?? []),
    capital: number('capital', values.capital, (v) => v > 0, 'a positive dollar amount'),
    sizing: sizingOf(values.quantity, values.sizing),
    commissionPct: number(
      'commission-pct',
      values['commission-pct'],
      (v) => v >= 0,
      'a non-negative percent',
    ),
    slippageBps: number(
      'slippage-bps',
      values['slippage-bps'],
      (v) => v >= 0,
      'a non-negative number of basis points',
    ),
    noRisk: values['no-risk'] ?? false,
    from,
    to,
    adjusted: values.adjusted ?? false,
    corporateActions: values['corporate-actions'],
    maxVolumePct:
      values['max-volume-pct'] === undefined
        ? null
        : number(
            'max-volume-pct',
            values['max-volume-pct'],
            (v) => v > 0 && v <= 100,
            'a percent in (0, 100]',
          ),
    limitFillRule: limitRuleOf(values['limit-fill-rule']),
    out: required('out', values.out),
  };
}
