import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import type { Account } from '@ptp/contracts';
import { forkJoin, type Observable } from 'rxjs';
import { AccountsApi } from '../../core/api/accounts-api.service';
import type { ApiFailure } from '../../core/api/api-failure';
import { FORMAT_PIPES } from '../../core/format/format.pipes';
import { pollResource } from '../../core/polling/poll-resource';
import { AccountContext } from '../../core/state/account-context.service';
import { TimeSeriesChart } from '../../shared/charts/time-series-chart';
import { ConfirmButton } from '../../shared/ui/confirm-button';
import { WriteGuard } from '../../shared/ui/write-guard';
import {
  accountReturnPct,
  type ComparedAccount,
  comparisonLines,
  comparisonRows,
} from './account-comparison';

@Component({
  selector: 'ptp-accounts-screen',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...FORMAT_PIPES, ConfirmButton, TimeSeriesChart, WriteGuard],
  templateUrl: './accounts-screen.html',
  styleUrl: './accounts-screen.scss',
})
export class AccountsScreen {
  private readonly api = inject(AccountsApi);
  protected readonly context = inject(AccountContext);
  protected readonly accounts = pollResource(() => this.api.list());
  protected readonly currentId = computed(
    () => this.context.accountId() ?? this.accounts.value()?.find((a) => a.isDefault)?.id ?? null,
  );
  protected readonly returnPct = accountReturnPct;

  protected readonly compared = signal<Readonly<Record<string, ComparedAccount>>>({});
  private readonly comparedAccounts = computed(() =>
    (this.accounts.value() ?? []).filter((a) => a.id in this.compared()),
  );
  protected readonly comparison = computed(() => {
    const charts = Object.fromEntries(
      Object.entries(this.compared()).map(([id, { chart }]) => [id, chart]),
    );
    return comparisonLines(this.comparedAccounts(), charts);
  });
  protected readonly comparisonRows = computed(() =>
    comparisonRows(this.comparedAccounts(), this.compared()),
  );
  /** The current account is compared from the start, so the screen opens on its curve. */
  private readonly compareCurrentFirst = effect(() => {
    const current = this.accounts.value()?.find((a) => a.id === this.currentId());
    if (!current) return;
    this.compareCurrentFirst.destroy();
    this.toggleCompare(current);
  });
  protected readonly formatIndex = (value: number) => `${value.toFixed(1)}`;

  protected readonly name = signal('');
  protected readonly capital = signal(500);
  protected readonly failure = signal<ApiFailure | null>(null);

  protected use(account: Account): void {
    this.context.select(account.isDefault ? null : account.id);
  }

  protected toggleCompare(account: Account): void {
    if (account.id in this.compared()) {
      this.compared.update(({ [account.id]: _removed, ...rest }) => rest);
      return;
    }
    const loads = { chart: this.api.chartData(account.id), metrics: this.api.metrics(account.id) };
    forkJoin(loads).subscribe({
      next: (loaded) => this.compared.update((all) => ({ ...all, [account.id]: loaded })),
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
