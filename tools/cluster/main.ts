import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  BUILT_API_MAIN,
  type Cluster,
  clusterEnvProblem,
  startCluster,
  WORKSPACE_ROOT,
} from './cluster';
import { CLUSTER_USAGE, ClusterArgsError, parseClusterArgs } from './cluster-args';

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseClusterArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ClusterArgsError) fail(`${error.message}\n\n${CLUSTER_USAGE}`, 64);
    throw error;
  }
  if (args === 'help') {
    process.stdout.write(`${CLUSTER_USAGE}\n`);
    return;
  }
  const problem = clusterEnvProblem(process.env);
  if (problem)
    fail(
      `${problem}\nFor example: DATABASE_URL=postgres://postgres@127.0.0.1:5432/ptp ` +
        'REDIS_URL=redis://127.0.0.1:6379 npm run cluster',
      78,
    );
  if (args.build) {
    const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web'], {
      cwd: WORKSPACE_ROOT,
      stdio: 'inherit',
    });
    if (build.status !== 0) fail('The build failed; nothing was started.', 1);
  }
  if (!existsSync(BUILT_API_MAIN)) fail(`${BUILT_API_MAIN} is missing: build first.`, 1);

  let cluster: Cluster | null = null;
  let stopping = false;
  // Until the cluster object exists, exiting kills what has started (startCluster's exit hook).
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write('Stopping every process of the cluster…\n');
    if (!cluster) process.exit(130);
    void cluster.stopAll().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    cluster = await startCluster({ ...args, env: process.env });
    await cluster.waitReady();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nStopping the others.\n`);
    stopping = true;
    await cluster?.stopAll();
    process.exit(1);
  }
  const lines = cluster.processes.map((p) => `  ${p.id.padEnd(10)} ${p.url}  (pid ${p.pid})`);
  process.stdout.write(`Cluster ready; Ctrl-C stops it.\n${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
