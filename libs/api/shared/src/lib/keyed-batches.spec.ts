import { KeyedBatches, type InTurn } from './keyed-batches';

/** A queue per key whose turns start only when the test lets them, recording what each turn handled. */
class GatedTurns {
  readonly handled: string[][] = [];
  private gates: (() => void)[] = [];
  private tails = new Map<string, Promise<unknown>>();

  readonly inTurn: InTurn<string> = (key, task) => {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const gate = new Promise<void>((resolve) => this.gates.push(resolve));
    const run = previous.then(() => gate).then(() => task(`turn-of-${key}`));
    this.tails.set(
      key,
      run.catch(() => undefined),
    );
    return run;
  };

  /** Lets every turn queued so far start, and waits until they are done. */
  async release(): Promise<void> {
    const gates = this.gates;
    this.gates = [];
    for (const open of gates) open();
    await Promise.all([...this.tails.values()]);
  }
}

describe('KeyedBatches', () => {
  it('handles the items that arrived while a batch waited for its turn together, in arrival order', async () => {
    const turns = new GatedTurns();
    const batches = new KeyedBatches<string, string, string>(
      turns.inTurn,
      async (ctx, _, items) => {
        turns.handled.push([...items]);
        return items.map((item) => `${ctx}:${item}`);
      },
    );
    const answers = Promise.all(['a', 'b', 'c'].map((item) => batches.add('k', item)));
    await turns.release();
    expect(await answers).toEqual(['turn-of-k:a', 'turn-of-k:b', 'turn-of-k:c']);
    expect(turns.handled).toEqual([['a', 'b', 'c']]);
  });

  it('opens the next batch once a batch’s turn has come, and keeps keys apart', async () => {
    const turns = new GatedTurns();
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    let finishFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (finishFirst = resolve));
    const batches = new KeyedBatches<string, string, string>(
      turns.inTurn,
      async (_, key, items) => {
        turns.handled.push([key, ...items]);
        if (items[0] === 'a') {
          firstStarted();
          await firstHeld;
        }
        return [...items];
      },
    );
    const a = batches.add('k', 'a');
    const other = batches.add('other', 'x');
    const releasing = turns.release();
    await started;
    const later = [batches.add('k', 'b'), batches.add('k', 'c')];
    finishFirst();
    await releasing;
    await turns.release();
    expect(await Promise.all([a, other, ...later])).toEqual(['a', 'x', 'b', 'c']);
    expect(turns.handled).toEqual([
      ['k', 'a'],
      ['other', 'x'],
      ['k', 'b', 'c'],
    ]);
  });

  it('fails every item of a batch whose handler throws, and the next batch works', async () => {
    const turns = new GatedTurns();
    const batches = new KeyedBatches<string, string, string>(turns.inTurn, async (_, __, items) => {
      if (items.includes('bad')) throw new Error('write failed');
      return [...items];
    });
    const failed = ['ok', 'bad'].map((item) =>
      batches.add('k', item).catch((e: Error) => e.message),
    );
    await turns.release();
    expect(await Promise.all(failed)).toEqual(['write failed', 'write failed']);
    const next = batches.add('k', 'fine');
    await turns.release();
    expect(await next).toBe('fine');
  });

  it('fails a batch whose turn fails before it runs (the desk could not load), and opens a new one', async () => {
    let refuse = true;
    const inTurn: InTurn<string> = async (_, task) => {
      if (refuse) throw new Error('no desk');
      return task('desk');
    };
    const batches = new KeyedBatches<string, string, string>(inTurn, async (_, __, items) => [
      ...items,
    ]);
    await expect(batches.add('k', 'a')).rejects.toThrow('no desk');
    refuse = false;
    await expect(batches.add('k', 'b')).resolves.toBe('b');
  });
});
