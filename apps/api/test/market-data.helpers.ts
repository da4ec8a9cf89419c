import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Asks until the answer satisfies `done`; the bound only turns a hang into a readable failure. */
export async function poll<T>(ask: () => Promise<T>, done: (answer: T) => boolean): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const answer = await ask();
    if (done(answer)) return answer;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the expected answer never came');
}

/** A fresh temp dir (named from `prefix`) holding `config` as platform.json; the caller removes the dir. */
export function writePlatformConfig(prefix: string, config: object): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const path = join(dir, 'platform.json');
  writeFileSync(path, JSON.stringify(config));
  return { dir, path };
}
