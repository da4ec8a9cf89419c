import type { TradingSessionEntity } from '@ptp/api/persistence';
import { BarInbox } from '../desk/bar-inbox';
import type { TickSession } from '../desk/tick-session';

/** A running session as the tick loop needs it (parsed from its trading_sessions row). */
export interface SessionSpec extends TickSession {
  readonly signalIntervalSec: number;
  readonly startedAt: number;
}

export function sessionFromRow(row: TradingSessionEntity): SessionSpec {
  return {
    id: row.id,
    accountId: row.accountId,
    strategy: row.strategy,
    params: JSON.parse(row.params) as Record<string, number>,
    symbols: JSON.parse(row.symbols) as string[],
    signalIntervalSec: row.signalIntervalSec,
    startedAt: row.startedAt,
    cursor: JSON.parse(row.cursor) as Record<string, number>,
    lastTickAt: row.lastTickAt,
    inbox: new BarInbox(),
  };
}
