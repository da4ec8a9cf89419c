import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import type { HealthIndicatorResult } from '@ptp/contracts';
import { formatBytes, formatDuration } from '../../core/format/format';
import { HealthState } from '../../core/state/health-state.service';
import { Sparkline } from '../../shared/charts/sparkline';
import { appendHealthSample, type HealthHistory, trendRows } from './health-trends';

export interface HealthRow {
  readonly name: string;
  readonly status: 'up' | 'down';
  readonly details: readonly { readonly key: string; readonly value: string }[];
}

/** Sizes (`…Bytes`) and ages (`…Sec`) read as such; anything else as it came. */
function describe(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number' && /bytes$/i.test(key)) return formatBytes(value);
  if (typeof value === 'number' && /sec$/i.test(key)) return formatDuration(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function toHealthRows(details: Record<string, HealthIndicatorResult>): HealthRow[] {
  return Object.entries(details).map(([name, { status, ...rest }]) => ({
    name,
    status,
    details: Object.entries(rest).map(([key, value]) => ({ key, value: describe(key, value) })),
  }));
}

@Component({
  selector: 'ptp-health-screen',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Sparkline],
  templateUrl: './health-screen.html',
  styleUrl: './health-screen.scss',
})
export class HealthScreen {
  protected readonly health = inject(HealthState);
  protected readonly rows = computed(() => toHealthRows(this.health.report()?.details ?? {}));
  protected readonly uptime = computed(() => formatDuration(this.health.report()?.uptimeSec));
  protected readonly instance = computed(() => this.health.report()?.instance ?? null);

  private readonly history = signal<HealthHistory>({});
  protected readonly trends = computed(() => trendRows(this.history()));

  constructor() {
    // Every poll adds a sample, so the trends show how the process moved since the screen opened.
    effect(() => {
      const report = this.health.report();
      if (report) this.history.update((history) => appendHealthSample(history, report));
    });
  }
}
