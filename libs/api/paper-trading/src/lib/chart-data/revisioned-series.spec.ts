import fc from 'fast-check';
import { RevisionClock } from './revision-clock';
import { RevisionedSeries } from './revisioned-series';

describe('RevisionedSeries', () => {
  it('returns exactly the points recorded after a revision, within its capacity', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 20 }),
        fc.nat(60),
        (gaps, capacity, cut) => {
          let now = 1000;
          const clock = new RevisionClock(() => now);
          const series = new RevisionedSeries<number>(capacity);
          const recorded: { value: number; revision: number }[] = [];
          gaps.forEach((gap, value) => {
            now += gap;
            const revision = clock.next();
            series.push(value, revision);
            recorded.push({ value, revision });
          });
          const kept = recorded.slice(Math.max(0, recorded.length - capacity));
          const since = recorded[Math.min(cut, recorded.length - 1)]?.revision;
          expect(series.since(undefined)).toEqual(kept.map((r) => r.value));
          expect(series.since(since)).toEqual(
            kept.filter((r) => since === undefined || r.revision > since).map((r) => r.value),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stamps strictly increasing revisions even when the clock stands still or goes back', () => {
    let now = 5000;
    const clock = new RevisionClock(() => now);
    const first = clock.next();
    now = 4000;
    const second = clock.next();
    expect(first).toBe(5000);
    expect(second).toBe(5001);
    expect(clock.current()).toBe(5001);
  });
});
