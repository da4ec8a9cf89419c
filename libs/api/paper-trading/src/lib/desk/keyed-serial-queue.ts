/**
 * Runs tasks one at a time per key, in arrival order. Everything that changes an account (ticks,
 * manual orders, price updates, resets) goes through it, so a tick never overlaps the previous one
 * and no two writers race on the same ledger.
 */
export class KeyedSerialQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Whether a task for this key is queued or running. */
  busy(key: string): boolean {
    return this.tails.has(key);
  }
}
