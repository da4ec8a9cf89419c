/** How many orders, fills and decisions the engine has numbered (snapshotted). */
export interface EngineCounters {
  readonly order: number;
  readonly fill: number;
  readonly decision: number;
  /** Corporate-action activities; absent until the first one (older snapshots have none). */
  readonly activity?: number;
}

/** Numbers the engine's orders, fills and decisions: same inputs, same ids. */
export class EngineIds {
  private order: number;
  private fill: number;
  private decision: number;
  private activity: number;

  constructor(
    private readonly prefix: string,
    counters: EngineCounters = { order: 0, fill: 0, decision: 0 },
  ) {
    this.order = counters.order;
    this.fill = counters.fill;
    this.decision = counters.decision;
    this.activity = counters.activity ?? 0;
  }

  nextOrder(): string {
    return `${this.prefix}O${++this.order}`;
  }

  /** The id of the next fill; a fill the ledger refuses does not use it up (see fillBooked). */
  nextFill(): string {
    return `${this.prefix}F${this.fill + 1}`;
  }

  fillBooked(): void {
    this.fill++;
  }

  get fills(): number {
    return this.fill;
  }

  nextDecision(): string {
    return `${this.prefix}D${++this.decision}`;
  }

  nextActivity(): string {
    return `${this.prefix}A${++this.activity}`;
  }

  counters(): EngineCounters {
    const { order, fill, decision, activity } = this;
    return activity === 0 ? { order, fill, decision } : { order, fill, decision, activity };
  }
}
