import {
  BadRequestException,
  Body,
  Controller,
  Get,
  type INestApplication,
  NotFoundException,
  Post,
} from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { ErrorEnvelope, SuccessEnvelope } from '@ptp/contracts';
import request from 'supertest';
import { ApiError } from './api-error';
import { ApiExceptionFilter } from './api-exception.filter';
import { APP_VERSION } from './app-version';
import { bodyParserErrors, bodyParsers } from './body-parsers';
import { EnvelopeInterceptor } from './envelope.interceptor';
import { RawResponse } from './raw-response.decorator';
import { requestContext } from './request-timing';

const VERSION = '9.9.9-test';

@Controller('probe')
class ProbeController {
  @Get('value')
  value(): { answer: number } {
    return { answer: 42 };
  }

  @Get('nothing')
  nothing(): void {
    return undefined;
  }

  @Get('csv')
  @RawResponse()
  csv(): string {
    return 'a,b\n1,2\n';
  }

  @Get('missing')
  missing(): never {
    throw ApiError.notFound('THING_NOT_FOUND', 'No such thing.', { id: 'x' });
  }

  @Get('risk')
  risk(): never {
    throw ApiError.riskRejection('RISK_MAX_POSITION', 'Position too large.', 50, 73.1);
  }

  @Get('nest-404')
  nest404(): never {
    throw new NotFoundException('Nothing here.');
  }

  @Get('invalid')
  invalid(): never {
    throw new BadRequestException(['symbol must be a string']);
  }

  @Get('crash')
  crash(): never {
    throw new Error('database on fire');
  }

  @Post('echo')
  echo(@Body() body: unknown): unknown {
    return body;
  }
}

/** The API's request pipeline as create-app.ts builds it: body parsers outside Nest, envelope and filter inside. */
async function startApp(): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    controllers: [ProbeController],
    providers: [
      { provide: APP_VERSION, useValue: VERSION },
      { provide: APP_FILTER, useClass: ApiExceptionFilter },
      { provide: APP_INTERCEPTOR, useClass: EnvelopeInterceptor },
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
  app.use(requestContext);
  for (const parser of bodyParsers('1kb')) app.use(parser);
  app.use(bodyParserErrors(new ApiExceptionFilter(VERSION)));
  await app.init();
  return app;
}

describe('the response envelope over HTTP', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.close());

  const get = (path: string) => request(app.getHttpServer()).get(`/probe/${path}`);
  const errorOf = (body: unknown) => (body as ErrorEnvelope).error;

  it('wraps a result with the version, the request id and a timestamp', async () => {
    const response = await get('value').set('X-Request-Id', 'req-123').expect(200);
    const body = response.body as SuccessEnvelope<{ answer: number }>;
    expect(body).toMatchObject({
      status: 'success',
      data: { answer: 42 },
      metadata: { version: VERSION, request_id: 'req-123' },
    });
    expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
    expect(typeof body.metadata.execution_time_ms).toBe('number');
    expect(response.headers['x-request-id']).toBe('req-123');
  });

  it('tags a GET with an ETag of its data alone, and answers a match with 304', async () => {
    const first = await get('value').expect(200);
    const second = await get('value').set('X-Request-Id', 'other').expect(200);
    // The envelopes differ (request ids); the data does not.
    expect(second.body.metadata).not.toEqual(first.body.metadata);
    expect(first.headers['etag']).toMatch(/^W\/"[\w-]+"$/);
    expect(second.headers['etag']).toBe(first.headers['etag']);
    expect((await get('nothing').expect(200)).headers['etag']).not.toBe(first.headers['etag']);
    await get('value').set('If-None-Match', first.headers['etag']).expect(304);
  });

  it('sends null data for a handler that returns nothing', async () => {
    const response = await get('nothing').expect(200);
    expect(response.body).toMatchObject({ status: 'success', data: null });
  });

  it('leaves raw responses alone', async () => {
    const response = await get('csv').expect(200);
    expect(response.text).toBe('a,b\n1,2\n');
  });

  it('renders an ApiError with its status, code and details', async () => {
    const response = await get('missing').expect(404);
    expect(response.body).toMatchObject({
      status: 'error',
      data: null,
      metadata: { version: VERSION },
    });
    expect(errorOf(response.body)).toEqual({
      code: 'THING_NOT_FOUND',
      message: 'No such thing.',
      details: { id: 'x' },
    });
  });

  it("puts a risk rejection's limit and requested amount beside the code", async () => {
    const response = await get('risk').expect(422);
    expect(errorOf(response.body)).toMatchObject({
      code: 'RISK_MAX_POSITION',
      limit: 50,
      requested: 73.1,
    });
  });

  it("maps Nest's own exceptions to codes by status", async () => {
    expect(errorOf((await get('nest-404').expect(404)).body)).toEqual({
      code: 'NOT_FOUND',
      message: 'Nothing here.',
    });
    expect(errorOf((await get('invalid').expect(400)).body)).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'The request is invalid.',
      details: ['symbol must be a string'],
    });
  });

  it('hides the cause of an unexpected error', async () => {
    const response = await get('crash').expect(500);
    expect(errorOf(response.body)).toEqual({
      code: 'INTERNAL_ERROR',
      message: 'An unexpected error occurred.',
    });
    expect(response.text).not.toContain('database on fire');
  });

  it('answers an unknown route with the error envelope', async () => {
    const response = await request(app.getHttpServer()).get('/nowhere').expect(404);
    expect(errorOf(response.body).code).toBe('NOT_FOUND');
  });

  describe('body parsers', () => {
    const post = () => request(app.getHttpServer()).post('/probe/echo');

    it('parses JSON and leaves form and text bodies unread', async () => {
      expect((await post().send({ a: 1 }).expect(201)).body.data).toEqual({ a: 1 });
      expect((await post().type('form').send('a=1').expect(201)).body.data).toBeNull();
      expect((await post().type('text/csv').send('a,b\n').expect(201)).body.data).toBeNull();
    });

    it('answers malformed JSON with 400 INVALID_JSON in the envelope', async () => {
      const response = await post()
        .set('Content-Type', 'application/json')
        .send('{"a":')
        .expect(400);
      expect(response.body).toMatchObject({ status: 'error', metadata: { version: VERSION } });
      expect(errorOf(response.body).code).toBe('INVALID_JSON');
    });

    it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
      const response = await post()
        .send({ text: 'x'.repeat(2048) })
        .expect(413);
      expect(errorOf(response.body).code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('answers an unsupported charset with 415', async () => {
      const response = await post()
        .set('Content-Type', 'application/json; charset=klingon')
        .send('{}')
        .expect(415);
      expect(errorOf(response.body).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });
  });
});
