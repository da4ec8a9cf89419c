import { tmpdir } from 'node:os';
import { Global, type INestApplication, Injectable, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Test } from '@nestjs/testing';
import { APP_CONFIG } from '@ptp/api/config';
import {
  ApiExceptionFilter,
  APP_VERSION,
  type ContributorHealth,
  HealthContributor,
} from '@ptp/api/shared';
import type { ErrorEnvelope, HealthReport } from '@ptp/contracts';
import request from 'supertest';
import { HealthModule } from './health.module';
import type { OwnedAccounts } from './owned-accounts';

/** What each fake contributor reports next; a function throws or resolves as the test needs. */
const reports: Record<string, () => Promise<ContributorHealth>> = {};
const report = (health: ContributorHealth) => () => Promise.resolve(health);

/** A contributor that answers whatever `reports` holds for its key. */
abstract class FakeContributor extends HealthContributor {
  check(): Promise<ContributorHealth> {
    return reports[this.key]();
  }
}

@Injectable()
class MarketDataHealth extends FakeContributor {
  readonly key = 'market_data';
  readonly readiness = true;
}

@Injectable()
class InvariantsHealth extends FakeContributor {
  readonly key = 'invariants';
  readonly readiness = false;
}

/** Stands in for the trading desks: the accounts this process trades. */
@Injectable()
class Desks implements OwnedAccounts {
  static owned: string[] = [];
  ownedAccountIds(): string[] {
    return Desks.owned;
  }
}

@Module({
  providers: [MarketDataHealth, InvariantsHealth, Desks],
  exports: [MarketDataHealth, InvariantsHealth, Desks],
})
class ContributorsModule {}

const up = (key: string) => Promise.resolve({ [key]: { status: 'up' as const } });

/** The version and config that the app's global modules provide. */
function globalsModule(healthMaxAgeMs: number) {
  @Global()
  @Module({
    providers: [
      { provide: APP_VERSION, useValue: '1.2.3-test' },
      {
        provide: APP_CONFIG,
        useValue: {
          dataDir: tmpdir(),
          instanceId: 'box-7',
          server: { role: 'api', health: { maxAgeMs: healthMaxAgeMs } },
        },
      },
    ],
    exports: [APP_VERSION, APP_CONFIG],
  })
  class GlobalsModule {}
  return GlobalsModule;
}

async function startApp(healthMaxAgeMs = 0): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      globalsModule(healthMaxAgeMs),
      HealthModule.register({
        imports: [ContributorsModule],
        contributors: [MarketDataHealth, InvariantsHealth],
        ownedAccounts: Desks,
      }),
    ],
    providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
  })
    .overrideProvider(TypeOrmHealthIndicator)
    .useValue({ pingCheck: up })
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

describe('GET /health with contributors', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.close());

  beforeEach(() => {
    reports['market_data'] = report({ status: 'up', state: 'ok', provider: 'simulated' });
    reports['invariants'] = report({ status: 'up', state: 'ok' });
  });

  const get = (path: string) => request(app.getHttpServer()).get(path);

  it("is ok when every check is up, with each contributor's details and the figures behind memory", async () => {
    const body = (await get('/health').expect(200)).body as HealthReport;
    expect(body).toMatchObject({ status: 'ok', version: '1.2.3-test', error: {} });
    expect(body.details['market_data']).toEqual({
      status: 'up',
      state: 'ok',
      provider: 'simulated',
    });
    expect(Object.keys(body.details)).toEqual([
      'database',
      'market_data',
      'invariants',
      'memory_heap',
      'memory_rss',
      'disk',
    ]);
    expect(body.details['memory_heap']).toMatchObject({
      status: 'up',
      usedBytes: expect.any(Number),
      limitBytes: expect.any(Number),
    });
    // The data directory's file system, from statfs: this machine's disk is far from 98 % full.
    expect(body.details['disk']).toMatchObject({
      status: 'up',
      freeBytes: expect.any(Number),
      totalBytes: expect.any(Number),
      usedThreshold: 0.98,
    });
  });

  it('says which instance answered, in which role, and the accounts it trades right now', async () => {
    Desks.owned = ['acc-1', 'acc-2'];
    const body = (await get('/health').expect(200)).body as HealthReport;
    expect(body.instance).toEqual({ id: 'box-7', role: 'api', accounts: ['acc-1', 'acc-2'] });

    Desks.owned = [];
    expect(((await get('/health').expect(200)).body as HealthReport).instance?.accounts).toEqual(
      [],
    );
  });

  it('keeps the instance and its accounts out of the public readiness report', async () => {
    Desks.owned = ['acc-1'];
    const body = (await get('/health/ready').expect(200)).body as HealthReport;
    expect(body.instance).toBeUndefined();
  });

  it('stays up with a degraded contributor, which shows its finer state', async () => {
    reports['market_data'] = report({ status: 'up', state: 'degraded', lastError: 'HTTP 429' });
    const body = (await get('/health').expect(200)).body as HealthReport;
    expect(body.status).toBe('ok');
    expect(body.info['market_data']).toEqual({
      status: 'up',
      state: 'degraded',
      lastError: 'HTTP 429',
    });
  });

  it('answers 503 HEALTH_CHECK_FAILED naming a contributor that is down', async () => {
    reports['invariants'] = report({ status: 'down', state: 'broken', drift: '0.01' });
    const body = (await get('/health').expect(503)).body as ErrorEnvelope;
    expect(body.error.code).toBe('HEALTH_CHECK_FAILED');
    expect(body.error.message).toBe('Unhealthy: invariants');
    expect((body.error.details as HealthReport).error).toEqual({
      invariants: { status: 'down', state: 'broken', drift: '0.01' },
    });
  });

  it('reports a contributor that throws as down with its message', async () => {
    reports['market_data'] = () => Promise.reject(new Error('provider timed out'));
    const body = (await get('/health').expect(503)).body as ErrorEnvelope;
    expect((body.error.details as HealthReport).error['market_data']).toEqual({
      status: 'down',
      state: 'error',
      message: 'provider timed out',
    });
  });

  it('waits only for readiness contributors on /health/ready', async () => {
    reports['invariants'] = report({ status: 'down', state: 'broken' });
    const body = (await get('/health/ready').expect(200)).body as HealthReport;
    expect(Object.keys(body.details)).toEqual(['database', 'market_data']);

    reports['market_data'] = report({ status: 'down', state: 'unauthorized' });
    await get('/health/ready').expect(503);
  });

  it('answers liveness without running any check', async () => {
    reports['market_data'] = () => Promise.reject(new Error('must not be called'));
    const body = (await get('/health/live').expect(200)).body as {
      status: string;
      uptimeSec: number;
    };
    expect(body.status).toBe('ok');
    expect(body.uptimeSec).toBeGreaterThanOrEqual(0);
  });
});

describe('GET /health within server.health.maxAgeMs of a run', () => {
  let app: INestApplication;
  let calls = 0;
  beforeAll(async () => {
    app = await startApp(60_000);
  });
  afterAll(() => app.close());

  it('shares that run, says when it ran, and keeps the instance part current', async () => {
    reports['market_data'] = () => {
      calls++;
      return Promise.resolve({ status: 'up', state: 'ok' });
    };
    reports['invariants'] = report({ status: 'up', state: 'ok' });
    Desks.owned = ['acc-1'];
    const first = (await request(app.getHttpServer()).get('/health').expect(200))
      .body as HealthReport;
    expect(Date.parse(first.checkedAt)).toBeLessThanOrEqual(Date.now());

    reports['invariants'] = report({ status: 'down', state: 'broken' });
    Desks.owned = ['acc-1', 'acc-2'];
    const second = (await request(app.getHttpServer()).get('/health').expect(200))
      .body as HealthReport;
    expect(second.checkedAt).toBe(first.checkedAt);
    expect(second.details).toEqual(first.details);
    expect(second.instance?.accounts).toEqual(['acc-1', 'acc-2']);
    expect(calls).toBe(1);

    // Readiness keeps its own run.
    await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(calls).toBe(2);
  });
});
