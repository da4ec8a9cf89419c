import { HttpStatus } from '@nestjs/common';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { ApiExceptionFilter } from './api-exception.filter';
import { ApiError } from './api-error';
import { quoteInput } from './quote-input';

interface BodyParserError {
  type?: string;
  status?: number;
  message: string;
}

function toApiError(error: BodyParserError): ApiError {
  switch (error.type) {
    case 'entity.parse.failed':
      return ApiError.badRequest(
        'INVALID_JSON',
        `The request body is not valid JSON: ${quoteInput(error.message)}`,
      );
    case 'entity.too.large':
      return new ApiError(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'PAYLOAD_TOO_LARGE',
        'The request body is too large.',
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'UNSUPPORTED_MEDIA_TYPE',
        error.message,
      );
    default:
      return new ApiError(error.status ?? HttpStatus.BAD_REQUEST, 'BAD_REQUEST', error.message);
  }
}

/** Runs a body parser and turns its failures into ApiErrors with stable codes before Nest sees them. */
function withCodedErrors(parser: RequestHandler): RequestHandler {
  return (request, response, next) =>
    parser(request, response, (error?: unknown) =>
      next(error ? toApiError(error as BodyParserError) : undefined),
    );
}

/**
 * The JSON parser with its size limit and coded errors. It is the only one: every route takes JSON
 * except the backtest upload, whose multer interceptor reads its own multipart body, and a form or
 * text parser would only hand forged form posts a parsed body.
 */
export function bodyParsers(jsonLimit: string): RequestHandler[] {
  return [withCodedErrors(express.json({ limit: jsonLimit }))];
}

/**
 * Answers body-parser and perimeter failures (any ApiError passed to `next`) at once. Passed on, they would cross the static dashboard's error
 * middleware, which turns every error on an API path into a 404.
 */
export function bodyParserErrors(filter: ApiExceptionFilter): ErrorRequestHandler {
  return (error: unknown, request, response, next) =>
    error instanceof ApiError ? filter.render(error, request, response) : next(error);
}
