import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  afterNextRender,
  effect,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import {
  BarController,
  BarElement,
  type ActiveElement,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  TimeScale,
  Tooltip,
  type TooltipModel,
} from 'chart.js';
import 'chartjs-adapter-date-fns';
import { CandlestickController, CandlestickElement } from 'chartjs-chart-financial';
import zoomPlugin from 'chartjs-plugin-zoom';
import { timeTooltipLabel } from '../../shared/charts/time-axis';
import {
  type CandleChartInput,
  type FillDatasetMeta,
  candleDatasets,
  candleOptions,
} from './candle-chart.config';
import { type FillWithDecision, fillTooltipLines } from './candles.view';

// This module loads only with the price screen, and with it the financial, zoom and date plugins.
Chart.register(
  BarController,
  BarElement,
  CandlestickController,
  CandlestickElement,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  TimeScale,
  Tooltip,
  zoomPlugin,
);

interface TooltipView {
  readonly left: number;
  readonly top: number;
  readonly title: string;
  readonly lines: readonly string[];
}

function fillAt(chart: Chart, datasetIndex: number, index: number): FillWithDecision | null {
  const meta = (chart.data.datasets[datasetIndex] as { fillMeta?: FillDatasetMeta }).fillMeta;
  return meta?.fills[index] ?? null;
}

/** Candles with volume and the strategy's indicator panes; zoom and pan on x; HTML tooltips. */
@Component({
  selector: 'ptp-candle-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tools" role="group" aria-label="Zoom">
      <button type="button" class="btn btn--small btn--ghost" (click)="zoom(1.5)">Zoom in</button>
      <button type="button" class="btn btn--small btn--ghost" (click)="zoom(1 / 1.5)">
        Zoom out
      </button>
      <button type="button" class="btn btn--small btn--ghost" (click)="resetZoom()">Reset</button>
    </div>
    <div class="chart" [style.height.px]="height()">
      <canvas #canvas role="img" [attr.aria-label]="ariaLabel()"></canvas>
      @if (tooltip(); as tip) {
        <div
          class="tip"
          role="tooltip"
          data-testid="chart-tooltip"
          [style.left.px]="tip.left"
          [style.top.px]="tip.top"
        >
          <div class="tip__title">{{ tip.title }}</div>
          @for (line of tip.lines; track $index) {
            <div>{{ line }}</div>
          }
        </div>
      }
    </div>
  `,
  styles: `
    .chart {
      position: relative;
      width: 100%;
    }
    .tools {
      display: flex;
      gap: 0.2rem;
      justify-content: flex-end;
    }
    .tip {
      position: absolute;
      pointer-events: none;
      z-index: 2;
      max-width: 22rem;
      padding: 0.35rem 0.5rem;
      background: #0b0d10;
      border: 1px solid var(--accent);
      font-family: var(--mono);
      font-size: 0.72rem;
      color: var(--text);
      white-space: pre-wrap;
    }
    .tip__title {
      color: var(--accent);
    }
  `,
})
export class CandleChart {
  readonly data = input.required<CandleChartInput>();
  readonly height = input(460);
  readonly ariaLabel = input('price chart');
  /** A fill marker was clicked: the decision behind it, when there is one. */
  readonly fillSelected = output<FillWithDecision>();

  protected readonly tooltip = signal<TooltipView | null>(null);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart | null = null;

  constructor() {
    afterNextRender(() => this.create());
    effect(() => {
      const data = this.data();
      if (!this.chart) return;
      this.chart.data.datasets = candleDatasets(data);
      this.chart.update('none');
    });
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }

  /** Shows the tooltip of a fill, as hovering it would (keyboard users reach fills from the list). */
  showFill(fill: FillWithDecision): void {
    const chart = this.chart;
    if (!chart) return;
    for (const [datasetIndex, dataset] of chart.data.datasets.entries()) {
      const fills = (dataset as { fillMeta?: FillDatasetMeta }).fillMeta?.fills ?? [];
      const index = fills.findIndex((f) => f.fill.tradeId === fill.fill.tradeId);
      if (index < 0) continue;
      const point = chart.getDatasetMeta(datasetIndex).data[index];
      chart.tooltip?.setActiveElements([{ datasetIndex, index }], { x: point.x, y: point.y });
      chart.update('none');
      return;
    }
  }

  protected zoom(factor: number): void {
    this.chart?.zoom(factor);
  }

  protected resetZoom(): void {
    this.chart?.resetZoom();
  }

  private create(): void {
    const data = this.data();
    const hasRsi = data.lines.some((l) => l.pane === 'rsi');
    this.chart = new Chart(this.canvas().nativeElement, {
      type: 'candlestick',
      data: { datasets: candleDatasets(data) },
      options: {
        ...candleOptions(hasRsi, ({ chart, tooltip }) =>
          this.renderTooltip(chart as Chart, tooltip),
        ),
        onClick: (_event: unknown, elements: ActiveElement[], chart: Chart) => {
          for (const { datasetIndex, index } of elements) {
            const fill = fillAt(chart, datasetIndex, index);
            if (fill) return this.fillSelected.emit(fill);
          }
        },
      },
    } as never);
  }

  private renderTooltip(chart: Chart, model: TooltipModel<'candlestick'>): void {
    if (model.opacity === 0 || model.dataPoints.length === 0) return this.tooltip.set(null);
    const point = model.dataPoints[0];
    const lines = model.dataPoints.flatMap((item) => {
      const fill = fillAt(chart, item.datasetIndex, item.dataIndex);
      if (fill) return fillTooltipLines(fill);
      const raw = item.raw as { o?: number; h?: number; l?: number; c?: number; y?: number };
      if (raw.o !== undefined) return [`O ${raw.o}  H ${raw.h}  L ${raw.l}  C ${raw.c}`];
      return [`${item.dataset.label ?? ''}: ${Number((raw.y ?? 0).toFixed(4))}`];
    });
    const width = chart.width;
    this.tooltip.set({
      left: Math.min(Math.max(model.caretX + 12, 0), Math.max(width - 260, 0)),
      top: Math.max(model.caretY - 20, 0),
      title: timeTooltipLabel((point.parsed as { x: number }).x),
      lines,
    });
  }
}
