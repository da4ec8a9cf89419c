import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ApiErrorBody } from '@ptp/contracts';

export const HTTP_TESTING_PROVIDERS = [provideHttpClient(), provideHttpClientTesting()];

export function httpTesting(): HttpTestingController {
  return TestBed.inject(HttpTestingController);
}

/** The API's success envelope around `data`, as the server sends it. */
export function envelope<T>(data: T) {
  return {
    status: 'success',
    timestamp: '2025-01-02T15:00:00.000Z',
    data,
    metadata: { execution_time_ms: 1, version: 'test' },
  };
}

export function errorEnvelope(error: ApiErrorBody) {
  return {
    status: 'error',
    timestamp: '2025-01-02T15:00:00.000Z',
    data: null,
    error,
    metadata: { execution_time_ms: 1, version: 'test' },
  };
}
