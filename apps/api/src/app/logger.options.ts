import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '@ptp/api/config';
import { requestIdOf } from '@ptp/api/shared';
import type { Params } from 'nestjs-pino';

const READ_METHODS = new Set(['GET', 'HEAD']);

/** Removes credentials that may travel in a query string (Polygon accepts `apiKey=`). */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(/([?&](?:apiKey|api_key|token|key)=)[^&]*/gi, '$1[redacted]');
}

/** Structured JSON logs with a request id, response time, and secrets redacted at every depth we know of. */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (request: IncomingMessage) => requestIdOf(request) ?? randomUUID(),
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-api-key"]',
          'res.headers["set-cookie"]',
          '*.apiKey',
          '*.password',
          '*.token',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
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
