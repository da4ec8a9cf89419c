import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { formatClock } from '../core/format/format';
import { ConnectionStatus } from '../core/polling/connection-status.service';

@Component({
  selector: 'ptp-connection-indicator',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (connection.lost()) {
      <span class="lost" data-testid="connection-lost" role="alert"
        >CONNECTION LOST, RETRYING…</span
      >
    }
    <span class="muted" data-testid="last-update">UPD {{ lastUpdate() }}</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      gap: 0.75rem;
    }
    .lost {
      color: var(--bg);
      background: var(--loss);
      padding: 0 0.4rem;
      font-weight: 700;
    }
  `,
})
export class ConnectionIndicator {
  protected readonly connection = inject(ConnectionStatus);
  protected readonly lastUpdate = computed(() => formatClock(this.connection.lastUpdateAt()));
}
