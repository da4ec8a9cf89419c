/** Chart colours; kept in step with the CSS variables in styles.scss (canvas cannot read CSS variables cheaply). */
export const CHART_COLORS = {
  accent: '#ffa028',
  benchmark: '#4aa3ff',
  cash: '#9aa3ad',
  gain: '#27d17f',
  grid: '#262a31',
  loss: '#ff4d4f',
  text: '#aab1ba',
} as const;

/** Distinct series colours for allocations and run comparisons. */
export const SERIES_PALETTE = [
  '#ffa028',
  '#4aa3ff',
  '#27d17f',
  '#c678dd',
  '#f5c518',
  '#56b6c2',
  '#ff6b9a',
  '#9aa3ad',
  '#e06c75',
  '#98c379',
] as const;

export function paletteColor(index: number): string {
  return SERIES_PALETTE[index % SERIES_PALETTE.length];
}
