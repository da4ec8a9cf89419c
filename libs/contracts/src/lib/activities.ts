import type { CorporateActivity, DividendActivity, SplitActivity } from '@ptp/domain';
import type { Page } from './page';
import type { Trade } from './trades';
import { everyMember, type WireStrings } from './wire';

/** What the ledger books: fills, and the corporate actions of CorporateActivity. */
export type ActivityType = 'fill' | CorporateActivity['type'];

/** Every value of `?type=` on GET /api/activities. */
export const ACTIVITY_TYPES = everyMember<ActivityType>()(['fill', 'split', 'dividend']);

/** A fill (a row of paper_trades), as GET /api/trades gives it. */
export interface FillActivityItem extends Trade {
  readonly type: 'fill';
}

/**
 * A split the account's position went through: `quantityBefore` shares became `quantityAfter`
 * (every `splitFrom` became `splitTo`). Ratios and quantities are decimal strings; `time` ISO-8601 UTC.
 */
export interface SplitActivityItem extends WireStrings<
  SplitActivity,
  'time' | 'splitFrom' | 'splitTo'
> {
  readonly accountId: string;
}

/**
 * A cash dividend, booked twice: `accrued` on the ex-date (a receivable in equity), `paid` into cash
 * on the pay date. `amount` is quantity × cashAmount, exact.
 */
export interface DividendActivityItem extends WireStrings<DividendActivity, 'time' | 'cashAmount'> {
  readonly accountId: string;
}

export type ActivityItem = FillActivityItem | SplitActivityItem | DividendActivityItem;

/** GET /api/activities?type=fill,split,dividend&symbol=&from=&to=&limit=&offset= — newest first. */
export type ActivitiesPage = Page<ActivityItem>;
