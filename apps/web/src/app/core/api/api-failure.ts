import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody, ErrorEnvelope } from '@ptp/contracts';

/** A failed API call, reduced to what the UI shows: the HTTP status and the server's machine-readable error. */
export class ApiFailure extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Risk rejections (422): the rule's limit and what the order asked for, in the rule's unit. */
    readonly limit: number | null = null,
    readonly requested: number | null = null,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  /** No answer at all (server down, network gone) or a gateway/server failure: worth retrying. */
  get isConnectionProblem(): boolean {
    return this.httpStatus === 0 || this.httpStatus === 502 || this.httpStatus === 504;
  }
}

function isErrorEnvelope(body: unknown): body is ErrorEnvelope {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<ErrorEnvelope>;
  return (
    candidate.status === 'error' && typeof candidate.error === 'object' && candidate.error !== null
  );
}

export function toApiFailure(error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error;
  if (error instanceof HttpErrorResponse) {
    if (isErrorEnvelope(error.error)) {
      const body: ApiErrorBody = error.error.error;
      return new ApiFailure(
        error.status,
        body.code,
        body.message,
        body.details,
        body.limit ?? null,
        body.requested ?? null,
      );
    }
    if (error.status === 0) return new ApiFailure(0, 'NETWORK_ERROR', 'The server did not answer.');
    return new ApiFailure(error.status, `HTTP_${error.status}`, error.message);
  }
  return new ApiFailure(0, 'CLIENT_ERROR', error instanceof Error ? error.message : String(error));
}
