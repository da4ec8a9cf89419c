import { parseArgs } from 'node:util';

export interface ClusterArgs {
  readonly api: number;
  readonly workers: number;
  readonly basePort: number;
  readonly build: boolean;
}

export const CLUSTER_USAGE = `Usage: npm run cluster -- [--api N] [--workers N] [--base-port PORT] [--no-build]

Builds the API and the dashboard once (nx run-many -t build -p api web), then starts N api
processes on PORT, PORT+1, … and the workers on the ports after them, all on the DATABASE_URL
(postgres://…) and REDIS_URL of this environment. Ctrl-C stops them all.

  --api N          PROCESS_ROLE=api processes (default 3)
  --workers N      PROCESS_ROLE=worker processes (default 1)
  --base-port P    the first api process's port (default 5100)
  --no-build       start what dist/apps/api already holds`;

export class ClusterArgsError extends Error {}

function count(name: string, value: string, min: number, max: number): number {
  const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(parsed >= min && parsed <= max))
    throw new ClusterArgsError(
      `--${name} must be a whole number from ${min} to ${max}, not "${value}".`,
    );
  return parsed;
}

/** The launcher's command line; throws ClusterArgsError on anything it does not understand. */
export function parseClusterArgs(argv: readonly string[]): ClusterArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        api: { type: 'string', default: '3' },
        workers: { type: 'string', default: '1' },
        'base-port': { type: 'string', default: '5100' },
        'no-build': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new ClusterArgsError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) return 'help';
  const api = count('api', values.api, 1, 32);
  const workers = count('workers', values.workers, 0, 32);
  const basePort = count('base-port', values['base-port'], 1024, 65535 - api - workers);
  return { api, workers, basePort, build: !values['no-build'] };
}
