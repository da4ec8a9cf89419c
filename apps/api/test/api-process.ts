import { createServer } from 'node:net';
import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');

/**
 * `node …` arguments and environment that run apps/api/src/main.ts as its own process. ts-node
 * (transpile-only) rather than tsx, because Nest's injection by type needs the decorator metadata
 * that esbuild does not emit.
 */
export const API_PROCESS_ARGS = [
  '-r',
  'ts-node/register',
  '-r',
  'tsconfig-paths/register',
  join(WORKSPACE_ROOT, 'apps', 'api', 'src', 'main.ts'),
];

export const API_PROCESS_ENV = {
  PATH: process.env['PATH'] ?? '',
  HEALTH_MAX_AGE_MS: '0',
  TS_NODE_TRANSPILE_ONLY: '1',
  TS_NODE_PROJECT: join(WORKSPACE_ROOT, 'apps', 'api', 'tsconfig.app.json'),
  TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: 'commonjs' }),
};

/** A port nobody listens on right now, for an API process started on its own. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
