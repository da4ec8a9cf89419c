import { parse } from 'cookie';
import type { Request } from 'express';

export const SESSION_COOKIE = 'ptp_session';

/** `Authorization: Bearer <token>`, or undefined. */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

export function sessionSecret(request: Request): string | undefined {
  const header = request.headers.cookie;
  return header ? parse(header)[SESSION_COOKIE] : undefined;
}

/** The client's address (the proxy's view of it with server.trustProxy), for logs and throttles. */
export function clientIp(request: Request): string | null {
  return (request.ip ?? request.socket.remoteAddress ?? null)?.slice(0, 64) ?? null;
}
