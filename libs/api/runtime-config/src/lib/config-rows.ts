import type { PortfolioConfigEntity } from '@ptp/api/persistence';
import type { ConfigOverrides } from './runtime-config.resolve';

const STRATEGY_KEY_PREFIX = 'strategies.';

/** One portfolio_config row per top-level key, and one per strategy so a strategy's params stay one JSON value. */
export function overridesToRows(
  accountId: string,
  overrides: ConfigOverrides,
  updatedAt: number,
): PortfolioConfigEntity[] {
  const rows: PortfolioConfigEntity[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    if (key === 'strategies') {
      for (const [name, params] of Object.entries(value as Record<string, unknown>)) {
        rows.push({
          accountId,
          key: STRATEGY_KEY_PREFIX + name,
          value: JSON.stringify(params),
          updatedAt,
        });
      }
    } else {
      rows.push({ accountId, key, value: JSON.stringify(value), updatedAt });
    }
  }
  return rows;
}

export function rowsToOverrides(rows: readonly PortfolioConfigEntity[]): ConfigOverrides {
  const overrides: Record<string, unknown> = {};
  const strategies: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    const value: unknown = JSON.parse(row.value);
    if (row.key.startsWith(STRATEGY_KEY_PREFIX))
      strategies[row.key.slice(STRATEGY_KEY_PREFIX.length)] = value as Record<string, number>;
    else overrides[row.key] = value;
  }
  return { ...overrides, ...(Object.keys(strategies).length > 0 ? { strategies } : {}) };
}
