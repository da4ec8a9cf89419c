import { HttpStatus } from '@nestjs/common';
import type { RequestHandler } from 'express';
import { ApiError } from './api-error';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The server speaks plain HTTP; a browser leaves the port out of Host only for the default one. */
const DEFAULT_PORT = '80';

interface HostPort {
  readonly host: string;
  readonly port: string | undefined;
}

/** Splits `host`, `host:port`, `[v6]` or `[v6]:port`, lower-cased; undefined for anything else. */
export function parseHost(value: string | undefined): HostPort | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::(\d{1,5}))?$/.exec(
    (value ?? '').trim().toLowerCase(),
  );
  return match ? { host: match[1], port: match[2] } : undefined;
}

function hostNotAllowed(host: string | undefined): ApiError {
  return new ApiError(
    HttpStatus.FORBIDDEN,
    'HOST_NOT_ALLOWED',
    `The Host header ${JSON.stringify(host ?? '')} is not one this server answers to; add it to ALLOWED_HOSTS (server.allowedHosts).`,
  );
}

/**
 * Refuses every request whose Host is neither a loopback name on the port the server is serving on
 * nor listed in `allowedHosts`. A DNS-rebinding page reaches a local server under the attacker's
 * host name, so the Host header is what tells it apart from the dashboard. Entries without a port
 * match any port, for a reverse proxy that forwards its own public Host.
 */
export function hostAllowList(allowedHosts: readonly string[]): RequestHandler {
  const allowed = allowedHosts.map(parseHost).filter((entry) => entry !== undefined);
  return (request, _response, next) => {
    const header = request.headers.host;
    const target = parseHost(header);
    const port = target?.port ?? DEFAULT_PORT;
    const ok =
      target !== undefined &&
      ((LOOPBACK_NAMES.has(target.host) && port === String(request.socket.localPort)) ||
        allowed.some(
          (entry) =>
            entry.host === target.host && (entry.port === undefined || entry.port === port),
        ));
    next(ok ? undefined : hostNotAllowed(header));
  };
}
