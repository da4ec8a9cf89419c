import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpMetrics } from './http-metrics';
import { MetricsRegistry } from './metrics-registry';

describe('HttpMetrics', () => {
  const serve = (http: HttpMetrics, route: string | undefined, statusCode: number) => {
    const request = { method: 'GET', url: '/api/orders/123' } as IncomingMessage & {
      route?: { path: string };
    };
    const response = Object.assign(new EventEmitter(), { statusCode });
    let nexted = false;
    http.middleware(request, response as unknown as ServerResponse, () => (nexted = true));
    // Express sets the matched route while the handler runs, before the answer is sent.
    if (route !== undefined) request.route = { path: route };
    response.emit('finish');
    return nexted;
  };

  const counts = async (metrics: MetricsRegistry) => {
    const metric = metrics.registry.getSingleMetric('ptp_http_request_duration_seconds');
    const found: { labels: object; value: number; metricName?: string }[] =
      (await metric?.get())?.values ?? [];
    return found
      .filter((v) => v.metricName === 'ptp_http_request_duration_seconds_count')
      .map(({ labels, value }) => ({ ...labels, value }));
  };

  it('labels by the matched route pattern and status; catch-alls and misses share one label', async () => {
    const metrics = new MetricsRegistry();
    const http = new HttpMetrics(metrics);
    expect(serve(http, '/api/orders/:id', 200)).toBe(true);
    serve(http, '/api/orders/:id', 200);
    serve(http, '/api/orders/:id', 404);
    serve(http, '{*any}', 404);
    serve(http, undefined, 403);
    expect(await counts(metrics)).toEqual([
      { method: 'GET', route: '/api/orders/:id', status: '200', value: 2 },
      { method: 'GET', route: '/api/orders/:id', status: '404', value: 1 },
      { method: 'GET', route: 'unmatched', status: '404', value: 1 },
      { method: 'GET', route: 'unmatched', status: '403', value: 1 },
    ]);
  });
});
