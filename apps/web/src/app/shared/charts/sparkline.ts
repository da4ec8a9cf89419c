import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** SVG polyline points for values scaled into a width × height box (y grows downwards). */
export function sparklinePath(values: readonly number[], width: number, height: number): string {
  if (values.length < 2) return '';
  const min = Math.min(...values);
  const max = Math.max(...values);
  const range = max - min || 1;
  const step = width / (values.length - 1);
  return values
    .map((v, i) => `${(i * step).toFixed(1)},${(height - ((v - min) / range) * height).toFixed(1)}`)
    .join(' ');
}

/** A tiny inline price trend for tables: plain SVG, far cheaper than a chart per row. */
@Component({
  selector: 'ptp-sparkline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg
      [attr.width]="width()"
      [attr.height]="height()"
      [attr.viewBox]="'0 0 ' + width() + ' ' + height()"
      aria-hidden="true"
    >
      <polyline [attr.points]="points()" fill="none" [attr.stroke]="color()" stroke-width="1.2" />
    </svg>
  `,
  styles: `
    :host {
      display: inline-block;
      vertical-align: middle;
      line-height: 0;
    }
  `,
})
export class Sparkline {
  readonly values = input.required<readonly number[]>();
  readonly width = input(80);
  readonly height = input(18);

  protected readonly points = computed(() =>
    sparklinePath(this.values(), this.width(), this.height()),
  );
  protected readonly color = computed(() => {
    const v = this.values();
    return v.length > 1 && v[v.length - 1] < v[0] ? '#ff4d4f' : '#27d17f';
  });
}
