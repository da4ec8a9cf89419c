import { StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { JSON_CONTENT_TYPE, SUCCESS_ENVELOPE_HEAD, successEnvelopeTail } from './envelope';
import { type GzipPrefix, gzipPrefix, gzipSplice } from './gzip-splice';

/**
 * A success envelope whose data is serialized once, and deflated once the first client asks for
 * gzip, then answered to any number of requests. Serializing and compressing a large answer (a full
 * chart: hundreds of kB) cost each request far more than the rest of it; only the request's stamp
 * (timestamp, timing, request id) is made per request. It follows the data, so the envelope's head and
 * data stay one constant part: a gzip answer splices that part's deflate stream with the stamp's.
 * The same fields as the EnvelopeInterceptor's answer, which a handler returning this leaves alone.
 */
export class PreparedEnvelope {
  private readonly constant: Buffer;
  private deflated?: GzipPrefix;

  constructor(data: unknown) {
    this.constant = Buffer.from(`${SUCCESS_ENVELOPE_HEAD}${JSON.stringify(data ?? null)}`);
  }

  /** This request's answer: gzip if the client prefers it to identity, else plain (for the compression middleware). */
  answer(request: Request, response: Response, version: string): StreamableFile {
    const stamp = Buffer.from(successEnvelopeTail(request, version));
    response.vary('Accept-Encoding');
    const gzip = request.acceptsEncodings('gzip', 'identity') === 'gzip';
    if (gzip) response.setHeader('Content-Encoding', 'gzip');
    const body = gzip
      ? gzipSplice((this.deflated ??= gzipPrefix(this.constant)), stamp)
      : Buffer.concat([this.constant, stamp]);
    return new StreamableFile(body, { type: JSON_CONTENT_TYPE, length: body.length });
  }
}
