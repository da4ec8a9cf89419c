import { HttpStatus } from '@nestjs/common';
import type { Request, RequestHandler } from 'express';
import { ApiError } from './api-error';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface CrossSiteGuardOptions {
  /** Origins other than the server's own that may change state (server.corsOrigins). */
  readonly corsOrigins: readonly string[];
  /** POST paths that take multipart/form-data; every other body must be JSON. */
  readonly multipartPaths: readonly string[];
}

function normalizedOrigin(value: string): string | undefined {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * The origin the request was sent to. X-Forwarded-Proto is believed here because a browser cannot
 * set it on a cross-site request without a CORS preflight, and any other client could just as well
 * leave Origin out: it only lets a TLS-terminating proxy's `https` Origin match.
 */
function ownOrigin(request: Request): string | undefined {
  const forwarded = request.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0].trim();
  // A raw upgrade request (WebSocket) has no Express `protocol`; the server speaks plain HTTP.
  const scheme = proto === 'https' || proto === 'http' ? proto : (request.protocol ?? 'http');
  return request.headers.host ? normalizedOrigin(`${scheme}://${request.headers.host}`) : undefined;
}

/** Content-Length 0 is no body: many clients send it with a bodiless POST. */
function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}

function mediaType(request: Request): string {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

function crossSite(message: string): ApiError {
  return new ApiError(HttpStatus.FORBIDDEN, 'CROSS_SITE_REQUEST', message);
}

function isCrossSite(request: Request, allowed: ReadonlySet<string>): ApiError | undefined {
  const header = request.headers.origin;
  const origin = header === undefined ? undefined : normalizedOrigin(header);
  if (origin !== undefined && allowed.has(origin)) return undefined;
  if (header !== undefined && (origin === undefined || origin !== ownOrigin(request))) {
    return crossSite(`Requests from ${JSON.stringify(header)} may not change state here.`);
  }
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
    return crossSite(`A ${fetchSite} request may not change state here.`);
  }
  return undefined;
}

/**
 * The refusal of a request from a page of another origin (not the server's, not in `corsOrigins`),
 * whatever its method: a WebSocket handshake is a GET that a cross-site page may open.
 */
export function crossSiteRefusal(
  request: Request,
  corsOrigins: readonly string[],
): ApiError | undefined {
  const allowed = new Set(corsOrigins.map(normalizedOrigin).filter((o) => o !== undefined));
  return isCrossSite(request, allowed);
}

/**
 * Stops cross-site request forgery before any body is read: a state-changing request from a page of
 * another origin answers 403, and a body other than JSON (multipart on the listed upload paths)
 * answers 415. HTML forms can post only urlencoded, multipart or text/plain bodies without a CORS
 * preflight, so demanding JSON also covers browsers that send no Origin. Bodiless requests pass the
 * type check; the origin check alone protects them.
 */
export function crossSiteGuard(options: CrossSiteGuardOptions): RequestHandler {
  const allowed = new Set(
    options.corsOrigins.map(normalizedOrigin).filter((origin) => origin !== undefined),
  );
  const multipartPaths = new Set(options.multipartPaths);
  return (request, _response, next) => {
    if (!STATE_CHANGING.has(request.method)) return next();
    const refusal = isCrossSite(request, allowed);
    if (refusal) return next(refusal);
    if (!hasBody(request)) return next();
    const type = mediaType(request);
    const accepted =
      request.method === 'POST' && multipartPaths.has(request.path)
        ? ['application/json', 'multipart/form-data']
        : ['application/json'];
    if (accepted.includes(type)) return next();
    next(
      new ApiError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'UNSUPPORTED_MEDIA_TYPE',
        `This ${request.method} body must be ${accepted.join(' or ')}, not ${JSON.stringify(type || '(no Content-Type)')}.`,
      ),
    );
  };
}
