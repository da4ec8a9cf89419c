import { ApiError, quoteInput, requestValidationPipe } from '@ptp/api/shared';
import { BacktestRequestDto } from './backtest-request.dto';

/** The part of a multipart upload that multer hands over for the `file` field. */
export interface UploadedCsvFile {
  readonly buffer: Buffer;
  readonly size: number;
  readonly originalname: string;
}

/** The global pipe's rules, so an upload is held to exactly those of the JSON endpoint. */
const validation = requestValidationPipe();

function invalid(message: string, problem: string): ApiError {
  return ApiError.badRequest('VALIDATION_FAILED', message, [problem]);
}

/**
 * POST /api/backtests/upload: the `request` field is the JSON of POST /api/backtests without the CSV
 * text, and the `file` field is the CSV. `source` may be omitted or be `{type:"csv", adjusted?}`.
 */
export async function uploadedBacktestRequest(
  file: UploadedCsvFile | undefined,
  requestField: unknown,
): Promise<BacktestRequestDto> {
  if (!file)
    throw invalid('The multipart form needs a file field with the CSV.', 'file is required');
  if (typeof requestField !== 'string')
    throw invalid(
      'The multipart form needs a request field with the backtest as JSON.',
      'request is required',
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(requestField);
  } catch (error) {
    throw ApiError.badRequest(
      'INVALID_JSON',
      `The request field is not valid JSON: ${quoteInput((error as Error).message)}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw invalid('The request field must be a JSON object.', 'request must be an object');
  const source = (parsed as Record<string, unknown>)['source'] ?? { type: 'csv' };
  if (
    typeof source !== 'object' ||
    source === null ||
    (source as Record<string, unknown>)['type'] !== 'csv' ||
    'csv' in source
  ) {
    throw invalid(
      'With an uploaded file, source must be omitted or be {"type":"csv","adjusted"?: boolean}.',
      'source must be {"type":"csv"} without csv text',
    );
  }
  return validation.transform(
    { ...parsed, source: { ...source, csv: file.buffer.toString('utf8') } },
    { type: 'body', metatype: BacktestRequestDto },
  );
}
