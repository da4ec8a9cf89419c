import { applyDecorators, HttpStatus } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const metadataSchema = {
  type: 'object',
  properties: {
    execution_time_ms: { type: 'number', example: 3 },
    version: { type: 'string', example: '0.1.0' },
  },
};

/** Documents a success answer wrapped in the envelope, with an example of `data`. */
export function ApiEnvelopeResponse(
  description: string,
  example: unknown,
  status: number = HttpStatus.OK,
): MethodDecorator {
  return ApiResponse({
    status,
    description,
    schema: {
      type: 'object',
      properties: {
        status: { type: 'string', example: 'success' },
        timestamp: { type: 'string', format: 'date-time', example: '2026-01-05T15:04:05.000Z' },
        data: { example },
        metadata: metadataSchema,
      },
    },
  });
}

/** Documents error answers: each status with the codes it can carry. */
export function ApiErrorResponses(
  errors: Readonly<Record<number, readonly string[]>>,
): MethodDecorator {
  return applyDecorators(
    ...Object.entries(errors).map(([status, codes]) =>
      ApiResponse({
        status: Number(status),
        description: `Error envelope; error.code is one of ${codes.join(', ')}.`,
        schema: {
          type: 'object',
          properties: {
            status: { type: 'string', example: 'error' },
            timestamp: { type: 'string', format: 'date-time' },
            data: { type: 'null' },
            error: {
              type: 'object',
              properties: {
                code: { type: 'string', enum: [...codes] },
                message: { type: 'string' },
                details: {},
              },
            },
            metadata: metadataSchema,
          },
        },
      }),
    ),
  );
}
