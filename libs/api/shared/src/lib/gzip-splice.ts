import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A constant prefix compressed once, ready to open any number of gzip members that differ only in a
 * short suffix (pigz's technique). The raw deflate stream ends with a sync flush: byte-aligned and
 * without a final block, so the suffix's own deflate stream can follow it directly. Its CRC-32 and
 * length let each member's trailer be computed from the suffix alone.
 */
export interface GzipPrefix {
  readonly deflated: Buffer;
  readonly crc: number;
  readonly length: number;
}

/** Member header: magic, deflate, no flags, no mtime, no extra flags, OS unknown (RFC 1952 §2.3). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

export function gzipPrefix(prefix: Buffer, level = 6): GzipPrefix {
  return {
    deflated: deflateRawSync(prefix, { level, finishFlush: constants.Z_SYNC_FLUSH }),
    crc: crc32(prefix),
    length: prefix.length,
  };
}

/** A complete gzip member whose content is the prefix followed by `suffix`. */
export function gzipSplice(prefix: GzipPrefix, suffix: Buffer): Buffer {
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(suffix, prefix.crc), 0);
  // ISIZE is the length modulo 2^32.
  trailer.writeUInt32LE((prefix.length + suffix.length) % 2 ** 32, 4);
  return Buffer.concat([GZIP_HEADER, prefix.deflated, deflateRawSync(suffix), trailer]);
}
