import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  StreamableFile,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { APP_VERSION } from './app-version';
import { jsonEtag } from './content-etag';
import { JSON_CONTENT_TYPE, SUCCESS_ENVELOPE_HEAD, successEnvelopeTail } from './envelope';
import { RAW_RESPONSE } from './raw-response.decorator';

/**
 * Wraps every JSON result in the success envelope. A GET's ETag names the data alone (unless the
 * handler set its own), so Express answers a matching If-None-Match with 304 on any instance.
 */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_VERSION) private readonly version: string,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || this.reflector.get(RAW_RESPONSE, context.getHandler()))
      return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    // The data is serialized once, for its ETag and for the body, which is sent as that text.
    return next.handle().pipe(
      map((data: unknown) => {
        if (data instanceof StreamableFile) return data;
        const json = JSON.stringify(data ?? null);
        if (request.method === 'GET' && !response.getHeader('ETag'))
          response.setHeader('ETag', jsonEtag(json));
        response.setHeader('Content-Type', JSON_CONTENT_TYPE);
        return SUCCESS_ENVELOPE_HEAD + json + successEnvelopeTail(request, this.version);
      }),
    );
  }
}
