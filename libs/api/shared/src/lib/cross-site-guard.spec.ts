import type { Request, Response } from 'express';
import { crossSiteGuard } from './cross-site-guard';

const guard = crossSiteGuard({
  corsOrigins: ['https://dashboard.example'],
  multipartPaths: ['/api/upload'],
});

interface Probe {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
}

/** Runs the guard on a request sent to http://127.0.0.1:5000; returns the code it refused with, or 'next'. */
function decide({ method = 'POST', path = '/api/things', headers = {} }: Probe): string {
  const request = {
    method,
    path,
    protocol: 'http',
    headers: { host: '127.0.0.1:5000', ...headers },
  };
  let outcome = 'next not called';
  guard(request as unknown as Request, {} as Response, (error?: unknown) => {
    outcome = error ? (error as { code: string }).code : 'next';
  });
  return outcome;
}

const json = { 'content-type': 'application/json', 'content-length': '2' };
const form = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '3' };

describe('crossSiteGuard', () => {
  it.each(['GET', 'HEAD', 'OPTIONS'])('leaves %s alone whatever it carries', (method) =>
    expect(decide({ method, headers: { ...form, origin: 'https://evil.example' } })).toBe('next'),
  );

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('refuses a cross-site %s', (method) =>
    expect(decide({ method, headers: { ...json, origin: 'https://evil.example' } })).toBe(
      'CROSS_SITE_REQUEST',
    ),
  );

  it.each([
    ['an opaque origin', { origin: 'null' }],
    ['another port', { origin: 'http://127.0.0.1:5001' }],
    ['another scheme', { origin: 'https://127.0.0.1:5000' }],
    ['another loopback name', { origin: 'http://localhost:5000' }],
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site same-site', { 'sec-fetch-site': 'same-site' }],
  ])('refuses %s', (_name, headers) =>
    expect(decide({ headers: { ...json, ...headers } })).toBe('CROSS_SITE_REQUEST'),
  );

  it.each([
    ['the same origin', { origin: 'http://127.0.0.1:5000', 'sec-fetch-site': 'same-origin' }],
    ['no Origin at all', {}],
    [
      'a configured CORS origin',
      { origin: 'https://dashboard.example', 'sec-fetch-site': 'cross-site' },
    ],
    ['a user-typed request', { 'sec-fetch-site': 'none' }],
  ])('lets %s through', (_name, headers) =>
    expect(decide({ headers: { ...json, ...headers } })).toBe('next'),
  );

  it('takes the scheme from X-Forwarded-Proto, so a TLS proxy keeps same-origin requests working', () => {
    const headers = {
      ...json,
      host: 'paper.example.com',
      origin: 'https://paper.example.com',
      'x-forwarded-proto': 'https',
    };
    expect(decide({ headers })).toBe('next');
    expect(decide({ headers: { ...headers, 'x-forwarded-proto': 'http' } })).toBe(
      'CROSS_SITE_REQUEST',
    );
  });

  it.each([
    ['a form', form],
    ['text/plain', { 'content-type': 'text/plain', 'content-length': '3' }],
    ['no Content-Type', { 'content-length': '3' }],
    [
      'a chunked form',
      { 'content-type': 'multipart/form-data; boundary=x', 'transfer-encoding': 'chunked' },
    ],
  ])('answers a body of %s with 415', (_name, headers) =>
    expect(decide({ headers })).toBe('UNSUPPORTED_MEDIA_TYPE'),
  );

  it('accepts JSON with parameters and any case', () =>
    expect(
      decide({
        headers: { 'content-type': 'Application/JSON; charset=utf-8', 'content-length': '2' },
      }),
    ).toBe('next'));

  it('accepts multipart only as a POST to a listed path', () => {
    const headers = { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '9' };
    expect(decide({ path: '/api/upload', headers })).toBe('next');
    expect(decide({ method: 'PUT', path: '/api/upload', headers })).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(decide({ path: '/api/things', headers })).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('checks the origin of a listed multipart path too', () => {
    const headers = {
      'content-type': 'multipart/form-data; boundary=x',
      'content-length': '9',
      origin: 'https://evil.example',
    };
    expect(decide({ path: '/api/upload', headers })).toBe('CROSS_SITE_REQUEST');
  });

  it('lets a bodiless POST through whatever its Content-Type says', () => {
    expect(decide({ headers: {} })).toBe('next');
    expect(decide({ headers: { 'content-type': 'text/plain', 'content-length': '0' } })).toBe(
      'next',
    );
  });
});
