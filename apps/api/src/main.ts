import 'reflect-metadata';
import { existsSync } from 'node:fs';
import {
  ConfigError,
  loadAppConfig,
  refuseOpenServer,
  refuseSplitRoleWithoutCluster,
  StartupRefusal,
} from '@ptp/api/config';
import { claimSqliteDatabase } from '@ptp/api/persistence';
import { createApp } from './app/create-app';
import { DEFAULT_WEB_ROOT } from './app/app.module';
import { installProcessFaultHandlers } from './app/process-faults';

installProcessFaultHandlers();

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  refuseOpenServer(config.server);
  refuseSplitRoleWithoutCluster(config);
  if (config.database.type === 'sqlite') await claimSqliteDatabase(config.database.path);
  const webRoot = existsSync(DEFAULT_WEB_ROOT) ? DEFAULT_WEB_ROOT : undefined;
  const app = await createApp(config, { webRoot });
  await app.listen(config.server.port, config.server.host);
  const url = `http://${config.server.host}:${config.server.port}`;
  process.stdout.write(
    `Paper trading platform listening on ${url} (dashboard ${webRoot ? url + '/' : 'not built'}, docs ${url}/api/docs, ` +
      `database ${config.database.type}, market data ${config.marketData.provider}, ` +
      `role ${config.server.role}, instance ${config.instanceId})\n`,
  );
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupRefusal) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(
    `Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
