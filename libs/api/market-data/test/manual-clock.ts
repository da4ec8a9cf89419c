import { Clock } from '../src/lib/provider/clock';

/**
 * A clock that only moves when told to or when someone sleeps on it: backoff, Retry-After and the
 * request budget are then checked by the time they asked for, never by how long a test ran.
 */
export class ManualClock extends Clock {
  readonly sleeps: number[] = [];

  constructor(private t: number) {
    super();
  }

  now(): number {
    return this.t;
  }

  advance(ms: number): void {
    this.t += ms;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.t += ms;
  }
}
