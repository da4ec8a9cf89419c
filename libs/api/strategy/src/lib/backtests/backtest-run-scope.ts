import type { BacktestRunEntity } from '@ptp/api/persistence';
import type { Principal } from '@ptp/api/shared';
import { type FindOptionsWhere, IsNull } from 'typeorm';

export type RunScope = FindOptionsWhere<BacktestRunEntity>;

/** A trader sees and deletes only the runs they started; viewers read and admins manage them all. */
export function runScopeOf(caller: Principal): RunScope {
  return caller.role === 'trader' ? { ownerUserId: caller.userId ?? IsNull() } : {};
}
