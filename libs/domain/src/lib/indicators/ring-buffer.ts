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

  constructor(readonly capacity: number) {
    this.items = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  isFull(): boolean {
    return this.count === this.capacity;
  }

  /** Returns the evicted value, or undefined while the buffer was not yet full. */
  /** Maps every stored value in place. */
  map(scale: (value: number) => number): void {
    for (let i = 0; i < this.count; i++) {
      const slot = wrap(this.start + i, this.capacity);
      this.items[slot] = scale(this.items[slot]);
    }
  }

  push(value: number): number | undefined {
    if (this.count < this.capacity) {
      this.items[wrap(this.start + this.count, this.capacity)] = value;
      this.count++;
      return undefined;
    }
    const evicted = this.items[this.start];
    this.items[this.start] = value;
    this.start = wrap(this.start + 1, this.capacity);
    return evicted;
  }
}
