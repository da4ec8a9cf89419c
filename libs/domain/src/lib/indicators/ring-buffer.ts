/**
 * `index mod capacity` for an index below twice the capacity: a compare instead of an integer
 * division, which showed up in profiles of every bar's indicator updates.
 */
export function wrap(index: number, capacity: number): number {
  return index >= capacity ? index - capacity : index;
}

/**
 * Fixed-capacity FIFO of numbers; pushing into a full buffer evicts (and returns) the oldest value.
 */
export class RingBuffer {
  private readonly items: Float64Array;
  private start = 0;
  private count = 0;
  /**
   * The value the last push evicted, when it returned true. A field, not push's return value: a
   * double returned from a call that is not inlined is boxed, once per bar and indicator.
   */
  evicted = 0;

  constructor(readonly capacity: number) {
    this.items = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  isFull(): boolean {
    return this.count === this.capacity;
  }

  /** Maps every stored value in place. */
  map(scale: (value: number) => number): void {
    for (let i = 0; i < this.count; i++) {
      const slot = wrap(this.start + i, this.capacity);
      this.items[slot] = scale(this.items[slot]);
    }
  }

  /** True when the buffer was full and `evicted` holds the oldest value it dropped. */
  push(value: number): boolean {
    if (this.count < this.capacity) {
      this.items[wrap(this.start + this.count, this.capacity)] = value;
      this.count++;
      return false;
    }
    this.evicted = this.items[this.start];
    this.items[this.start] = value;
    this.start = wrap(this.start + 1, this.capacity);
    return true;
  }
}
