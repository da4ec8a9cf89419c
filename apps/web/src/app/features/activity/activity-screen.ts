import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { Order } from '@ptp/contracts';
import { of } from 'rxjs';
import type { ApiFailure } from '../../core/api/api-failure';
import { ConfigApi } from '../../core/api/config-api.service';
import { MarketApi } from '../../core/api/market-api.service';
import { OrdersApi } from '../../core/api/orders-api.service';
import { PortfolioApi } from '../../core/api/portfolio-api.service';
import { pollResource } from '../../core/polling/poll-resource';
import { AccountContext } from '../../core/state/account-context.service';
import { ChartDataStore } from '../../core/state/chart-data-store.service';
import { WriteGuard } from '../../shared/ui/write-guard';
import { OrderTicket } from '../order-ticket/order-ticket';
import type { OrderTicketForm } from '../order-ticket/order-ticket.model';
import { openOrderRows, positionRows, toOrderRequest, watchRows } from './activity.view';
import { LedgerActivityTable } from './ledger-activity-table';
import { ledgerActivityRows } from './ledger-activity.view';
import { OpenOrdersTable } from './open-orders-table';
import { PositionsTable } from './positions-table';
import { WatchlistTable } from './watchlist-table';

@Component({
  selector: 'ptp-activity-screen',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    LedgerActivityTable,
    OpenOrdersTable,
    OrderTicket,
    PositionsTable,
    WatchlistTable,
    WriteGuard,
  ],
  templateUrl: './activity-screen.html',
  styleUrl: './activity-screen.scss',
})
export class ActivityScreen {
  private readonly router = inject(Router);
  private readonly ordersApi = inject(OrdersApi);
  private readonly portfolioApi = inject(PortfolioApi);
  private readonly marketApi = inject(MarketApi);
  private readonly configApi = inject(ConfigApi);
  private readonly chartData = inject(ChartDataStore);
  private readonly account = inject(AccountContext);

  protected readonly portfolio = pollResource(() => this.portfolioApi.portfolio());
  protected readonly orders = pollResource(() => this.ordersApi.open());
  protected readonly activities = pollResource(() => this.portfolioApi.activities(50));
  private readonly config = pollResource(() => this.configApi.config());
  private readonly watchlist = computed(
    () => this.config.value()?.watchlist ?? Object.keys(this.chartData.data()?.prices ?? {}),
  );
  protected readonly quotes = pollResource(() =>
    this.watchlist().length > 0 ? this.marketApi.quotes(this.watchlist()) : of([]),
  );

  protected readonly positionRows = computed(() => positionRows(this.portfolio.value()));
  protected readonly orderRows = computed(() => openOrderRows(this.orders.value()));
  protected readonly activityRows = computed(() =>
    ledgerActivityRows(this.activities.value()?.items),
  );
  protected readonly watchRows = computed(() =>
    watchRows(this.watchlist(), this.quotes.value(), this.chartData.data()),
  );
  protected readonly lastPrices = computed(() =>
    Object.fromEntries(
      this.watchRows().flatMap((row) =>
        row.last === null ? [] : [[row.symbol, row.last] as const],
      ),
    ),
  );

  /** Every fill of the account as CSV (GET /api/trades.csv). */
  protected readonly csvUrl = computed(() => {
    const id = this.account.accountId();
    return id === null ? '/api/trades.csv' : `/api/trades.csv?accountId=${encodeURIComponent(id)}`;
  });

  protected readonly sending = signal(false);
  protected readonly rejection = signal<ApiFailure | null>(null);
  protected readonly accepted = signal<Order | null>(null);
  protected readonly cancelling = signal<readonly string[]>([]);
  protected readonly cancelError = signal<ApiFailure | null>(null);

  protected send(form: OrderTicketForm): void {
    this.sending.set(true);
    this.rejection.set(null);
    this.accepted.set(null);
    this.ordersApi.place(toOrderRequest(form)).subscribe({
      next: (order) => {
        this.sending.set(false);
        this.accepted.set(order);
        this.refreshAll();
      },
      error: (failure: ApiFailure) => {
        this.sending.set(false);
        this.rejection.set(failure);
      },
    });
  }

  protected cancel(id: string): void {
    this.cancelling.update((ids) => [...ids, id]);
    this.cancelError.set(null);
    this.ordersApi.cancel(id).subscribe({
      next: () => this.finishCancel(id),
      error: (failure: ApiFailure) => {
        this.cancelError.set(failure);
        this.finishCancel(id);
      },
    });
  }

  protected openChart(symbol: string): void {
    void this.router.navigate(['/chart', symbol]);
  }

  private finishCancel(id: string): void {
    this.cancelling.update((ids) => ids.filter((x) => x !== id));
    this.refreshAll();
  }

  private refreshAll(): void {
    this.orders.refresh();
    this.portfolio.refresh();
    this.activities.refresh();
  }
}
