import type { AccountPerformance, BacktestPerformance } from '@ptp/contracts';
import {
  MISSING,
  formatDuration,
  formatFraction,
  formatMoney,
  formatNumber,
  pnlClass,
} from '../../core/format/format';
import type { KpiTile } from '../../shared/ui/kpi-tiles';

type Performance = AccountPerformance | BacktestPerformance;

export interface MonthCell {
  readonly month: string;
  readonly text: string;
  readonly tone: 'gain' | 'loss' | 'flat' | 'none';
}

export interface HeatRow {
  readonly year: string;
  readonly cells: readonly MonthCell[];
}

export interface SymbolRow {
  readonly symbol: string;
  readonly pnl: string;
  readonly tone: 'gain' | 'loss' | 'flat';
  readonly trades: number;
  readonly wins: number;
}

export interface PerformanceView {
  readonly stats: readonly KpiTile[];
  readonly daily: readonly { x: number; y: number }[];
  readonly strategy: readonly { x: number; y: number }[];
  readonly benchmark: readonly { x: number; y: number }[];
  readonly months: readonly HeatRow[];
  readonly symbols: readonly SymbolRow[];
}

export const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

const signedMoney = (value: number | null) => formatMoney(value, { signed: true });
const signedPct = (value: number | null) => formatFraction(value, { signed: true });

function statTiles(p: Performance): KpiTile[] {
  const t = p.trades;
  const tone = (value: number | null) => (value === null ? undefined : pnlClass(value));
  return [
    { id: 'trade-count', label: 'Trades', value: String(t.count) },
    { id: 'win-rate', label: 'Win rate', value: formatFraction(t.winRate) },
    { id: 'avg-win', label: 'Avg win', value: signedMoney(t.averageWin), tone: tone(t.averageWin) },
    {
      id: 'avg-loss',
      label: 'Avg loss',
      value: signedMoney(t.averageLoss),
      tone: tone(t.averageLoss),
    },
    {
      id: 'profit-factor',
      label: 'Profit factor',
      value: t.profitFactor === null ? (t.wins > 0 ? '∞' : MISSING) : formatNumber(t.profitFactor),
      hint: 'gross profit / gross loss',
    },
    {
      id: 'expectancy',
      label: 'Expectancy',
      value: signedMoney(t.expectancy),
      tone: tone(t.expectancy),
      hint: 'mean net P&L per round trip',
    },
    {
      id: 'avg-hold',
      label: 'Avg hold',
      value: t.averageHoldingMs === null ? MISSING : formatDuration(t.averageHoldingMs / 1000),
    },
    { id: 'best', label: 'Best trade', value: signedMoney(t.bestTrade), tone: tone(t.bestTrade) },
    {
      id: 'worst',
      label: 'Worst trade',
      value: signedMoney(t.worstTrade),
      tone: tone(t.worstTrade),
    },
    { id: 'losing-streak', label: 'Max losing streak', value: String(t.longestLosingStreak) },
  ];
}

function heatRows(p: Performance): HeatRow[] {
  const byMonth = new Map(p.monthlyReturns.map((m) => [m.month, m.return]));
  const years = [...new Set(p.monthlyReturns.map((m) => m.month.slice(0, 4)))].sort();
  return years.map((year) => ({
    year,
    cells: MONTH_NAMES.map((_, i) => {
      const month = `${year}-${String(i + 1).padStart(2, '0')}`;
      const value = byMonth.get(month);
      if (value === undefined || value === null) return { month, text: '', tone: 'none' };
      return { month, text: signedPct(value), tone: value === 0 ? 'flat' : pnlClass(value * 100) };
    }),
  }));
}

/** Times arrive as UTC ms (live) or as bar times `YYYY-MM-DD` / ISO-8601 (a backtest report). */
const toMs = (time: number | string): number =>
  typeof time === 'number' ? time : Date.parse(time.length === 10 ? `${time}T00:00:00Z` : time);

/** The API's breakdowns as the panel shows them: formatting and placing only, no statistics. */
export function performanceView(p: Performance): PerformanceView {
  const curve = p.cumulativeReturns.map((point) => ({ ...point, x: toMs(point.time) }));
  return {
    stats: statTiles(p),
    daily: p.dailyPnl.map((d) => ({ x: toMs(d.date), y: d.pnl })),
    strategy: curve.map((point) => ({ x: point.x, y: point.strategy * 100 })),
    benchmark: curve.flatMap((point) =>
      point.benchmark === null ? [] : [{ x: point.x, y: point.benchmark * 100 }],
    ),
    months: heatRows(p),
    symbols: p.symbolPnl.map((s) => ({
      symbol: s.symbol,
      pnl: signedMoney(s.pnl),
      tone: pnlClass(s.pnl),
      trades: s.trades,
      wins: s.wins,
    })),
  };
}
