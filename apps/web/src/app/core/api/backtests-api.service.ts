import { Injectable, inject } from '@angular/core';
import type {
  BacktestRequest,
  BacktestRun,
  BacktestRunsPage,
  BacktestStatus,
  BacktestUploadRequest,
} from '@ptp/contracts';
import type { Observable } from 'rxjs';
import { ApiClient } from './api-client.service';

@Injectable({ providedIn: 'root' })
export class BacktestsApi {
  private readonly api = inject(ApiClient);

  list(limit = 50, status?: BacktestStatus): Observable<BacktestRunsPage> {
    return this.api.get<BacktestRunsPage>('/api/backtests', { limit, status });
  }

  get(id: string): Observable<BacktestRun> {
    return this.api.get<BacktestRun>(`/api/backtests/${encodeURIComponent(id)}`);
  }

  start(request: BacktestRequest): Observable<BacktestRun> {
    return this.api.post<BacktestRun>('/api/backtests', request);
  }

  /** A CSV file goes as multipart/form-data, so files beyond the JSON body limit still run. */
  upload(request: BacktestUploadRequest, file: Blob, fileName: string): Observable<BacktestRun> {
    const form = new FormData();
    form.append('request', JSON.stringify(request));
    form.append('file', file, fileName);
    return this.api.post<BacktestRun>('/api/backtests/upload', form);
  }

  cancel(id: string): Observable<BacktestRun> {
    return this.api.delete<BacktestRun>(`/api/backtests/${encodeURIComponent(id)}`);
  }
}
