/** A bounded, append-only series of points stamped with increasing revisions. */
export class RevisionedSeries<T> {
  private readonly revisions: number[] = [];
  private readonly points: T[] = [];

  constructor(private readonly capacity: number) {}

  push(point: T, revision: number): void {
    this.revisions.push(revision);
    this.points.push(point);
    if (this.points.length > this.capacity) {
      const excess = this.points.length - this.capacity;
      this.revisions.splice(0, excess);
      this.points.splice(0, excess);
    }
  }

  last(): T | undefined {
    return this.points[this.points.length - 1];
  }

  /** Points recorded after `revision` (all when it is undefined). */
  since(revision: number | undefined): T[] {
    if (revision === undefined) return [...this.points];
    let low = 0;
    let high = this.revisions.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.revisions[mid] <= revision) low = mid + 1;
      else high = mid;
    }
    return this.points.slice(low);
  }

  get size(): number {
    return this.points.length;
  }
}
