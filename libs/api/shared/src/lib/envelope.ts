import type { IncomingMessage } from 'node:http';
import type {
  ApiErrorBody,
  ErrorEnvelope,
  ResponseMetadata,
  SuccessEnvelope,
} from '@ptp/contracts';
import { elapsedMs, requestIdOf } from './request-timing';

/** What differs between two answers of the same data: when and for which request it was made. */
interface EnvelopeStamp {
  readonly timestamp: string;
  readonly metadata: ResponseMetadata;
}

function stamp(request: IncomingMessage, version: string): EnvelopeStamp {
  const requestId = requestIdOf(request);
  return {
    timestamp: new Date().toISOString(),
    metadata: {
      execution_time_ms: elapsedMs(request),
      version,
      ...(requestId ? { request_id: requestId } : {}),
    },
  };
}

/** The data comes before the stamp, so a serialized envelope opens with a part that is constant per data. */
export function successEnvelope<T>(
  data: T,
  request: IncomingMessage,
  version: string,
): SuccessEnvelope<T> {
  return { status: 'success', data, ...stamp(request, version) };
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** `JSON.stringify(successEnvelope(data, …))` up to the serialized data. */
export const SUCCESS_ENVELOPE_HEAD = '{"status":"success","data":';

/**
 * `JSON.stringify(successEnvelope(data, …))` after the serialized data, for this request: an answer
 * whose data is serialized once may be sent as `SUCCESS_ENVELOPE_HEAD` + data + this.
 */
export function successEnvelopeTail(request: IncomingMessage, version: string): string {
  return `,${JSON.stringify(stamp(request, version)).slice(1)}`;
}

export function errorEnvelope(
  error: ApiErrorBody,
  request: IncomingMessage,
  version: string,
): ErrorEnvelope {
  return { status: 'error', data: null, error, ...stamp(request, version) };
}
