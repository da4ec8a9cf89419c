import type { IncomingMessage } from 'node:http';
import type {
  ApiErrorBody,
  ErrorEnvelope,
  ResponseMetadata,
  SuccessEnvelope,
} from '@ptp/contracts';
import { elapsedMs, requestIdOf } from './request-timing';

function metadata(request: IncomingMessage, version: string): ResponseMetadata {
  const requestId = requestIdOf(request);
  return {
    execution_time_ms: elapsedMs(request),
    version,
    ...(requestId ? { request_id: requestId } : {}),
  };
}

export function successEnvelope<T>(
  data: T,
  request: IncomingMessage,
  version: string,
): SuccessEnvelope<T> {
  return {
    status: 'success',
    timestamp: new Date().toISOString(),
    data,
    metadata: metadata(request, version),
  };
}

export function errorEnvelope(
  error: ApiErrorBody,
  request: IncomingMessage,
  version: string,
): ErrorEnvelope {
  return {
    status: 'error',
    timestamp: new Date().toISOString(),
    data: null,
    error,
    metadata: metadata(request, version),
  };
}
