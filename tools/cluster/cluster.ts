import { type ChildProcess, spawn } from 'node:child_process';
import { get } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const WORKSPACE_ROOT = join(__dirname, '..', '..');
/** The API as `npm run build` leaves it: node starts it in a second, no compiler on the way. */
export const BUILT_API_MAIN = join(WORKSPACE_ROOT, 'dist', 'apps', 'api', 'main.js');

export type ClusterRole = 'api' | 'worker';

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ClusterOptions {
  /** How many `PROCESS_ROLE=api` processes, on ports basePort, basePort + 1, … */
  readonly api: number;
  /** How many `PROCESS_ROLE=worker` processes, on the ports after the api ones (for /health). */
  readonly workers: number;
  readonly basePort: number;
  /** The environment every process starts with; role, instance id and port are added per process. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Put before every instance id in log lines, e.g. a test file's name. */
  readonly logPrefix?: string;
  /** Where prefixed log lines go; this process's stdout and stderr by default. */
  readonly log?: (line: string, stream: 'stdout' | 'stderr') => void;
  readonly host?: string;
  readonly mainJs?: string;
}

export interface ClusterProcess {
  /** `api-1`, `worker-1`, …: the process's INSTANCE_ID. */
  readonly id: string;
  readonly role: ClusterRole;
  readonly port: number;
  /** `http://host:port`. */
  readonly url: string;
  /** The running child's pid; undefined once it has exited. */
  readonly pid: number | undefined;
  readonly running: boolean;
  /** Sends `signal` (SIGTERM by default) and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<ExitStatus>;
  /** Stops the process if it runs (SIGTERM), then starts it again with the same id and port. */
  restart(): Promise<void>;
  /** Resolves once `GET /health/ready` answers 200; rejects if the process exits first. */
  waitReady(timeoutMs?: number): Promise<void>;
  /** The process's last log lines, to explain a failure. */
  recentOutput(): string;
}

export interface Cluster {
  readonly processes: readonly ClusterProcess[];
  readonly api: readonly ClusterProcess[];
  readonly workers: readonly ClusterProcess[];
  waitReady(timeoutMs?: number): Promise<void>;
  /** SIGTERM to every running process, SIGKILL to those still running after `graceMs`. */
  stopAll(graceMs?: number): Promise<void>;
}

/** Why this environment cannot run several processes, or null when it can. */
export function clusterEnvProblem(
  env: Readonly<Record<string, string | undefined>>,
): string | null {
  const problems = [
    /^postgres(ql)?:\/\//.test(env['DATABASE_URL'] ?? '')
      ? null
      : 'DATABASE_URL must be a postgres://… URL (a database every process can write to)',
    /^rediss?:\/\//.test(env['REDIS_URL'] ?? '')
      ? null
      : 'REDIS_URL must be a redis://… URL (leases, job queue, shared caches)',
  ].filter((problem) => problem !== null);
  return problems.length === 0
    ? null
    : `A cluster needs PostgreSQL and Redis: ${problems.join('; ')}.`;
}

const KEPT_LINES = 200;
const READY_POLL_MS = 250;
const DEFAULT_READY_TIMEOUT_MS = 120_000;
const DEFAULT_GRACE_MS = 10_000;

function exitOf(child: ChildProcess): Promise<ExitStatus> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** The status of a GET, 0 when nothing answers; no keep-alive, so no socket outlives the probe. */
function statusOf(url: string): Promise<number> {
  return new Promise((resolve) => {
    const probe = get(url, { agent: false, timeout: 5_000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    probe.once('timeout', () => probe.destroy());
    probe.once('error', () => resolve(0));
  });
}

function defaultLog(line: string, stream: 'stdout' | 'stderr'): void {
  (stream === 'stdout' ? process.stdout : process.stderr).write(`${line}\n`);
}

class ManagedProcess implements ClusterProcess {
  readonly url: string;
  private child: ChildProcess | null = null;
  private exited: Promise<ExitStatus> = Promise.resolve({ code: null, signal: null });
  private readonly lines: string[] = [];

  constructor(
    readonly id: string,
    readonly role: ClusterRole,
    readonly port: number,
    private readonly options: ClusterOptions,
  ) {
    this.url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  }

  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    const child = spawn(process.execPath, [this.options.mainJs ?? BUILT_API_MAIN], {
      cwd: WORKSPACE_ROOT,
      env: {
        ...this.options.env,
        PROCESS_ROLE: this.role,
        INSTANCE_ID: this.id,
        API_PORT: String(this.port),
        ...(this.options.host ? { HOST: this.options.host } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = exitOf(child);
    const prefix = `[${this.options.logPrefix ?? ''}${this.id}]`;
    const log = this.options.log ?? defaultLog;
    for (const stream of ['stdout', 'stderr'] as const) {
      const source = child[stream];
      if (!source) continue;
      createInterface({ input: source }).on('line', (line) => {
        this.lines.push(line);
        if (this.lines.length > KEPT_LINES) this.lines.shift();
        log(`${prefix} ${line}`, stream);
      });
    }
    void this.exited.then(({ code, signal }) =>
      log(`${prefix} exited (${signal ?? `code ${code}`})`, 'stderr'),
    );
  }

  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<ExitStatus> {
    if (this.running) this.child?.kill(signal);
    return this.exited;
  }

  /** SIGTERM, then SIGKILL when the process has not gone after `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    if (!this.running) return;
    this.child?.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  killNow(): void {
    if (this.running) this.child?.kill('SIGKILL');
  }

  async restart(): Promise<void> {
    await this.stop(DEFAULT_GRACE_MS);
    this.start();
  }

  async waitReady(timeoutMs = DEFAULT_READY_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running)
        throw new Error(`${this.id} exited before it was ready:\n${this.recentOutput()}`);
      if ((await statusOf(`${this.url}/health/ready`)) === 200) return;
      await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
    }
    throw new Error(`${this.id} was not ready within ${timeoutMs} ms:\n${this.recentOutput()}`);
  }

  recentOutput(): string {
    return this.lines.join('\n');
  }
}

/**
 * Starts `api` API processes and `workers` worker processes of the built app, each with its own
 * INSTANCE_ID and port. The first one starts alone and the others once it is ready: every process
 * migrates the database at start-up, and migrations racing on a fresh database fail. If this
 * process exits, they are killed with it.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const problem = clusterEnvProblem(options.env);
  if (problem) throw new Error(problem);
  const processes = [
    ...Array.from(
      { length: options.api },
      (_, i) => new ManagedProcess(`api-${i + 1}`, 'api', options.basePort + i, options),
    ),
    ...Array.from(
      { length: options.workers },
      (_, i) =>
        new ManagedProcess(
          `worker-${i + 1}`,
          'worker',
          options.basePort + options.api + i,
          options,
        ),
    ),
  ];
  const killAll = (): void => processes.forEach((p) => p.killNow());
  process.once('exit', killAll);
  const stopAll = async (graceMs = DEFAULT_GRACE_MS): Promise<void> => {
    await Promise.all(processes.map((p) => p.stop(graceMs)));
    process.off('exit', killAll);
  };
  const [first, ...rest] = processes;
  first.start();
  try {
    await first.waitReady();
  } catch (error) {
    await stopAll();
    throw error;
  }
  rest.forEach((p) => p.start());
  return {
    processes,
    api: processes.filter((p) => p.role === 'api'),
    workers: processes.filter((p) => p.role === 'worker'),
    waitReady: async (timeoutMs) => {
      await Promise.all(processes.map((p) => p.waitReady(timeoutMs)));
    },
    stopAll,
  };
}
