import { RecentResult } from './recent-result';

describe('RecentResult', () => {
  let clock = 0;
  let runs = 0;
  const run = () => Promise.resolve(++runs);
  beforeEach(() => {
    clock = 0;
    runs = 0;
  });

  it('reuses a run for maxAgeMs after it started, then runs again', async () => {
    const recent = new RecentResult<number>(1000, () => clock);
    expect(await recent.get(run)).toBe(1);
    clock = 999;
    expect(await recent.get(run)).toBe(1);
    clock = 1000;
    expect(await recent.get(run)).toBe(2);
  });

  it('shares a run still in flight', async () => {
    const recent = new RecentResult<number>(1000, () => clock);
    const [a, b] = [recent.get(run), recent.get(run)];
    expect(await Promise.all([a, b])).toEqual([1, 1]);
    expect(runs).toBe(1);
  });

  it('runs every time with maxAgeMs 0', async () => {
    const recent = new RecentResult<number>(0, () => clock);
    await recent.get(run);
    await recent.get(run);
    expect(runs).toBe(2);
  });

  it('never reuses a run that failed', async () => {
    const recent = new RecentResult<number>(1000, () => clock);
    await expect(recent.get(() => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await recent.get(run)).toBe(1);
  });
});
