import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { HealthState } from '../core/state/health-state.service';

const LABELS = {
  checking: 'CHECKING',
  healthy: 'HEALTHY',
  unhealthy: 'UNHEALTHY',
  unreachable: 'UNREACHABLE',
} as const;

@Component({
  selector: 'ptp-health-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <a
      class="badge"
      routerLink="/system"
      [class]="'badge badge--' + health.badge()"
      [attr.title]="title()"
      data-testid="health-badge"
      [attr.data-state]="health.badge()"
      >● {{ label() }}</a
    >
  `,
  styles: `
    .badge {
      font: inherit;
      letter-spacing: 0.06em;
      text-decoration: none;
      padding: 0 0.5rem;
      border: 1px solid currentColor;
    }
    .badge--healthy {
      color: var(--gain);
    }
    .badge--unhealthy {
      color: var(--warn);
    }
    .badge--unreachable {
      color: var(--loss);
    }
    .badge--checking {
      color: var(--muted);
    }
  `,
})
export class HealthBadge {
  protected readonly health = inject(HealthState);
  protected readonly label = computed(() => LABELS[this.health.badge()]);
  protected readonly title = computed(() => {
    const failing = this.health.failing();
    return failing.length > 0
      ? `Failing checks: ${failing.join(', ')}`
      : 'Service health from /health';
  });
}
