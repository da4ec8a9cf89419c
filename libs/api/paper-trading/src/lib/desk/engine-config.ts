import type { RuntimeConfig } from '@ptp/contracts';
import type { EngineConfig } from '@ptp/domain';

/** The strategy a running session applies to its symbols. */
export interface SessionStrategy {
  readonly strategy: string;
  readonly params: Readonly<Record<string, number>>;
  readonly symbols: readonly string[];
}

/**
 * An account's engine settings: risk limits, fees, slippage and execution (volume cap, limit rule)
 * from its runtime config, the
 * session's strategy on the session's symbols (none without a session: manual orders only), and
 * ids prefixed with the account id so they are unique across accounts.
 */
export function engineConfig(
  accountId: string,
  startingCapital: string,
  runtime: RuntimeConfig,
  session: SessionStrategy | null,
): EngineConfig {
  const strategies = Object.fromEntries(
    (session?.symbols ?? []).map((symbol) => [
      symbol,
      { name: session?.strategy as string, params: session?.params },
    ]),
  );
  return {
    startingCash: Number(startingCapital),
    strategies,
    risk: runtime.risk,
    fees: runtime.fees,
    slippageBps: runtime.slippageBps,
    execution: runtime.execution,
    sizing: { mode: 'auto' },
    idPrefix: `${accountId}-`,
  };
}
