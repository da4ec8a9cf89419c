export interface Series {
  readonly name: string;
  readonly values: readonly number[];
}

export interface Panel {
  readonly title: string;
  readonly unit: string;
  readonly series: readonly Series[];
}

const WIDTH = 860;
const PANEL_HEIGHT = 260;
const MARGIN = { left: 60, right: 200, top: 30, bottom: 40 };
const COLOURS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
];

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

function panelSvg(panel: Panel, top: number, days: number): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = niceMax(Math.max(0, ...panel.series.flatMap((s) => s.values)));
  const x = (day: number) => MARGIN.left + (days <= 1 ? 0 : ((day - 1) / (days - 1)) * plotWidth);
  const y = (value: number) => top + MARGIN.top + plotHeight - (value / max) * plotHeight;
  const parts = [
    `<text x="${MARGIN.left}" y="${top + 18}" font-size="14" font-weight="bold">${escape(panel.title)}</text>`,
    `<line x1="${MARGIN.left}" y1="${y(0)}" x2="${MARGIN.left + plotWidth}" y2="${y(0)}" stroke="#444"/>`,
    `<line x1="${MARGIN.left}" y1="${y(0)}" x2="${MARGIN.left}" y2="${y(max)}" stroke="#444"/>`,
  ];
  for (const fraction of [0, 0.25, 0.5, 0.75, 1]) {
    const value = max * fraction;
    parts.push(
      `<text x="${MARGIN.left - 6}" y="${y(value) + 4}" font-size="11" text-anchor="end">${+value.toPrecision(3)} ${escape(panel.unit)}</text>`,
      `<line x1="${MARGIN.left}" y1="${y(value)}" x2="${MARGIN.left + plotWidth}" y2="${y(value)}" stroke="#ddd"/>`,
    );
  }
  for (const day of [1, Math.ceil(days / 2), days]) {
    parts.push(
      `<text x="${x(day)}" y="${y(0) + 16}" font-size="11" text-anchor="middle">day ${day}</text>`,
    );
  }
  panel.series.forEach((series, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const points = series.values.map((v, d) => `${x(d + 1).toFixed(1)},${y(v).toFixed(1)}`);
    parts.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="1.5" points="${points.join(' ')}"/>`,
      `<text x="${MARGIN.left + plotWidth + 10}" y="${top + MARGIN.top + 14 * i + 10}" font-size="11" fill="${colour}">${escape(series.name)}</text>`,
    );
  });
  return parts.join('\n');
}

/** A plain SVG with one line panel under another, sharing the simulated-day axis. */
export function lineChartSvg(panels: readonly Panel[], days: number): string {
  const height = PANEL_HEIGHT * panels.length;
  const body = panels.map((panel, i) => panelSvg(panel, i * PANEL_HEIGHT, days)).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
${body}
</svg>
`;
}
