import type { Request, Response } from 'express';
import { ApiError } from './api-error';
import { hostAllowList, parseHost } from './host-allow-list';

/** Runs the middleware on a request with this Host arriving on local port 5000; returns what reached next(). */
function decide(allowedHosts: readonly string[], host: string | undefined): unknown {
  const request = { headers: host === undefined ? {} : { host }, socket: { localPort: 5000 } };
  let passed: unknown = 'next not called';
  hostAllowList(allowedHosts)(request as unknown as Request, {} as Response, (error?: unknown) => {
    passed = error;
  });
  return passed;
}

const refused = expect.objectContaining({ code: 'HOST_NOT_ALLOWED' });

describe('hostAllowList', () => {
  it.each(['127.0.0.1:5000', 'localhost:5000', 'LOCALHOST:5000', '[::1]:5000'])(
    'lets the loopback name %s on the serving port through',
    (host) => expect(decide([], host)).toBeUndefined(),
  );

  it.each(['localhost:5001', '127.0.0.1:80', 'localhost', '[::1]:4999'])(
    'refuses the loopback name %s on another port',
    (host) => expect(decide([], host)).toEqual(refused),
  );

  it.each(['rebind.attacker.example', 'rebind.attacker.example:5000', '', 'a b', 'x@y:5000'])(
    'refuses %j when nothing else is allowed',
    (host) => expect(decide([], host)).toEqual(refused),
  );

  it('refuses a request without a Host header', () => {
    const error = decide([], undefined);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).getStatus()).toBe(403);
  });

  it('matches an allowed name on any port, case-insensitively', () => {
    const allowed = ['Paper.Example.com'];
    expect(decide(allowed, 'paper.example.com')).toBeUndefined();
    expect(decide(allowed, 'PAPER.example.COM:8443')).toBeUndefined();
    expect(decide(allowed, 'evil.paper.example.com')).toEqual(refused);
  });

  it('matches an allowed host:port on that port only (no port in Host means 80)', () => {
    const allowed = ['paper.lan:8080', 'plain.lan:80'];
    expect(decide(allowed, 'paper.lan:8080')).toBeUndefined();
    expect(decide(allowed, 'paper.lan:8081')).toEqual(refused);
    expect(decide(allowed, 'paper.lan')).toEqual(refused);
    expect(decide(allowed, 'plain.lan')).toBeUndefined();
  });

  it('parses bracketed IPv6 literals and rejects anything with a scheme or path', () => {
    expect(parseHost('[FE80::1]:9')).toEqual({ host: '[fe80::1]', port: '9' });
    expect(parseHost('http://x')).toBeUndefined();
    expect(parseHost('x/y')).toBeUndefined();
  });
});
