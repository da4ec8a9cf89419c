/**
 * Strictly increasing revisions close to the server's epoch ms. Every point kept for /api/chart-data
 * is stamped with the revision at which it was recorded, so `since=<asOf>` returns exactly what was
 * recorded after that answer, even when several points land in the same millisecond.
 */
export class RevisionClock {
  private last = 0;

  constructor(private readonly now: () => number = Date.now) {}

  next(): number {
    this.last = Math.max(this.now(), this.last + 1);
    return this.last;
  }

  current(): number {
    return this.last;
  }
}
