import { HttpClient, HttpHeaders, HttpParams, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { SuccessEnvelope } from '@ptp/contracts';
import { type Observable, catchError, map, throwError } from 'rxjs';
import { toApiFailure } from './api-failure';

export type QueryParams = Record<string, string | number | boolean | undefined>;

/** The answer to a conditional GET: either fresh data with its ETag, or "unchanged" (HTTP 304). */
export type Conditional<T> =
  | { readonly changed: true; readonly data: T; readonly etag: string | null }
  | { readonly changed: false };

function toParams(query: QueryParams = {}): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params = params.set(key, String(value));
  }
  return params;
}

/**
 * The one place that speaks HTTP: unwraps the success envelope and turns every failure into an
 * ApiFailure, so feature services stay one-liners typed over @ptp/contracts.
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  get<T>(path: string, query?: QueryParams): Observable<T> {
    return this.unwrap(this.http.get<SuccessEnvelope<T>>(path, { params: toParams(query) }));
  }

  /** GET with If-None-Match; a 304 costs no body and is reported as `changed: false`. */
  getConditional<T>(
    path: string,
    query: QueryParams,
    etag: string | null,
  ): Observable<Conditional<T>> {
    const headers = etag ? new HttpHeaders({ 'If-None-Match': etag }) : undefined;
    return this.http
      .get<SuccessEnvelope<T>>(path, { headers, observe: 'response', params: toParams(query) })
      .pipe(
        map((response: HttpResponse<SuccessEnvelope<T>>): Conditional<T> => {
          if (response.status === 304 || response.body === null) return { changed: false };
          return { changed: true, data: response.body.data, etag: response.headers.get('ETag') };
        }),
        catchError((error: unknown) => {
          if ((error as { status?: number }).status === 304) return [{ changed: false } as const];
          return throwError(() => toApiFailure(error));
        }),
      );
  }

  post<T>(path: string, body: unknown = {}): Observable<T> {
    return this.unwrap(this.http.post<SuccessEnvelope<T>>(path, body));
  }

  patch<T>(path: string, body: unknown, query?: QueryParams): Observable<T> {
    return this.unwrap(
      this.http.patch<SuccessEnvelope<T>>(path, body, { params: toParams(query) }),
    );
  }

  delete<T>(path: string, query?: QueryParams): Observable<T> {
    return this.unwrap(this.http.delete<SuccessEnvelope<T>>(path, { params: toParams(query) }));
  }

  private unwrap<T>(request: Observable<SuccessEnvelope<T>>): Observable<T> {
    return request.pipe(
      map((envelope) => envelope.data),
      catchError((error: unknown) => throwError(() => toApiFailure(error))),
    );
  }
}
