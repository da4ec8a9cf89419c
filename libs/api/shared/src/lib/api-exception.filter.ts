import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Inject,
  Logger,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { ApiErrorBody } from '@ptp/contracts';
import type { Request, Response } from 'express';
import { RiskRejectionApiError } from './api-error';
import { APP_VERSION } from './app-version';
import { errorEnvelope } from './envelope';
import { boundDetails, MAX_ERROR_MESSAGE_CHARS, quoteInput } from './quote-input';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

function fromHttpException(exception: HttpException): ApiErrorBody {
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (exception instanceof RiskRejectionApiError) {
    return {
      code: exception.code,
      message: exception.message,
      limit: exception.limit,
      requested: exception.requested,
      details: exception.details,
    };
  }
  if (exception instanceof ThrottlerException) {
    return { code: 'RATE_LIMITED', message: 'Too many requests; slow down and retry later.' };
  }
  if (typeof response === 'object' && response !== null) {
    const body = response as { code?: unknown; message?: unknown; details?: unknown };
    if (typeof body.code === 'string') {
      return {
        code: body.code,
        message: String(body.message ?? exception.message),
        details: body.details,
      };
    }
    if (Array.isArray(body.message)) {
      return {
        code: 'VALIDATION_FAILED',
        message: 'The request is invalid.',
        details: body.message,
      };
    }
    if (typeof body.message === 'string') {
      return { code: CODE_BY_STATUS[status] ?? 'HTTP_ERROR', message: body.message };
    }
  }
  return { code: CODE_BY_STATUS[status] ?? 'HTTP_ERROR', message: exception.message };
}

/** Whatever raised it, an answer never repeats more than a bounded part of the request. */
function bounded(body: ApiErrorBody): ApiErrorBody {
  const { details, ...rest } = body;
  return {
    ...rest,
    message: quoteInput(body.message, MAX_ERROR_MESSAGE_CHARS),
    ...(details === undefined ? {} : { details: boundDetails(details) }),
  };
}

/** Renders every error, including body-parser and unexpected ones, as the error envelope. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  constructor(@Inject(APP_VERSION) private readonly version: string) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    this.render(exception, context.getRequest<Request>(), context.getResponse<Response>());
  }

  /** Also used by the error middleware beside the body parsers, which runs outside Nest's pipeline. */
  render(exception: unknown, request: Request, response: Response): void {
    let status: number = HttpStatus.INTERNAL_SERVER_ERROR;
    let body: ApiErrorBody;
    if (exception instanceof HttpException) {
      status = exception.getStatus();
      body = fromHttpException(exception);
    } else {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
      body = { code: 'INTERNAL_ERROR', message: 'An unexpected error occurred.' };
    }
    if (response.headersSent) return;
    response.status(status).json(errorEnvelope(bounded(body), request, this.version));
  }
}
