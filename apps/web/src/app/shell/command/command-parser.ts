/** What a line typed into the command line asks for; nothing here sends an order or starts anything. */
export type TerminalCommand =
  | { readonly kind: 'chart'; readonly symbol: string }
  | {
      readonly kind: 'order';
      readonly side: 'buy' | 'sell';
      readonly symbol: string;
      /** Shares, or dollars when `notional`. */
      readonly amount: number;
      readonly notional: boolean;
    }
  | { readonly kind: 'start'; readonly strategy: string }
  | { readonly kind: 'stop' }
  | {
      readonly kind: 'backtest';
      readonly symbol: string;
      readonly from: string;
      readonly to: string;
    };

export type ParseResult =
  | { readonly ok: true; readonly command: TerminalCommand }
  | { readonly ok: false; readonly error: string };

const TICKER = /^[A-Z][A-Z0-9.]{0,9}$/;
const STRATEGY = /^[a-z][a-z0-9-]{0,39}$/;
const AMOUNT = /^(\$)?(\d+(?:\.\d+)?)$/;
const HELP =
  'try AAPL · BUY AAPL 10 · SELL MSFT $25 · START mixed · STOP · BT NVDA 2024-01-01 2024-06-30';

const fail = (error: string): ParseResult => ({ ok: false, error });
const ok = (command: TerminalCommand): ParseResult => ({ ok: true, command });

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function order(side: 'buy' | 'sell', args: readonly string[]): ParseResult {
  const usage = `${side.toUpperCase()} needs a symbol and a size: ${side.toUpperCase()} AAPL 10 or $25`;
  if (args.length !== 2) return fail(usage);
  const symbol = args[0].toUpperCase();
  if (!TICKER.test(symbol)) return fail(`"${args[0]}" is not a ticker`);
  const match = AMOUNT.exec(args[1]);
  const amount = match ? Number(match[2]) : NaN;
  if (!match || !(amount > 0))
    return fail(`"${args[1]}" is not a positive size (10 shares or $25)`);
  return ok({ kind: 'order', side, symbol, amount, notional: match[1] === '$' });
}

function backtest(args: readonly string[]): ParseResult {
  if (args.length !== 3)
    return fail('BT needs a symbol and two dates: BT NVDA 2024-01-01 2024-06-30');
  const symbol = args[0].toUpperCase();
  if (!TICKER.test(symbol)) return fail(`"${args[0]}" is not a ticker`);
  const [from, to] = args.slice(1);
  for (const date of [from, to])
    if (!isDate(date)) return fail(`"${date}" is not a YYYY-MM-DD date`);
  if (from > to) return fail(`the start ${from} is after the end ${to}`);
  return ok({ kind: 'backtest', symbol, from, to });
}

/** Parses one command line; verbs and tickers are case-insensitive, strategy names are lower-cased. */
export function parseCommand(line: string): ParseResult {
  const words = line
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return fail(HELP);
  const [verb, ...args] = words;
  switch (verb.toUpperCase()) {
    case 'BUY':
      return order('buy', args);
    case 'SELL':
      return order('sell', args);
    case 'START': {
      const name = args[0]?.toLowerCase() ?? '';
      if (args.length !== 1 || !STRATEGY.test(name))
        return fail('START needs a strategy: START mixed');
      return ok({ kind: 'start', strategy: name });
    }
    case 'STOP':
      return args.length === 0 ? ok({ kind: 'stop' }) : fail('STOP takes nothing after it');
    case 'BT':
      return backtest(args);
    default: {
      const symbol = verb.toUpperCase();
      if (args.length === 0 && TICKER.test(symbol)) return ok({ kind: 'chart', symbol });
      return fail(`unknown command "${verb}": ${HELP}`);
    }
  }
}
