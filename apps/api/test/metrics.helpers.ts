import request from 'supertest';
import { type MetricFamily, parsePrometheusText, type Sample } from './prometheus-text';
import type { TestApp } from './test-app';

/** Scrapes GET /metrics (200 expected) and parses it strictly. */
export async function scrape(
  t: TestApp,
  authorization?: string,
): Promise<Map<string, MetricFamily>> {
  let call = request(t.app.getHttpServer()).get('/metrics');
  if (authorization) call = call.set('Authorization', authorization);
  const response = await call.expect(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain;.*\bversion=0\.0\.4\b/);
  return parsePrometheusText(response.text);
}

/** The family `name` with its type, or a failure naming what is missing. */
export function familyOf(
  families: Map<string, MetricFamily>,
  name: string,
  type: MetricFamily['type'],
): MetricFamily {
  const found = families.get(name);
  expect({ name, type: found?.type }).toEqual({ name, type });
  return found as MetricFamily;
}

/** Samples named `name` whose labels include `labels`. */
export function samplesOf(
  family: MetricFamily,
  name: string,
  labels: Record<string, string> = {},
): Sample[] {
  return family.samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
}

/** The one sample value of a series, 0 when the series has not appeared yet. */
export function valueOf(
  family: MetricFamily,
  name: string,
  labels: Record<string, string>,
): number {
  const found = samplesOf(family, name, labels);
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0]?.value ?? 0;
}
