import request from 'supertest';
import { ORCL_2013_CSV, ORCL_FILE, SMALL_SIMULATED_RUN } from './backtests.helpers';
import { useTestApp } from './test-app';

const UPLOAD_FIELDS = '{"symbols":["ORCL"],"strategy":"ma-crossover"}';
const SIMULATED_TOO = UPLOAD_FIELDS.replace('}', ',"source":{"type":"simulated","seed":1}}');
const UNKNOWN_FIELD = UPLOAD_FIELDS.replace('}', ',"turbo":1}');

describe('backtest requests refused over REST, and the upload contract (real HTTP, real SQLite file)', () => {
  const app = useTestApp({}, 60_000);
  const http = () => request(app().app.getHttpServer());

  const attach = (r: request.Test, field = 'file') => r.attach(field, ORCL_FILE, 'orcl.csv');
  const send = (r: request.Test, fields: string, field = 'file') =>
    attach(r, field).field('request', fields);
  const BIG_FILE = Buffer.alloc(20 * 1024 * 1024 + 1, 'a');
  const tooBig = (r: request.Test) =>
    r.field('request', UPLOAD_FIELDS).attach('file', BIG_FILE, 'big.csv');

  it.each<[string, (r: request.Test) => request.Test, number, string]>([
    ['no file', (r) => r.field('request', UPLOAD_FIELDS), 400, 'VALIDATION_FAILED'],
    ['no request field', (r) => attach(r), 400, 'VALIDATION_FAILED'],
    ['a request that is not JSON', (r) => send(r, '{symbols'), 400, 'INVALID_JSON'],
    ['a simulated source beside the file', (r) => send(r, SIMULATED_TOO), 400, 'VALIDATION_FAILED'],
    ['an unknown field', (r) => send(r, UNKNOWN_FIELD), 400, 'VALIDATION_FAILED'],
    ['a file under another name', (r) => send(r, UPLOAD_FIELDS, 'csv'), 400, 'BAD_REQUEST'],
    ['a file over 20 MB', tooBig, 413, 'PAYLOAD_TOO_LARGE'],
  ])(
    'answers an upload with %s with its 4xx code and queues nothing',
    async (_name, build, status, code) => {
      const before = (await http().get('/api/backtests').expect(200)).body.data.total;
      const res = await build(http().post('/api/backtests/upload'));
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
      expect((await http().get('/api/backtests').expect(200)).body.data.total).toBe(before);
    },
  );

  it('documents the upload in OpenAPI as multipart/form-data with its two parts', async () => {
    const upload = (await http().get('/api/openapi.json').expect(200)).body.paths[
      '/api/backtests/upload'
    ].post;
    expect(upload.requestBody.content['multipart/form-data'].schema.required).toEqual([
      'file',
      'request',
    ]);
    expect(Object.keys(upload.responses)).toEqual(expect.arrayContaining(['202', '400', '413']));
  });

  it.each([
    ['an unknown field', { ...SMALL_SIMULATED_RUN, turbo: true }, 400, 'VALIDATION_FAILED'],
    ['no source', { ...SMALL_SIMULATED_RUN, source: undefined }, 400, 'VALIDATION_FAILED'],
    [
      'an unknown source type',
      { ...SMALL_SIMULATED_RUN, source: { type: 'ftp' } },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a simulated source without seed',
      { ...SMALL_SIMULATED_RUN, source: { type: 'simulated' } },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a seed on a CSV source',
      {
        ...SMALL_SIMULATED_RUN,
        symbols: ['ORCL'],
        source: { type: 'csv', csv: ORCL_2013_CSV, seed: 1 },
      },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a CSV source with two symbols',
      { ...SMALL_SIMULATED_RUN, source: { type: 'csv', csv: ORCL_2013_CSV } },
      400,
      'VALIDATION_FAILED',
    ],
    ['a bad ticker', { ...SMALL_SIMULATED_RUN, symbols: ['SP Y'] }, 400, 'VALIDATION_FAILED'],
    ['no symbols', { ...SMALL_SIMULATED_RUN, symbols: [] }, 400, 'VALIDATION_FAILED'],
    [
      'an unknown strategy',
      { ...SMALL_SIMULATED_RUN, strategy: 'martingale' },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'params out of order',
      { ...SMALL_SIMULATED_RUN, params: { fast: 30, slow: 20 } },
      400,
      'INVALID_STRATEGY_PARAMS',
    ],
    [
      'a string param',
      { ...SMALL_SIMULATED_RUN, params: { fast: 'five' } },
      400,
      'INVALID_STRATEGY_PARAMS',
    ],
    ['from after to', { ...SMALL_SIMULATED_RUN, from: '2025-03-08' }, 400, 'INVALID_RANGE'],
    [
      'a date that does not exist',
      { ...SMALL_SIMULATED_RUN, to: '2025-02-30' },
      400,
      'INVALID_RANGE',
    ],
    [
      'more than a year of simulated minutes',
      { ...SMALL_SIMULATED_RUN, from: '2024-01-01' },
      400,
      'INVALID_RANGE',
    ],
    ['a negative capital', { ...SMALL_SIMULATED_RUN, capital: -5 }, 400, 'VALIDATION_FAILED'],
    [
      'quantity sizing without quantity',
      { ...SMALL_SIMULATED_RUN, sizing: { mode: 'quantity' } },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'an absurd quantity',
      { ...SMALL_SIMULATED_RUN, sizing: { mode: 'quantity', quantity: 1e12 } },
      400,
      'VALIDATION_FAILED',
    ],
    ['risk as a string', { ...SMALL_SIMULATED_RUN, risk: 'yes' }, 400, 'VALIDATION_FAILED'],
    [
      'a zero volume cap',
      { ...SMALL_SIMULATED_RUN, execution: { maxVolumePct: 0 } },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'an unknown limit fill rule',
      { ...SMALL_SIMULATED_RUN, execution: { limitFillRule: 'cross' } },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a split without its ratio',
      {
        ...SMALL_SIMULATED_RUN,
        corporateActions: { splits: [{ ticker: 'SPY', execution_date: '2025-03-04' }] },
      },
      400,
      'INVALID_CORPORATE_ACTIONS',
    ],
    [
      'corporate actions as a list',
      { ...SMALL_SIMULATED_RUN, corporateActions: [] },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'an unknown risk limit',
      { ...SMALL_SIMULATED_RUN, risk: { leverage: 2 } },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'an unknown account',
      { ...SMALL_SIMULATED_RUN, accountId: 'nobody' },
      404,
      'ACCOUNT_NOT_FOUND',
    ],
    [
      'Polygon data on the simulated provider',
      { ...SMALL_SIMULATED_RUN, source: { type: 'polygon' } },
      422,
      'BACKTEST_SOURCE_UNAVAILABLE',
    ],
  ])('rejects %s and creates no run', async (_label, body, status, code) => {
    const before = (await http().get('/api/backtests').expect(200)).body.data.total;
    const res = await http().post('/api/backtests').send(body).expect(status);
    expect(res.body).toEqual(
      expect.objectContaining({ status: 'error', error: expect.objectContaining({ code }) }),
    );
    expect((await http().get('/api/backtests').expect(200)).body.data.total).toBe(before);
  });

  it('answers 400 for a malformed id or filter and 404 for an unknown run', async () => {
    expect((await http().get('/api/backtests/not-a-uuid').expect(400)).body.error.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await http().get('/api/backtests?status=paused').expect(400)).body.error.code).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      (await http().get('/api/backtests/7d9f1c1e-2d4a-4f5b-9c8d-7e6f5a4b3c2d').expect(404)).body
        .error.code,
    ).toBe('BACKTEST_NOT_FOUND');
    expect(
      (await http().delete('/api/backtests/7d9f1c1e-2d4a-4f5b-9c8d-7e6f5a4b3c2d').expect(404)).body
        .error.code,
    ).toBe('BACKTEST_NOT_FOUND');
  });

  const HUGE = 'x'.repeat(200_000);
  it.each<[string, object, string]>([
    [
      'an unknown field with a huge name',
      { ...SMALL_SIMULATED_RUN, [HUGE]: 1 },
      'VALIDATION_FAILED',
    ],
    [
      'thousands of unknown fields',
      {
        ...SMALL_SIMULATED_RUN,
        ...Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`f${i}`, i])),
      },
      'VALIDATION_FAILED',
    ],
    [
      'a strategy param with a huge name',
      { ...SMALL_SIMULATED_RUN, params: { [HUGE]: 1 } },
      'INVALID_STRATEGY_PARAMS',
    ],
  ])(
    'answers %s with an error that quotes a few hundred characters at most',
    async (_label, body, code) => {
      const res = await http().post('/api/backtests').send(body).expect(400);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message.length).toBeLessThanOrEqual(501);
      expect(res.text.length).toBeLessThan(10_000);
    },
  );

  it('answers an upload whose request field is huge and not JSON with a short INVALID_JSON', async () => {
    const res = await send(http().post('/api/backtests/upload'), `{"a":${HUGE}`).expect(400);
    expect(res.body.error.code).toBe('INVALID_JSON');
    expect(res.text.length).toBeLessThan(2_000);
  });
});
