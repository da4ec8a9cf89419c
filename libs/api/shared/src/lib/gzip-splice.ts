import { constants, crc32, deflateRawSync } from 'node:zlib';

/** The most a stored deflate block holds (RFC 1951 §3.2.4: LEN is 16 bits). */
const STORED_BLOCK_MAX = 0xffff;

/**
 * A constant prefix compressed once, ready to open any number of gzip members that differ only in a
 * short suffix (pigz's technique). The raw deflate stream ends with a sync flush: byte-aligned and
 * without a final block, so the suffix can follow it directly, as stored (uncompressed) blocks: a
 * per-request suffix is a few hundred bytes, and storing it spares each request a compressor. The
 * prefix's CRC-32 and length let each member's trailer be computed from the suffix alone.
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
  return Buffer.concat([GZIP_HEADER, prefix.deflated, ...storedBlocks(suffix), trailer]);
}

/**
 * `data` as stored deflate blocks, the last one final. Each starts on a byte boundary (the prefix's
 * sync flush ends on one): a header byte (BFINAL, BTYPE 00), then LEN and its one's complement.
 */
function storedBlocks(data: Buffer): Buffer[] {
  const blocks: Buffer[] = [];
  let offset = 0;
  do {
    const length = Math.min(STORED_BLOCK_MAX, data.length - offset);
    const last = offset + length === data.length;
    const header = Buffer.alloc(5);
    header.writeUInt8(last ? 1 : 0, 0);
    header.writeUInt16LE(length, 1);
    header.writeUInt16LE(~length & 0xffff, 3);
    blocks.push(header, data.subarray(offset, offset + length));
    offset += length;
  } while (offset < data.length);
  return blocks;
}
