/** Polls until `probe` yields a value (errors count as "not yet"); fails with `what` after the timeout. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** 600× market speed: a 60 s signal interval ticks every 100 ms of wall time. */
export const FAST_MARKET = { SIMULATION_SPEED: '600' };

/** A session that trades within seconds at 600×: MA crossover 2/5 on AAPL and MSFT, a tick a minute. */
export const TRADING_SESSION = {
  strategy: 'ma-crossover',
  params: { fast: 2, slow: 5 },
  symbols: ['AAPL', 'MSFT'],
  signalIntervalSec: 60,
};
