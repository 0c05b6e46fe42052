import * as zlib from 'zlib';
import { crc32 } from '../xlsx/zip/zipArchive';
import { BoundedInflater, cannotUnpack, truncated, tooLong } from '../xlsx/zip/zipReader';

/**
 * Node's native inflate for the CLI's reads, bounded like the JavaScript one: zlib stops as soon
 * as the output would pass the declared size (`maxOutputLength`), so a part that lies about its
 * size costs no more than that size. Kept out of src/xlsx so the browser bundle never pulls in `zlib`.
 */
export function nodeInflater(): BoundedInflater {
  return (data, size, name) => {
    if (data.length === 0 && size === 0) return new Uint8Array(0);
    let out: Buffer;
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size + 1), chunkSize: outputChunk(data.length, size) });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw tooLong(name, size);
      if (code === 'Z_BUF_ERROR') throw truncated(name); // unexpected end of file
      throw cannotUnpack(name);
    }
    if (out.length > size) throw tooLong(name, size);
    if (out.length < size) throw truncated(name);
    return out;
  };
}

/**
 * The part inflated into one buffer of its declared size (and a byte, to see a longer one): in
 * zlib's default 16 kB chunks a national sheet's 47 MB was thousands of buffers, copied once more
 * into one (25 % of its inflate time). A size deflate could not reach from this input (at most
 * about 1032 times larger) is not believed, so a lying header never gets its size allocated.
 */
function outputChunk(deflated: number, size: number): number {
  return Math.max(zlib.constants.Z_MIN_CHUNK, Math.min(size + 1, deflated * 1032 + 1024));
}

/** zlib's native CRC-32 where this Node has it (20.15+), else the project's own. */
export function nodeCrc32(): (data: Uint8Array) => number {
  const nativeCrc = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  return nativeCrc ? (data) => nativeCrc(data) >>> 0 : (data) => crc32(data);
}
