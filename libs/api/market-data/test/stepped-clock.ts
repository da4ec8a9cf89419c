import { Clock } from '../src/lib/provider/clock';

/** Lets every promise chain that can move on do so. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));

/**
 * A clock whose sleepers wake only when the test moves it, so several waits overlap as they do in
 * real time (a ManualClock moves on with each sleep, so concurrent waits add up instead).
 */
export class SteppedClock extends Clock {
  private sleepers: Array<{ at: number; wake: () => void }> = [];

  constructor(private t: number) {
    super();
  }

  now(): number {
    return this.t;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.sleepers.push({ at: this.t + ms, wake }));
  }

  async advance(ms: number): Promise<void> {
    this.t += ms;
    const due = this.sleepers.filter((s) => s.at <= this.t);
    this.sleepers = this.sleepers.filter((s) => s.at > this.t);
    for (const sleeper of due) sleeper.wake();
    await settle();
  }
}
