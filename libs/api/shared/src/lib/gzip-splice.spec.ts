import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { gzipPrefix, gzipSplice } from './gzip-splice';

describe('gzipSplice', () => {
  it('gunzips to the prefix followed by the suffix, for any prefix and suffix', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 70_000 }),
        fc.uint8Array({ maxLength: 140_000 }),
        fc.integer({ min: 0, max: 9 }),
        (prefix, suffix, level) => {
          const spliced = gzipSplice(gzipPrefix(Buffer.from(prefix), level), Buffer.from(suffix));
          expect(gunzipSync(spliced)).toEqual(Buffer.concat([prefix, suffix]));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('compresses a repetitive prefix once and reuses it for every suffix', () => {
    const json = Buffer.from(
      JSON.stringify({ points: Array.from({ length: 5_000 }, (_, i) => i % 97) }),
    );
    const prefix = gzipPrefix(json);
    expect(prefix.deflated.length).toBeLessThan(json.length / 4);
    for (const suffix of [',"a":1}', '', ',"metadata":{"request_id":"r-2"}}']) {
      const member = gzipSplice(prefix, Buffer.from(suffix));
      expect(gunzipSync(member).toString()).toBe(json.toString() + suffix);
      expect(member.subarray(10, 10 + prefix.deflated.length)).toEqual(prefix.deflated);
    }
  });

  it('makes a gzip member that stream decoders accept too', async () => {
    const text = 'x'.repeat(100_000);
    const member = gzipSplice(gzipPrefix(Buffer.from(text)), Buffer.from('-end'));
    const decoded = await new Response(
      new Blob([new Uint8Array(member)]).stream().pipeThrough(new DecompressionStream('gzip')),
    ).text();
    expect(decoded).toBe(`${text}-end`);
  });
});
