import { detailsText, pageRange, utcInputToIso } from './audit.view';

describe('audit view', () => {
  it('reads a datetime-local value as UTC, and ignores an empty or broken one', () => {
    expect(utcInputToIso('2025-01-02T15:30')).toBe('2025-01-02T15:30:00.000Z');
    expect(utcInputToIso('')).toBeUndefined();
    expect(utcInputToIso('yesterday')).toBeUndefined();
  });

  it('describes the page shown among all matches', () => {
    const page = (offset: number, count: number, total: number) => ({
      items: Array.from({ length: count }, (_, i) => i),
      total,
      limit: 50,
      offset,
    });
    expect(pageRange(page(50, 50, 234))).toBe('51–100 of 234');
    expect(pageRange(page(200, 34, 234))).toBe('201–234 of 234');
    expect(pageRange(page(0, 0, 0))).toBe('0 of 0');
  });

  it('shows details as one line of JSON', () => {
    const entry = {
      id: 1,
      at: '2025-01-02T15:00:00.000Z',
      user: 'ann',
      tokenId: null,
      action: 'order.create',
      method: 'POST',
      path: '/api/orders',
      accountId: null,
      status: 201,
      ip: '127.0.0.1',
      details: null,
    };
    expect(detailsText(entry)).toBe('—');
    expect(detailsText({ ...entry, details: { symbol: 'SPY' } })).toBe('{"symbol":"SPY"}');
  });
});
