import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Finds the workspace package.json above this file, both in the built bundle and under jest. */
function readVersion(start: string): string {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'paper-trading-platform' && pkg.version) return pkg.version;
  }
  return '0.0.0-unknown';
}

export const APP_VERSION_VALUE: string = readVersion(__dirname);
