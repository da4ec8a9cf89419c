import {
  formatBytes,
  formatDuration,
  formatMoney,
  formatPct,
  formatQty,
  formatTimestamp,
  pnlClass,
} from './format';

describe('format', () => {
  it('formats money with thousands separators, two decimals and an explicit sign when asked', () => {
    expect(formatMoney(1234.5)).toBe('$1,234.50');
    expect(formatMoney('-0.126')).toBe('-$0.13');
    expect(formatMoney(12.3, { signed: true })).toBe('+$12.30');
    expect(formatMoney(-0.001, { signed: true })).toBe('$0.00');
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney('abc')).toBe('—');
  });

  it('formats percentages in percent units with an optional sign', () => {
    expect(formatPct(1.5)).toBe('1.50%');
    expect(formatPct(-2.345, { signed: true })).toBe('-2.35%');
    expect(formatPct(0.5, { signed: true, digits: 1 })).toBe('+0.5%');
  });

  it('keeps fractional share quantities up to six digits', () => {
    expect(formatQty('0.1234567')).toBe('0.123457');
    expect(formatQty(10)).toBe('10');
  });

  it('formats durations as countdowns', () => {
    expect(formatDuration(65)).toBe('1m 05s');
    expect(formatDuration(3725)).toBe('1h 02m 05s');
    expect(formatDuration(90_061)).toBe('1d 01h 01m');
    expect(formatDuration(undefined)).toBe('—');
  });

  it('formats bytes and UTC timestamps', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536 * 1024)).toBe('1.5 MB');
    expect(formatTimestamp(Date.UTC(2025, 0, 2, 14, 30, 5))).toBe('2025-01-02 14:30:05');
  });

  it('classifies P&L by sign', () => {
    expect(pnlClass(3)).toBe('gain');
    expect(pnlClass('-0.01')).toBe('loss');
    expect(pnlClass(0)).toBe('flat');
    expect(pnlClass('-0.004')).toBe('flat');
  });
});
