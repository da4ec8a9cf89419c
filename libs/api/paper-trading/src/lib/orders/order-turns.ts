import type { OrderEntity } from '@ptp/api/persistence';
import type { SubmitResult } from '@ptp/domain';
import type { ClientOrderTag, QueuedOrder } from '../desk/ledger-batch';

/** What an account's turn made of one queued order. */
export type OrderTurn =
  | { readonly kind: 'placed'; readonly result: SubmitResult }
  /** Its client order id was known already: the order placed under it. */
  | { readonly kind: 'known'; readonly row: OrderEntity; readonly tag: ClientOrderTag }
  /** Its group's commit failed (or an earlier group's did, and it was not tried). */
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * Consecutive groups of the orders in which no client order id repeats: a repeat is placed after the
 * group holding its first use has committed, so it finds that order as a later retry would.
 */
export function groupsWithoutRepeats(orders: readonly QueuedOrder[]): QueuedOrder[][] {
  const groups: QueuedOrder[][] = [];
  let ids = new Set<string>();
  for (const order of orders) {
    const id = order.tag?.clientOrderId;
    if (groups.length === 0 || (id !== undefined && ids.has(id))) {
      groups.push([]);
      ids = new Set();
    }
    if (id !== undefined) ids.add(id);
    groups[groups.length - 1].push(order);
  }
  return groups;
}

/**
 * Runs the groups in order, each committed on its own. Once one fails the desk is discarded, so the
 * later groups are not tried and fail with the same error; the earlier ones stay committed.
 */
export async function placeGroups(
  groups: readonly QueuedOrder[][],
  place: (group: readonly QueuedOrder[]) => Promise<OrderTurn[]>,
): Promise<OrderTurn[]> {
  const turns: OrderTurn[] = [];
  let failed: OrderTurn | null = null;
  for (const group of groups) {
    if (!failed) {
      try {
        turns.push(...(await place(group)));
        continue;
      } catch (error) {
        failed = { kind: 'failed', error };
      }
    }
    for (let i = 0; i < group.length; i++) turns.push(failed);
  }
  return turns;
}
