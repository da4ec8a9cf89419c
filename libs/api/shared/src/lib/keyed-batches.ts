/** Runs a task in a key's turn (an account's queue), with what that turn provides (its desk). */
export type InTurn<C> = <T>(key: string, task: (context: C) => Promise<T>) => Promise<T>;

/** Handles one batch: an outcome per item, in order, or a throw that fails every item. */
export type BatchHandler<C, I, O> = (context: C, key: string, items: readonly I[]) => Promise<O[]>;

interface Waiting<I, O> {
  readonly item: I;
  readonly resolve: (outcome: O) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for a key's queue. An item that arrives while the key's batch waits for its turn
 * joins that batch; once the batch's turn comes it is closed, and the next item opens the next
 * batch behind it. So under load every turn handles what arrived during the previous one (one
 * transaction for many orders), and alone an item is handled at once, as a batch of one.
 */
export class KeyedBatches<C, I, O> {
  private readonly open = new Map<string, Waiting<I, O>[]>();

  constructor(
    private readonly inTurn: InTurn<C>,
    private readonly handle: BatchHandler<C, I, O>,
  ) {}

  add(key: string, item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      const waiting = { item, resolve, reject };
      const batch = this.open.get(key);
      if (batch) {
        batch.push(waiting);
        return;
      }
      const fresh = [waiting];
      this.open.set(key, fresh);
      const close = () => {
        if (this.open.get(key) === fresh) this.open.delete(key);
      };
      this.inTurn(key, (context) => {
        close();
        return this.handle(
          context,
          key,
          fresh.map((w) => w.item),
        );
      }).then(
        (outcomes) => fresh.forEach((w, i) => w.resolve(outcomes[i])),
        (error: unknown) => {
          // The turn may fail before the task runs (the desk could not be loaded).
          close();
          for (const w of fresh) w.reject(error);
        },
      );
    });
  }
}
