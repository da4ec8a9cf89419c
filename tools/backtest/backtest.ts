import { runCli } from './run-cli';

// `npm run` starts a script in the package root; the paths on the command line are meant from where it was typed.
if (process.env.npm_lifecycle_event === 'backtest' && process.env.INIT_CWD)
  process.chdir(process.env.INIT_CWD);

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  progress: process.stderr.isTTY === true,
});
