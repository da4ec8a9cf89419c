import { HttpException, HttpStatus } from '@nestjs/common';

/** An error with a stable machine-readable code, rendered into the error envelope by ApiExceptionFilter. */
export class ApiError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super({ code, message, details }, status);
  }

  /** 401: credentials are required and none (or none valid) came with the request. */
  static unauthenticated(
    message = 'Log in or send an API token (Authorization: Bearer …).',
  ): ApiError {
    return new ApiError(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', message);
  }

  /** 403: the caller is known but its role or ownership does not allow this. */
  static forbidden(message: string, details?: unknown): ApiError {
    return new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', message, details);
  }

  static notFound(code: string, message: string, details?: unknown): ApiError {
    return new ApiError(HttpStatus.NOT_FOUND, code, message, details);
  }

  static conflict(code: string, message: string, details?: unknown): ApiError {
    return new ApiError(HttpStatus.CONFLICT, code, message, details);
  }

  static badRequest(code: string, message: string, details?: unknown): ApiError {
    return new ApiError(HttpStatus.BAD_REQUEST, code, message, details);
  }

  static unprocessable(code: string, message: string, details?: unknown): ApiError {
    return new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, code, message, details);
  }

  /** 422 for an order a risk rule refused: the rule's limit and the requested amount travel beside the code. */
  static riskRejection(
    code: string,
    message: string,
    limit: number | null,
    requested: number | null,
    details?: Record<string, unknown>,
  ): ApiError {
    return new RiskRejectionApiError(code, message, limit, requested, {
      rule: code,
      limit,
      requested,
      ...details,
    });
  }
}

/** A risk rejection; ApiExceptionFilter copies `limit` and `requested` into the error envelope. */
export class RiskRejectionApiError extends ApiError {
  constructor(
    code: string,
    message: string,
    readonly limit: number | null,
    readonly requested: number | null,
    details: Record<string, unknown>,
  ) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, code, message, details);
  }
}
