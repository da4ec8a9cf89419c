import 'reflect-metadata';
import { ConfigError, loadAppConfig, StartupRefusal } from '@ptp/api/config';
import { runUsersCommand } from '@ptp/api/identity';
import { buildDataSourceOptions } from '@ptp/api/persistence';
import { DataSource } from 'typeorm';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (the line is shown as typed): ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (process.stdin.isTTY && text.includes('\n')) break;
  }
  return text;
}

/** `npm run users -- …`: manages users on the database the server is configured with. */
async function main(): Promise<number> {
  const config = loadAppConfig();
  const dataSource = await new DataSource(buildDataSourceOptions(config.database)).initialize();
  try {
    return await runUsersCommand(process.argv.slice(2), dataSource, {
      stdout: (line) => process.stdout.write(`${line}\n`),
      stderr: (line) => process.stderr.write(`${line}\n`),
      readStdin,
    });
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof StartupRefusal;
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = known ? 78 : 1;
  },
);
