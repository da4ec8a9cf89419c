#!/usr/bin/env node
// `npm test`: formatting (prettier --check), lint, unit and integration tests, the production builds, then end-to-end tests in Chromium.
// Real PostgreSQL and Redis tests run when those servers answer; otherwise they are skipped with a
// loud message, and so are the browser tests when Chromium is missing.
// A failing step's error lines are printed again just before the summary, because CI logs are often
// read from the end.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';

const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';

function banner(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const bar = '!'.repeat(width);
  console.warn(`\n${bar}\n${lines.map((l) => `! ${l.padEnd(width - 4)} !`).join('\n')}\n${bar}\n`);
}

function reachable(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const TAIL_CHARS = 64 * 1024;
const SHOWN_LINES = 40;
const failures = [];

/** The error lines of a failed step's output (each with the two lines after it), else its last lines. */
function essentials(output) {
  // eslint-disable-next-line no-control-regex
  const lines = output
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const picked = new Set();
  lines.forEach((line, i) => {
    if (/error|failed|✕|●|ENOSPC|ENOMEM|killed/i.test(line))
      for (let j = i; j < Math.min(i + 3, lines.length); j++) picked.add(j);
  });
  const chosen = picked.size ? [...picked].map((i) => lines[i]) : lines;
  return chosen.slice(-SHOWN_LINES);
}

/** Runs `npx args`, streaming its output while keeping the last lines in case it fails. */
function run(step, args, env) {
  console.log(`\n=== ${step}: npx ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn('npx', args, { stdio: ['inherit', 'pipe', 'pipe'], env });
    let recent = '';
    const keep = (chunk, stream) => {
      stream.write(chunk);
      recent = (recent + chunk.toString()).slice(-TAIL_CHARS);
    };
    child.stdout.on('data', (chunk) => keep(chunk, process.stdout));
    child.stderr.on('data', (chunk) => keep(chunk, process.stderr));
    child.on('close', (code, signal) => {
      if (code !== 0)
        failures.push({
          step,
          reason: signal ? `signal ${signal}` : `exit code ${code}`,
          lines: essentials(recent),
        });
      resolve(code === 0);
    });
  });
}

/** Builds once more without the cache when the first try fails, so a passing retry is told apart from a real break. */
async function buildForEndToEnd(env) {
  // One at a time and stopping at the first failure, so the failing build's own error ends the log.
  const args = ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--parallel=1', '--nx-bail'];
  if (await run('production builds', args, env)) return true;
  banner([
    'THE PRODUCTION BUILD FAILED; its output is repeated at the end.',
    'Building once more without the Nx cache.',
  ]);
  return run('production builds (retry)', [...args, '--skip-nx-cache', '--verbose'], env);
}

const env = {
  ...process.env,
  TZ: 'UTC',
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_USE_LOCAL: 'true',
  NX_TUI: 'false',
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  SCARF_ANALYTICS: 'false',
};

if (!(await reachable('127.0.0.1', 5432))) {
  banner([
    'PostgreSQL is not answering on 127.0.0.1:5432.',
    'The PostgreSQL tests are SKIPPED; SQLite tests still run.',
    'Set TEST_DATABASE_URL to point at another server.',
  ]);
  env.PTP_SKIP_POSTGRES = '1';
}
if (!(await reachable('127.0.0.1', 6379))) {
  banner([
    'Redis is not answering on 127.0.0.1:6379.',
    'The shared-cache (Redis) tests are SKIPPED.',
  ]);
  env.PTP_SKIP_REDIS = '1';
}

const results = [];
results.push(['formatting', await run('formatting', ['prettier', '--check', '.'], env)]);
results.push(['lint', await run('lint', ['nx', 'run-many', '-t', 'lint', '--parallel=2'], env)]);
results.push([
  'unit + integration',
  await run('unit + integration tests', ['nx', 'run-many', '-t', 'test', '--parallel=2'], env),
]);

if (existsSync(chromium)) {
  const built = await buildForEndToEnd(env);
  results.push(['production builds', built]);
  if (built)
    results.push([
      'end-to-end',
      await run('end-to-end tests (Chromium)', ['nx', 'run', 'web-e2e:e2e'], {
        ...env,
        CHROME_PATH: chromium,
      }),
    ]);
} else {
  banner([
    `CHROMIUM NOT FOUND at ${chromium}: END-TO-END TESTS WERE NOT RUN.`,
    'Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH.',
  ]);
}

for (const { step, reason, lines } of failures) {
  console.log(
    `\n=== ${step} failed (${reason}); the essential lines of its output:\n${lines.join('\n')}`,
  );
}
console.log('\n=== Summary');
for (const [name, ok] of results) console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}`);
process.exit(results.every(([, ok]) => ok) ? 0 : 1);
