import { hostname, tmpdir } from 'node:os';
import { loadAppConfig } from './load-app-config';
import { refuseSplitRoleWithoutCluster } from './process-topology';
import { StartupRefusal } from './startup-refusal';

const dir = tmpdir();
const postgres = 'postgres://ptp@db.internal:5432/ptp';
const redis = 'redis://cache.internal:6379';

describe('process role and instance', () => {
  it('runs everything in one process by default, named after the host and the pid', () => {
    const config = loadAppConfig({}, dir);
    expect(config.server.role).toBe('all');
    expect(config.instanceId).toBe(`${hostname()}-${process.pid}`);
  });

  it('takes PROCESS_ROLE and INSTANCE_ID from the environment', () => {
    const config = loadAppConfig({ PROCESS_ROLE: 'worker', INSTANCE_ID: 'worker-2' }, dir);
    expect(config.server.role).toBe('worker');
    expect(config.instanceId).toBe('worker-2');
  });

  it('lets the default role run on SQLite without Redis', () => {
    expect(() => refuseSplitRoleWithoutCluster(loadAppConfig({}, dir))).not.toThrow();
  });

  it.each([
    [{ PROCESS_ROLE: 'api' }, 'DATABASE_URL=postgres://… and REDIS_URL are not set'],
    [{ PROCESS_ROLE: 'worker', REDIS_URL: redis }, 'DATABASE_URL=postgres://… is not set'],
    [{ PROCESS_ROLE: 'api', DATABASE_URL: postgres }, 'REDIS_URL is not set'],
  ])('refuses a split role without PostgreSQL and Redis (%o)', (env, missing) => {
    const refuse = () => refuseSplitRoleWithoutCluster(loadAppConfig(env, dir));
    expect(refuse).toThrow(StartupRefusal);
    expect(refuse).toThrow(missing);
  });

  it('starts split roles once both PostgreSQL and Redis are configured, and prints neither URL', () => {
    for (const role of ['api', 'worker']) {
      const env = { PROCESS_ROLE: role, DATABASE_URL: postgres, REDIS_URL: redis };
      expect(() => refuseSplitRoleWithoutCluster(loadAppConfig(env, dir))).not.toThrow();
    }
    const refusal = (() => {
      try {
        refuseSplitRoleWithoutCluster(
          loadAppConfig({ PROCESS_ROLE: 'api', REDIS_URL: redis }, dir),
        );
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(refusal).not.toContain('cache.internal');
  });
});
