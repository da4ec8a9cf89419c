import {
  ArcElement,
  BarController,
  BarElement,
  DoughnutController,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';
import { provideCharts } from 'ng2-charts';
import { CHART_COLORS } from './chart-theme';

/**
 * Only the Chart.js pieces the dashboard draws (lines, areas, fill markers, doughnut, bars), so the rest
 * of Chart.js is tree-shaken. Time runs on a linear axis of UTC ms, which avoids a date-adapter dependency.
 */
export function provideDashboardCharts() {
  return provideCharts({
    registerables: [
      ArcElement,
      BarController,
      BarElement,
      DoughnutController,
      Filler,
      Legend,
      LineController,
      LineElement,
      LinearScale,
      PointElement,
      ScatterController,
      Tooltip,
    ],
    defaults: {
      animation: false,
      borderColor: CHART_COLORS.grid,
      color: CHART_COLORS.text,
      font: {
        family: "ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, monospace",
        size: 10,
      },
      maintainAspectRatio: false,
      responsive: true,
    },
  });
}
