import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const START = Symbol('requestStart');
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

type TrackedRequest = IncomingMessage & { [START]?: bigint; id?: unknown };

/**
 * First middleware of every request: remembers the arrival time and assigns the request id (a
 * well-formed incoming X-Request-Id is kept), so even body-parser failures carry both.
 */
export function requestContext(
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
): void {
  const tracked = request as TrackedRequest;
  tracked[START] = process.hrtime.bigint();
  const incoming = request.headers['x-request-id'];
  tracked.id =
    typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', tracked.id as string);
  next();
}

export function elapsedMs(request: IncomingMessage): number {
  const start = (request as TrackedRequest)[START];
  if (start === undefined) return 0;
  return Math.round(Number(process.hrtime.bigint() - start) / 1e4) / 100;
}

export function requestIdOf(request: IncomingMessage): string | undefined {
  const id = (request as TrackedRequest).id;
  return typeof id === 'string' ? id : undefined;
}
