import { CliUsageError, parseBacktestArgs } from './backtest-args';

const BASE = [
  '--data',
  'a.csv',
  '--symbol',
  'ORCL',
  '--strategy',
  'ma-crossover',
  '--capital',
  '10000',
  '--commission-pct',
  '0.1',
  '--slippage-bps',
  '5',
  '--out',
  'r.json',
];

describe('parseBacktestArgs', () => {
  it('parses every option', () => {
    const options = parseBacktestArgs([
      ...BASE,
      '--quantity',
      '10',
      '--param',
      'fast=5',
      '--param',
      'slow=20',
      '--no-risk',
      '--from',
      '1995-02-01',
      '--to',
      '1995-12-31',
      '--adjusted',
      '--corporate-actions',
      'actions.json',
      '--max-volume-pct',
      '2.5',
      '--limit-fill-rule',
      'through',
    ]);
    expect(options).toEqual({
      data: 'a.csv',
      symbol: 'ORCL',
      strategy: 'ma-crossover',
      params: { fast: 5, slow: 20 },
      capital: 10000,
      sizing: { mode: 'quantity', quantity: 10 },
      commissionPct: 0.1,
      slippageBps: 5,
      noRisk: true,
      from: '1995-02-01',
      to: '1995-12-31',
      adjusted: true,
      corporateActions: 'actions.json',
      maxVolumePct: 2.5,
      limitFillRule: 'through',
      out: 'r.json',
    });
  });

  it("takes the issue's parameter words and kebab/snake-case keys for the strategy's own keys", () => {
    const breakout = [
      ...BASE.slice(0, 5),
      'momentum-breakout',
      ...BASE.slice(6),
      '--quantity',
      '1',
    ];
    const params = (...pairs: string[]) =>
      parseBacktestArgs([...breakout, ...pairs.flatMap((p) => ['--param', p])]).params;
    expect(params('entry=55', 'exit=20', 'volume-multiple=1.2')).toEqual({
      entryPeriod: 55,
      exitPeriod: 20,
      volumeMultiple: 1.2,
    });
    expect(params('entry_period=30', 'volumeMultiple=2')).toEqual({
      entryPeriod: 30,
      volumeMultiple: 2,
    });
    expect(params('lookback=3')).toEqual({ lookback: 3 });
    expect(() => params('entry=55', 'entryPeriod=20')).toThrow(
      '--param entryPeriod sets entryPeriod a second time',
    );
  });

  it('reads auto and notional sizing', () => {
    expect(parseBacktestArgs([...BASE, '--sizing', 'auto']).sizing).toEqual({ mode: 'auto' });
    expect(parseBacktestArgs([...BASE, '--sizing', 'notional=2500']).sizing).toEqual({
      mode: 'notional',
      notional: 2500,
    });
  });

  it('reads fractional share quantities down to the 1e-6 step', () => {
    expect(parseBacktestArgs([...BASE, '--quantity', '0.123456']).sizing).toEqual({
      mode: 'quantity',
      quantity: 0.123456,
    });
  });

  it.each([
    [['--quantity', '10', '--sizing', 'auto'], 'either --quantity or --sizing'],
    [[], 'one of --quantity Q and --sizing'],
    [['--sizing', 'half'], '--sizing must be auto or notional=N'],
    [['--quantity=-1'], '--quantity must be a positive number'],
    // The engine could never fill a quantity off the 1e-6 share step: say so instead of trading nothing.
    [
      ['--quantity', '0.1234567'],
      '--quantity must be a positive number of shares with at most 6 decimals',
    ],
    [['--quantity', '1', '--param', 'fast'], '--param must look like key=value'],
    [['--quantity', '1', '--from', '95-01-01'], '--from must be a YYYY-MM-DD date'],
    [['--quantity', '1', '--from', '1996-01-01', '--to', '1995-01-01'], 'is after --to'],
    [['--quantity', '1', '--bogus'], "Unknown option '--bogus'"],
  ])('rejects %j', (extra, message) => {
    expect(() => parseBacktestArgs([...BASE, ...extra])).toThrow(CliUsageError);
    expect(() => parseBacktestArgs([...BASE, ...extra])).toThrow(message);
  });

  it('names a missing required option', () => {
    expect(() => parseBacktestArgs(['--data', 'a.csv', '--quantity', '1'])).toThrow(
      '--symbol is required',
    );
    expect(() => parseBacktestArgs(BASE.slice(0, -2).concat('--quantity', '1'))).toThrow(
      '--out is required',
    );
  });

  it('defaults to whole fills on touch and refuses a bad cap or rule', () => {
    const options = parseBacktestArgs([...BASE, '--quantity', '1']);
    expect([options.maxVolumePct, options.limitFillRule]).toEqual([null, 'touch']);
    for (const bad of [
      ['--max-volume-pct', '0'],
      ['--max-volume-pct', '101'],
      ['--limit-fill-rule', 'cross'],
    ])
      expect(() => parseBacktestArgs([...BASE, '--quantity', '1', ...bad])).toThrow(CliUsageError);
  });
});
