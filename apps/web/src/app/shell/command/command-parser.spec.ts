import { parseCommand } from './command-parser';

describe('parseCommand', () => {
  it('opens a chart for a bare ticker, in any case', () => {
    expect(parseCommand('AAPL')).toEqual({ ok: true, command: { kind: 'chart', symbol: 'AAPL' } });
    expect(parseCommand('  brk.b ')).toEqual({
      ok: true,
      command: { kind: 'chart', symbol: 'BRK.B' },
    });
  });

  it('reads orders in shares or in dollars', () => {
    expect(parseCommand('BUY AAPL 10')).toEqual({
      ok: true,
      command: { kind: 'order', side: 'buy', symbol: 'AAPL', amount: 10, notional: false },
    });
    expect(parseCommand('sell msft $25.50')).toEqual({
      ok: true,
      command: { kind: 'order', side: 'sell', symbol: 'MSFT', amount: 25.5, notional: true },
    });
  });

  it('reads session and backtest commands', () => {
    expect(parseCommand('START mixed')).toEqual({
      ok: true,
      command: { kind: 'start', strategy: 'mixed' },
    });
    expect(parseCommand('stop')).toEqual({ ok: true, command: { kind: 'stop' } });
    expect(parseCommand('BT NVDA 2024-01-01 2024-06-30')).toEqual({
      ok: true,
      command: { kind: 'backtest', symbol: 'NVDA', from: '2024-01-01', to: '2024-06-30' },
    });
  });

  it.each([
    ['', /try AAPL/],
    ['BUY AAPL', /BUY needs a symbol and a size/],
    ['BUY AAPL 0', /not a positive size/],
    ['BUY AAPL ten', /not a positive size/],
    ['SELL 12$ 5', /not a ticker/],
    ['START', /START needs a strategy/],
    ['STOP now', /STOP takes nothing/],
    ['BT NVDA 2024-02-30 2024-06-30', /not a YYYY-MM-DD date/],
    ['BT NVDA 2024-06-30 2024-01-01', /after the end/],
    ['HELLO WORLD', /unknown command "HELLO"/],
    ['aapl!', /unknown command/],
  ])('refuses %j with a message', (line, message) => {
    const result = parseCommand(line);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
