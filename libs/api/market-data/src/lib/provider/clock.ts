/**
 * Wall time and waiting, injected so that budget, backoff and TTL logic can be tested by stepping a
 * clock rather than by sleeping.
 */
export abstract class Clock {
  abstract now(): number;
  abstract sleep(ms: number): Promise<void>;
}

export class SystemClock extends Clock {
  now(): number {
    return Date.now();
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms).unref());
  }
}
