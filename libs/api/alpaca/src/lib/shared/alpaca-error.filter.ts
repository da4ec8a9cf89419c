import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Response } from 'express';

/** Alpaca's error body: a numeric code (HTTP status followed by a detail number) and a message. */
export interface AlpacaErrorBody {
  readonly code: number;
  readonly message: string;
}

/** Our codes that Alpaca reports as 403: the order needs more buying power than there is. */
const BUYING_POWER_CODES = new Set(['INSUFFICIENT_CASH']);

/**
 * The status Alpaca uses for the same situation: invalid requests are 422 (our 400 and 409 too,
 * e.g. a client_order_id reused for another order), insufficient buying power is 403.
 */
export function alpacaStatus(status: number, code: string | undefined): number {
  if (code !== undefined && BUYING_POWER_CODES.has(code)) return HttpStatus.FORBIDDEN;
  if (status === HttpStatus.BAD_REQUEST || status === HttpStatus.CONFLICT)
    return HttpStatus.UNPROCESSABLE_ENTITY;
  return status;
}

function validationMessage(messages: unknown[]): string {
  return messages.map(String).join('; ');
}

/** Our error as Alpaca's body; the message starts with our code, e.g. `RISK_MAX_POSITION: …`. */
export function alpacaError(exception: HttpException): { status: number; body: AlpacaErrorBody } {
  const response = exception.getResponse();
  const fields = (typeof response === 'object' && response !== null ? response : {}) as {
    code?: unknown;
    message?: unknown;
    details?: unknown;
  };
  let code = typeof fields.code === 'string' ? fields.code : undefined;
  let message = typeof fields.message === 'string' ? fields.message : exception.message;
  if (exception instanceof ThrottlerException) {
    code = 'RATE_LIMITED';
    message = 'Too many requests; slow down and retry later.';
  } else if (Array.isArray(fields.message)) {
    code = 'VALIDATION_FAILED';
    message = validationMessage(fields.message);
  } else if (code === 'VALIDATION_FAILED' && Array.isArray(fields.details)) {
    message = `${message} ${validationMessage(fields.details)}`;
  }
  const status = alpacaStatus(exception.getStatus(), code);
  return {
    status,
    body: { code: status * 100_000 + 10_000, message: code ? `${code}: ${message}` : message },
  };
}

/** Renders every error of the `/v2` routes, guards' refusals included, in Alpaca's shape. */
@Catch()
export class AlpacaExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(AlpacaExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    if (exception instanceof HttpException) {
      const { status, body } = alpacaError(exception);
      response.status(status).json(body);
      return;
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    response.status(500).json({ code: 50_010_000, message: 'internal server error' });
  }
}
