import { parse } from 'cookie';
import type { Request } from 'express';

export const SESSION_COOKIE = 'ptp_session';

/** `Authorization: Bearer <token>`, or undefined. */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** An API token as a request carries it: its secret, and the token id the caller says it is. */
export interface PresentedToken {
  readonly secret: string;
  /** Alpaca's `APCA-API-KEY-ID`; when sent it must be the token's id. */
  readonly keyId?: string;
}

/**
 * The API token of a request: `Authorization: Bearer <token>`, or Alpaca's key pair
 * (`APCA-API-KEY-ID` = the token's id, `APCA-API-SECRET-KEY` = the token), so Alpaca clients
 * authenticate unchanged.
 */
export function presentedToken(request: Request): PresentedToken | undefined {
  const bearer = bearerToken(request);
  if (bearer) return { secret: bearer };
  const secret = request.headers['apca-api-secret-key'];
  const keyId = request.headers['apca-api-key-id'];
  if (typeof secret !== 'string' || secret === '') return undefined;
  return typeof keyId === 'string' ? { secret, keyId } : { secret };
}

export function sessionSecret(request: Request): string | undefined {
  const header = request.headers.cookie;
  return header ? parse(header)[SESSION_COOKIE] : undefined;
}

/** The client's address (the proxy's view of it with server.trustProxy), for logs and throttles. */
export function clientIp(request: Request): string | null {
  return (request.ip ?? request.socket.remoteAddress ?? null)?.slice(0, 64) ?? null;
}
