import { Injectable, effect, inject } from '@angular/core';
import { type Observable, map } from 'rxjs';
import { ApiClient } from '../api/api-client.service';
import type { ChartData } from '@ptp/contracts';
import { pollResource } from '../polling/poll-resource';
import { AccountContext } from './account-context.service';
import { mergeChartData } from './chart-data-merge';

/**
 * The equity curve, price series and fill markers, kept up to date with incremental polls of
 * /api/chart-data: `since=` asks only for what is new and If-None-Match makes an idle poll a 304.
 */
@Injectable({ providedIn: 'root' })
export class ChartDataStore {
  private readonly api = inject(ApiClient);
  private readonly account = inject(AccountContext);
  private etag: string | null = null;
  private readonly resource = pollResource<ChartData>((current) => this.load(current));

  readonly data = this.resource.value;
  readonly error = this.resource.error;

  constructor() {
    let previousAccount = this.account.accountId();
    effect(() => {
      const accountId = this.account.accountId();
      if (accountId === previousAccount) return;
      previousAccount = accountId;
      this.etag = null;
      this.resource.reset();
    });
  }

  private load(current: ChartData | undefined): Observable<ChartData> {
    if (!current) this.etag = null;
    return this.api
      .getConditional<ChartData>(
        '/api/chart-data',
        { ...this.account.query(), since: current?.asOf },
        this.etag,
      )
      .pipe(
        map((answer) => {
          if (!answer.changed) return current as ChartData;
          this.etag = answer.etag;
          return mergeChartData(current, answer.data);
        }),
      );
  }
}
