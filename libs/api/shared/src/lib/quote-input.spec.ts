import { boundDetails, MAX_DETAIL_ENTRIES, quoteInput } from './quote-input';

describe('quoteInput', () => {
  it('keeps short input as it is and cuts long input to the limit with an ellipsis', () => {
    expect(quoteInput('AAPL')).toBe('AAPL');
    expect(quoteInput('a'.repeat(200))).toBe('a'.repeat(200));
    expect(quoteInput('a'.repeat(1_000_000))).toBe(`${'a'.repeat(200)}…`);
    expect(quoteInput('abcdef', 3)).toBe('abc…');
  });

  it('quotes values that are not strings as JSON', () => {
    expect(quoteInput({ a: 1 })).toBe('{"a":1}');
    expect(quoteInput(undefined)).toBe('undefined');
    expect(quoteInput(['x'.repeat(300)])).toHaveLength(201);
  });

  it('never cuts a character made of two UTF-16 units in half', () => {
    const quoted = quoteInput(`ab${'😀'.repeat(10)}`, 5);
    expect(quoted).toBe('ab😀…');
    expect(quoted).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('boundDetails', () => {
  it('quotes strings at every depth and keys too', () => {
    const long = 'x'.repeat(10_000);
    expect(boundDetails({ [long]: [long], n: 3, none: null })).toEqual({
      [`${'x'.repeat(200)}…`]: [`${'x'.repeat(200)}…`],
      n: 3,
      none: null,
    });
  });

  it('keeps the first entries of a long list and says how many were left out', () => {
    const messages = Array.from({ length: 100_000 }, (_, i) => `property p${i} should not exist`);
    const bound = boundDetails(messages) as string[];
    expect(bound).toHaveLength(MAX_DETAIL_ENTRIES + 1);
    expect(bound[0]).toBe('property p0 should not exist');
    expect(bound[MAX_DETAIL_ENTRIES]).toBe(`… ${100_000 - MAX_DETAIL_ENTRIES} more`);
  });

  it('turns what lies too deep into a quoted summary', () => {
    const deep = { a: { b: { c: { d: { e: 'y'.repeat(1000) } } } } };
    const bound = boundDetails(deep) as { a: { b: { c: { d: string } } } };
    expect(bound.a.b.c.d).toHaveLength(201);
  });
});
