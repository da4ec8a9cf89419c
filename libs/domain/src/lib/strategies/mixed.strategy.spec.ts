import fc from 'fast-check';
import { MixedStrategy } from './mixed.strategy';
import type { StrategySignal } from './strategy';
import { barsFrom } from './testing/bars';

const small = {
  fast: 1,
  slow: 2,
  rsiPeriod: 2,
  oversold: 30,
  overbought: 70,
  entryPeriod: 2,
  exitPeriod: 2,
};

function run(closes: number[], holding: boolean, params = small): StrategySignal[] {
  const strategy = new MixedStrategy(params);
  return barsFrom(closes).map((bar) => strategy.onBar(bar, { holding }));
}

describe('mixed', () => {
  it('holds until the SMAs, RSI and both channels are ready', () => {
    const signals = run([10, 5, 6], false);
    expect(signals.slice(0, 2).every((s) => /warming up/.test(s.reason))).toBe(true);
    expect(signals[2].indicators['score']).toBeDefined();
  });

  it('enters when flat with trend +1 and RSI +1 (score 2)', () => {
    // SMA1 6 > SMA2 5.5; RSI: gains 0.5, losses 2.5 → 16.7; close 6 inside [5, 10].
    const signal = run([10, 5, 6], false)[2];
    expect(signal.action).toBe('enter');
    expect(signal.indicators).toMatchObject({
      trend: 1,
      rsiVote: 1,
      breakoutVote: 0,
      score: 2,
      highestHigh: 10,
      lowestLow: 5,
    });
  });

  it('exits when holding at score −1 and only holds when flat', () => {
    // SMA1 10.5 < SMA2 10.75 → −1; RSI 66.7 → 0; close inside [10, 11] → 0.
    const holding = run([10, 11, 10.5], true)[2];
    expect(holding).toMatchObject({
      action: 'exit',
      indicators: { trend: -1, rsiVote: 0, breakoutVote: 0, score: -1 },
    });
    expect(run([10, 11, 10.5], false)[2].action).toBe('hold');
  });

  it(
    'votes breakout −1 below the previous lowest ' + 'low and +1 above the previous highest high',
    () => {
      expect(run([10, 11, 9], true)[2].indicators).toMatchObject({ breakoutVote: -1, trend: -1 });
      expect(run([10, 11, 12], false)[2].indicators).toMatchObject({
        breakoutVote: 1,
        trend: 1,
        rsiVote: -1,
        score: 1,
      });
    },
  );

  it('always applies the score rule to the votes it reports', () => {
    const closes = fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 3, maxLength: 40 });
    fc.assert(
      fc.property(closes, fc.boolean(), (cs, holding) => {
        for (const s of run(cs, holding)) {
          const { trend, rsiVote, breakoutVote, score, rsi, smaFast, smaSlow } = s.indicators;
          if (score === undefined) continue;
          expect(score).toBe((trend as number) + (rsiVote as number) + (breakoutVote as number));
          expect(trend).toBe(Math.sign((smaFast as number) - (smaSlow as number)));
          expect(rsiVote).toBe((rsi as number) < 30 ? 1 : (rsi as number) > 70 ? -1 : 0);
          const expected =
            !holding && (score as number) >= 2
              ? 'enter'
              : holding && (score as number) <= -1
                ? 'exit'
                : 'hold';
          expect(s.action).toBe(expected);
        }
      }),
      { numRuns: 200 },
    );
  });
});
