/** Metadata carried by every JSON response. */
export interface ResponseMetadata {
  readonly execution_time_ms: number;
  readonly version: string;
  readonly request_id?: string;
}

export interface SuccessEnvelope<T> {
  readonly status: 'success';
  /** ISO-8601 UTC time the response was produced. */
  readonly timestamp: string;
  readonly data: T;
  readonly metadata: ResponseMetadata;
}

export interface ApiErrorBody {
  /** Stable, machine-readable code, e.g. VALIDATION_FAILED, RISK_MAX_POSITION, NOT_FOUND. */
  readonly code: string;
  readonly message: string;
  /** Risk rejections (422): the rule's limit and what the order asked for, in the rule's unit. */
  readonly limit?: number | null;
  readonly requested?: number | null;
  readonly details?: unknown;
}

export interface ErrorEnvelope {
  readonly status: 'error';
  readonly timestamp: string;
  readonly data: null;
  readonly error: ApiErrorBody;
  readonly metadata: ResponseMetadata;
}

export type ApiEnvelope<T> = SuccessEnvelope<T> | ErrorEnvelope;
