import { ChangeDetectionStrategy, Component, computed, inject, untracked } from '@angular/core';
import { formatDuration, formatMoney, pnlClass } from '../core/format/format';
import { HealthState } from '../core/state/health-state.service';
import { Now } from '../core/state/now.service';
import { TradingStatus } from '../core/state/trading-status.service';
import { ConnectionIndicator } from './connection-indicator';
import { HealthBadge } from './health-badge';
import { marketDataAgeSec } from './market-data-age';
import { marketClock } from './market-clock';
import { UserMenu } from './user-menu';

@Component({
  selector: 'ptp-status-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ConnectionIndicator, HealthBadge, UserMenu],
  templateUrl: './status-bar.html',
  styleUrl: './status-bar.scss',
})
export class StatusBar {
  private readonly status = inject(TradingStatus);
  private readonly health = inject(HealthState);
  private readonly now = inject(Now);

  /** The market status with the wall time it arrived, which the countdown runs from. */
  private readonly received = computed(() => {
    const market = this.status.marketStatus.value();
    return market ? { market, at: untracked(this.now.ms) } : null;
  });
  protected readonly clock = computed(() => {
    const received = this.received();
    return received ? marketClock(received.market, this.now.ms(), received.at) : null;
  });
  protected readonly countdown = computed(() => formatDuration(this.clock()?.secondsLeft));
  protected readonly provider = computed(() => this.status.marketStatus.value()?.provider ?? '—');
  protected readonly providerState = computed(
    () => this.status.marketStatus.value()?.providerState ?? '',
  );
  protected readonly dataAge = computed(() => {
    const age = marketDataAgeSec(this.health.report());
    return age === null ? '—' : formatDuration(age);
  });
  protected readonly session = computed(() => this.status.session.value());
  protected readonly sessionState = computed(() => (this.session()?.state ?? '—').toUpperCase());
  protected readonly equity = computed(() => formatMoney(this.session()?.equity));
  protected readonly dayPnl = computed(() => formatMoney(this.session()?.dayPnl, { signed: true }));
  protected readonly dayPnlClass = computed(() => pnlClass(this.session()?.dayPnl));
}
