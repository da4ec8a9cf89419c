import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

/**
 * The route label of a request no API route matched (unknown paths, the dashboard's files served by
 * the catch-all): raw URLs would make the label set unbounded.
 */
export const UNMATCHED_ROUTE = 'unmatched';

/** Express 5 wildcard patterns such as `{*any}` or `*`: they match anything. */
const CATCH_ALL = /^\/?\{?\*/;

type RoutedRequest = IncomingMessage & { route?: { path?: unknown } };

/** Times every HTTP request, labelled by the route pattern Express matched, never the raw URL. */
@Injectable()
export class HttpMetrics {
  private readonly duration: Histogram<'method' | 'route' | 'status'>;

  constructor(metrics: MetricsRegistry) {
    this.duration = new Histogram({
      name: 'ptp_http_request_duration_seconds',
      help: 'HTTP request duration by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [metrics.registry],
    });
  }

  /** Express middleware, installed first: the route is read when the answer has been sent. */
  readonly middleware = (
    request: IncomingMessage,
    response: ServerResponse,
    next: () => void,
  ): void => {
    const end = this.duration.startTimer();
    response.once('finish', () =>
      end({
        method: request.method ?? 'UNKNOWN',
        route: routeOf(request as RoutedRequest),
        status: String(response.statusCode),
      }),
    );
    next();
  };
}

function routeOf(request: RoutedRequest): string {
  const path = request.route?.path;
  return typeof path === 'string' && !CATCH_ALL.test(path) ? path : UNMATCHED_ROUTE;
}
