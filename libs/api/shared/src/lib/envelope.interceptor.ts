import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  StreamableFile,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { map, type Observable } from 'rxjs';
import { APP_VERSION } from './app-version';
import { successEnvelope } from './envelope';
import { RAW_RESPONSE } from './raw-response.decorator';

/** Wraps every JSON result in the success envelope. */
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
    return next
      .handle()
      .pipe(
        map((data: unknown) =>
          data instanceof StreamableFile
            ? data
            : successEnvelope(data ?? null, request, this.version),
        ),
      );
  }
}
