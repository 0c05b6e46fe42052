import * as zlib from 'zlib';
import { crc32 } from '../xlsx/zip/zipArchive';
import { PartCompressor } from '../xlsx/zip/zipPackage';

/**
 * Node's zlib for the CLI's copies: native deflate, run on libuv's worker threads so the parts of
 * a copy are compressed in parallel with each other and with whatever the CLI does meanwhile
 * (its JSON). Kept out of src/xlsx so the browser bundle never pulls in `zlib`.
 *
 * Level 1 by default: on a machine with few cores the compression competes with the check itself,
 * and level 1 deflates a national copy (290 MB of XML) about three times faster than level 6 for a
 * file about a quarter larger (17.6 MB instead of 14.3 MB). Parts carried over keep their own.
 */
export function nodeCompressor(level = 1): PartCompressor {
  // zlib.crc32 arrived in Node 20.15 / 22.2; older Nodes use the project's own.
  const nativeCrc = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  return {
    deflate: (data) =>
      new Promise<Uint8Array>((resolve, reject) =>
        zlib.deflateRaw(data, { level, chunkSize: outputRoom(data.length) }, (e, out) => (e ? reject(e) : resolve(out))),
      ),
    // One stream fed chunk by chunk (on zlib's threads, as deflateRaw): the chunks are never joined,
    // and each is taken from `chunks` only when one of the two before it has been compressed, so a
    // part written as it is taken (a findings sheet) is never held whole. Room for a whole chunk's
    // output, so that each chunk is one step.
    deflateChunks: (chunks) =>
      new Promise<Uint8Array>((resolve, reject) => {
        const stream = zlib.createDeflateRaw({ level, chunkSize: CHUNK_OUTPUT_ROOM });
        const out: Buffer[] = [];
        stream.on('data', (d: Buffer) => out.push(d));
        let taking = 0;
        let ended = false;
        stream.on('error', (e) => {
          ended = true;
          reject(e);
        });
        stream.on('end', () => resolve(Buffer.concat(out)));
        const take = (): void => {
          try {
            while (!ended && taking < CHUNKS_AHEAD) {
              const next = chunks.next();
              if (next.done) {
                ended = true;
                stream.end();
                return;
              }
              taking++;
              stream.write(next.value, () => {
                taking--;
                take();
              });
            }
          } catch (e) {
            // The part could not be written: nothing more is taken, and the copy fails with it.
            ended = true;
            stream.destroy();
            reject(e);
          }
        };
        take();
      }),
    crc32: nativeCrc ? (data, previous = 0) => nativeCrc(data, previous) >>> 0 : (data, previous) => crc32(data, previous),
  };
}

/**
 * Room for deflated output, per step of zlib. Each step runs on zlib's threads, and the next waits
 * for the main thread (which gives the event loop a turn only between writes of the JSON): with
 * zlib's default of 16 KB a national sheet took hundreds of steps, and was mostly deflated after
 * the JSON was written. XML deflates to a tenth or less, so an eighth of the input is one step.
 */
function outputRoom(inputBytes: number): number {
  return Math.min(8 << 20, Math.max(64 << 10, inputBytes >> 3));
}

/** Chunks handed to zlib and not yet compressed: one being compressed while the next waits. */
const CHUNKS_AHEAD = 2;

/** A chunk of a part written in chunks is a megabyte (XmlByteWriter): its output fits in one. */
const CHUNK_OUTPUT_ROOM = 1 << 20;
