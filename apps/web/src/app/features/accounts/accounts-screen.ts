import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { Account, ChartData } from '@ptp/contracts';
import type { Observable } from 'rxjs';
import { AccountsApi } from '../../core/api/accounts-api.service';
import type { ApiFailure } from '../../core/api/api-failure';
import { FORMAT_PIPES } from '../../core/format/format.pipes';
import { toNum } from '../../core/format/parse';
import { pollResource } from '../../core/polling/poll-resource';
import { AccountContext } from '../../core/state/account-context.service';
import type { LineSeries } from '../../shared/charts/chart-series';
import { paletteColor } from '../../shared/charts/chart-theme';
import { TimeSeriesChart } from '../../shared/charts/time-series-chart';
import { ConfirmButton } from '../../shared/ui/confirm-button';
import { WriteGuard } from '../../shared/ui/write-guard';

/** Return since inception in percent, when the account reports its starting capital. */
export function accountReturnPct(account: Account): number | null {
  const start = toNum(account.startingCapital);
  const equity = toNum(account.equity);
  return start && equity !== null ? ((equity - start) / start) * 100 : null;
}

/** Each compared account's equity as a percentage of its starting capital, so different sizes compare. */
export function comparisonLines(
  accounts: readonly Account[],
  charts: Readonly<Record<string, ChartData>>,
): LineSeries[] {
  return accounts.flatMap((account, i) => {
    const chart = charts[account.id];
    if (!chart || chart.startingCapital <= 0) return [];
    const points = chart.equity.map((p) => ({
      x: p.time,
      y: (p.equity / chart.startingCapital) * 100,
    }));
    return [{ label: account.name, color: paletteColor(i), points }];
  });
}

@Component({
  selector: 'ptp-accounts-screen',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...FORMAT_PIPES, ConfirmButton, TimeSeriesChart, WriteGuard],
  templateUrl: './accounts-screen.html',
  styles: `
    .current {
      background: var(--panel-2);
    }
    .actions {
      display: flex;
      gap: 0.3rem;
    }
  `,
})
export class AccountsScreen {
  private readonly api = inject(AccountsApi);
  protected readonly context = inject(AccountContext);
  protected readonly accounts = pollResource(() => this.api.list());
  protected readonly currentId = computed(
    () => this.context.accountId() ?? this.accounts.value()?.find((a) => a.isDefault)?.id ?? null,
  );
  protected readonly returnPct = accountReturnPct;

  protected readonly compareCharts = signal<Readonly<Record<string, ChartData>>>({});
  protected readonly comparison = computed(() =>
    comparisonLines(
      (this.accounts.value() ?? []).filter((a) => a.id in this.compareCharts()),
      this.compareCharts(),
    ),
  );
  protected readonly formatIndex = (value: number) => `${value.toFixed(1)}`;

  protected readonly name = signal('');
  protected readonly capital = signal(500);
  protected readonly failure = signal<ApiFailure | null>(null);

  protected use(account: Account): void {
    this.context.select(account.isDefault ? null : account.id);
  }

  protected toggleCompare(account: Account): void {
    if (account.id in this.compareCharts()) {
      this.compareCharts.update(({ [account.id]: _removed, ...rest }) => rest);
      return;
    }
    this.api.chartData(account.id).subscribe({
      next: (chart) => this.compareCharts.update((charts) => ({ ...charts, [account.id]: chart })),
      error: (failure: ApiFailure) => this.failure.set(failure),
    });
  }

  protected create(event: Event): void {
    event.preventDefault();
    if (!this.name().trim()) return;
    this.act(this.api.create(this.name().trim(), this.capital()), () => this.name.set(''));
  }

  protected reset(account: Account): void {
    this.act(this.api.reset(account.id));
  }

  protected remove(account: Account): void {
    this.act(this.api.remove(account.id), () => {
      if (this.context.accountId() === account.id) this.context.select(null);
    });
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  private act(request: Observable<unknown>, after?: () => void): void {
    this.failure.set(null);
    request.subscribe({
      next: () => {
        after?.();
        this.accounts.refresh();
      },
      error: (failure: ApiFailure) => this.failure.set(failure),
    });
  }
}
