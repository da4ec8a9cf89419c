import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { AuditInterceptor } from '@ptp/api/identity';
import { EnvelopeInterceptor } from '@ptp/api/shared';
import type { Observable } from 'rxjs';

/**
 * The envelope around the audit, registered as ONE global interceptor. Nest wraps every global
 * interceptor in an async function, a deferred observable and an async resource of its own on every
 * request (docs/benchmarks.md, "HTTP API: before and after"). The order is the one the two had as
 * separate interceptors: the envelope outside, so it wraps what the audited handler answered.
 */
@Injectable()
export class ResponseInterceptor implements NestInterceptor {
  constructor(
    private readonly envelope: EnvelopeInterceptor,
    private readonly audit: AuditInterceptor,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return this.envelope.intercept(context, {
      handle: () => this.audit.intercept(context, next),
    });
  }
}
