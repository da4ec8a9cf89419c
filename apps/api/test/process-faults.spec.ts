import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const SCRIPT = join(__dirname, 'fixtures', 'process-fault.script.ts');

/** Runs the fault script in a process of its own, as the API would run. */
function runFault(mode: 'reject' | 'throw'): { status: number | null; lines: unknown[] } {
  const result = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [SCRIPT, mode], {
    cwd: root,
    encoding: 'utf8',
    timeout: 20_000,
  });
  const lines = result.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
  return { status: result.status, lines };
}

describe('process faults (a real child process)', () => {
  it.each([
    ['reject', 'unhandled rejection; exiting', 'nobody awaited this'],
    ['throw', 'uncaught exception; exiting', 'thrown from a timer'],
  ] as const)(
    'a fault (%s) is logged as one fatal JSON line and ends the process with a non-zero code',
    (mode, msg, message) => {
      const { status, lines } = runFault(mode);
      expect(status).toBe(1);
      expect(lines).toEqual([
        expect.objectContaining({
          level: 60,
          msg,
          err: expect.objectContaining({ message, stack: expect.stringContaining(message) }),
        }),
      ]);
    },
    30_000,
  );
});
