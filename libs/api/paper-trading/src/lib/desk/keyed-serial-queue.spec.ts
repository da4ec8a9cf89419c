import { KeyedSerialQueue } from './keyed-serial-queue';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('KeyedSerialQueue', () => {
  it('never runs two tasks of the same key at once and keeps their order', async () => {
    const queue = new KeyedSerialQueue();
    const log: string[] = [];
    let running = 0;
    const task = (name: string) => async () => {
      running += 1;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      running -= 1;
      return name;
    };
    const results = await Promise.all([
      queue.run('a', task('1')),
      queue.run('a', task('2')),
      queue.run('a', task('3')),
    ]);
    expect(results).toEqual(['1', '2', '3']);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(queue.busy('a')).toBe(false);
  });

  it('keeps going after a failed task and lets other keys run side by side', async () => {
    const queue = new KeyedSerialQueue();
    const failing = queue.run('a', async () => {
      throw new Error('boom');
    });
    const next = queue.run('a', async () => 'after');
    let otherRan = false;
    const other = queue.run('b', async () => {
      otherRan = true;
    });
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('after');
    await other;
    expect(otherRan).toBe(true);
  });
});
