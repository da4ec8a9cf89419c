import { ManualClock } from '../../../test/manual-clock';
import { SteppedClock, settle } from '../../../test/stepped-clock';
import { ProviderError } from '../provider/provider-error';
import { MAX_WAITING_LOOKUPS, RequestBudget } from './request-budget';

describe('request budget lanes', () => {
  let clock: ManualClock;
  const START = Date.UTC(2025, 5, 4, 15, 0);

  beforeEach(() => {
    clock = new ManualClock(START);
  });

  /** Grants per sliding minute, from the times each request was let go. */
  const mostInAMinute = (times: readonly number[]) =>
    Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + 60_000).length));

  it('keeps 40 % of the free plan for the refresh: lookups get 3 of 5 a minute', async () => {
    const budget = new RequestBudget(5, clock);
    expect(budget.refreshReserve).toBe(2);
    const granted: number[] = [];
    for (let i = 0; i < 9; i++) {
      await budget.take('lookup');
      granted.push(clock.now());
    }
    expect(mostInAMinute(granted)).toBe(3);
    expect(granted.slice(0, 3)).toEqual([START, START, START]);
  });

  it('gives the refresh a slot at once however many lookups wait, and never more than the plan', async () => {
    const time = new SteppedClock(START);
    const budget = new RequestBudget(5, time);
    const grants: Array<[string, number]> = [];
    const lookups = Array.from({ length: 12 }, () =>
      budget.take('lookup').then(() => grants.push(['lookup', time.now()])),
    );
    await settle();
    expect(grants).toEqual([
      ['lookup', START],
      ['lookup', START],
      ['lookup', START],
    ]);
    await budget.take('refresh');
    await budget.take('refresh');
    expect(time.now()).toBe(START);
    for (let minute = 1; minute <= 4; minute++) await time.advance(60_000);
    await Promise.all(lookups);
    const lookupTimes = grants.map(([, at]) => at);
    expect(lookupTimes).toHaveLength(12);
    expect(mostInAMinute(lookupTimes)).toBe(3);
    expect(mostInAMinute([START, START, ...lookupTimes])).toBeLessThanOrEqual(5);
  });

  it('refuses lookups beyond the waiting bound at once, and serves the ones it queued', async () => {
    const budget = new RequestBudget(1, clock);
    expect(budget.refreshReserve).toBe(0);
    await budget.take('lookup');
    const queued = Array.from({ length: MAX_WAITING_LOOKUPS }, () => budget.take('lookup'));
    const refused = await budget.take('lookup').then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ProviderError);
    expect((refused as ProviderError).kind).toBe('rate_limited');
    await Promise.all(queued);
    expect(clock.now()).toBe(START + MAX_WAITING_LOOKUPS * 60_000);
  });

  it('lets spare-slot requests in only when nobody waits and the spare stays free', async () => {
    const budget = new RequestBudget(3, clock);
    expect(budget.tryTake(1)).toBe(true);
    expect(budget.tryTake(1)).toBe(true);
    expect(budget.tryTake(1)).toBe(false);
    expect(budget.tryTake()).toBe(true);
    clock.advance(60_000);
    expect(budget.tryTake()).toBe(true);
  });
});
