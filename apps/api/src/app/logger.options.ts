import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '@ptp/api/config';
import { requestIdOf } from '@ptp/api/shared';
import type { Params } from 'nestjs-pino';

const READ_METHODS = new Set(['GET', 'HEAD']);

const QUERY_CREDENTIAL = /([?&](?:apiKey|api_key|token|key)=)[^&]*/gi;

/** Removes credentials that may travel in a query string (Polygon accepts `apiKey=`). */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.includes('?') ? url.replace(QUERY_CREDENTIAL, '$1[redacted]') : url;
}

type LoggedRequest = IncomingMessage & { id: string; originalUrl?: string };

/** Structured JSON logs with a request id, response time, and secrets redacted at every depth we know of. */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (request: IncomingMessage) => requestIdOf(request) ?? randomUUID(),
      // Headers (and so cookies and tokens) never reach a line: the serializers below keep the id,
      // method, path and status only. These paths catch a secret in any other object logged.
      redact: { paths: ['*.apiKey', '*.password', '*.token'], censor: '[redacted]' },
      // Called with the raw request and response, without pino-http's wrappers, which first copy
      // every header and parse the query string of each request into an object these drop at once.
      wrapSerializers: false,
      serializers: {
        req: (req: LoggedRequest) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.originalUrl ?? req.url),
        }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
      // The dashboard polls several GETs every few seconds: their successful answers log at debug, so
      // the info log holds what changed something or went wrong.
      customLogLevel: (req, res, error) =>
        !error && READ_METHODS.has(req.method ?? '') && res.statusCode < 400 ? 'debug' : 'info',
      customSuccessMessage: (req, res, responseTime) =>
        `${req.method} ${redactUrl(req.url)} ${res.statusCode} ${Math.round(responseTime)}ms`,
      autoLogging: { ignore: (req) => req.url === '/health/live' },
    },
  };
}
