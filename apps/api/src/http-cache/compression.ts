import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Encoding } from './negotiation.js';

/** Bodies shorter than this go uncompressed: the saving is smaller than the headers. */
export const MIN_COMPRESSED_BYTES = 1024;

/**
 * Compresses a response body once: brotli at quality 5 (most of quality 11's saving on JSON at
 * a small part of its time) or gzip at level 6. Stored per cache entry, so each entry pays for
 * each coding at most once.
 */
export function compress(body: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      })
    : gzipSync(body, { level: 6 });
}
