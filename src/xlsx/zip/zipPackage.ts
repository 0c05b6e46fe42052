import { deflateSync } from 'fflate';
import { concatBytes } from '../xml/byteText';
import { CompressedEntry, crc32, RawZipEntry, writeZip } from './zipArchive';

/** Already-compressed media are stored, not deflated again. */
const STORED = /\.(png|jpe?g|gif)$/i;

/**
 * How parts are compressed. The default is fflate (plain JavaScript, runs in the browser); the CLI
 * passes Node's zlib, which deflates on worker threads while the CLI goes on with its reports.
 */
export interface PartCompressor {
  /** Raw deflate (no zlib or gzip wrapper). */
  deflate(data: Uint8Array): Uint8Array | Promise<Uint8Array>;
  /**
   * Raw deflate of a part given in chunks, as if they were one array, each chunk taken from
   * `chunks` only when the compressor is ready for it (a findings sheet of a hundred megabytes is
   * then written as it is compressed, never held whole); without it, the chunks are joined and
   * deflated.
   */
  deflateChunks?(chunks: Iterator<Uint8Array>): Promise<Uint8Array>;
  /** CRC-32 of some bytes, continuing `previous` (the CRC of the bytes before them). */
  crc32(data: Uint8Array, previous?: number): number;
}

export const JS_COMPRESSOR: PartCompressor = {
  deflate: (data) => deflateSync(data, { level: 6 }),
  crc32: (data, previous) => crc32(data, previous),
};

/** The package a copy is made from: entries whose part is still the very same array are carried over compressed. */
export interface ZipSource {
  readonly parts: ReadonlyMap<string, Uint8Array>;
  readonly raw?: ReadonlyMap<string, RawZipEntry>;
}

/** Zips a package's parts as they are: the one way every writer in src/xlsx produces a file. */
export function zipPackage(parts: ReadonlyMap<string, Uint8Array>, source?: ZipSource): Uint8Array {
  const entries: CompressedEntry[] = [];
  for (const [name, data] of parts) {
    const raw = carriedOver(name, data, source, JS_COMPRESSOR);
    if (raw) entries.push(raw);
    else if (STORED.test(name)) entries.push(stored(name, data, JS_COMPRESSOR));
    else entries.push({ name, method: 8, crc: JS_COMPRESSOR.crc32(data), size: data.length, data: JS_COMPRESSOR.deflate(data) as Uint8Array });
  }
  return writeZip(entries);
}

/** The same zip, with the parts deflated by `compressor` (all at once, so they can run in parallel). */
export async function zipPackageAsync(parts: ReadonlyMap<string, Uint8Array>, source: ZipSource | undefined, compressor: PartCompressor): Promise<Uint8Array> {
  return new AsyncZipper(source, compressor).zip(parts);
}

/**
 * Zips with a compressor that works in the background (Node's zlib on its worker threads): a
 * part can be started as soon as it is final, while the rest of the copy is still being made.
 */
export class AsyncZipper {
  private readonly started = new Map<string, { readonly data: Uint8Array; readonly entry: Promise<CompressedEntry> | CompressedEntry }>();

  constructor(
    private source: ZipSource | undefined,
    private readonly compressor: PartCompressor,
  ) {}

  /** Whether the compressor deflates a part given in chunks without joining them. */
  get takesChunks(): boolean {
    return this.compressor.deflateChunks !== undefined;
  }

  /** Starts compressing a part; if the part is replaced later, the new bytes are compressed at the end instead. */
  start(name: string, data: Uint8Array): void {
    const known = this.started.get(name);
    if (known?.data === data) return;
    this.started.set(name, { data, entry: this.entry(name, data) });
  }

  /**
   * Starts compressing a part given in chunks, taken as the compressor is ready for them; `data`,
   * an array of its own, stands for the part in the parts map given to zip (it is the same object
   * there, whatever its content). Settles when the part is compressed.
   */
  startChunks(name: string, data: Uint8Array, chunks: Iterable<Uint8Array>): Promise<void> {
    const entry = this.chunkedEntry(name, chunks);
    this.started.set(name, { data, entry });
    return Promise.resolve(entry).then(() => undefined);
  }

  /**
   * Starts every part of `parts` as it is now (those started already are left to go on), then lets
   * go of the source package: a part carried over needs it only to be started. A part replaced
   * afterwards is compressed anew when zipped.
   */
  startAllAndLetGo(parts: ReadonlyMap<string, Uint8Array>): void {
    for (const [name, data] of parts) this.start(name, data);
    this.source = undefined;
  }

  /**
   * Every part's entry, started now; the zipper then lets go of the source package and of the
   * parts: the source's inflated parts (a national sheet is tens of megabytes) are no longer
   * needed, and each part is held only until it is compressed.
   */
  zip(parts: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array> {
    const pending: Array<CompressedEntry | Promise<CompressedEntry>> = [];
    for (const [name, data] of parts) {
      const early = this.started.get(name);
      pending.push(early?.data === data ? early.entry : this.entry(name, data));
    }
    this.started.clear();
    this.source = undefined;
    return Promise.all(pending).then(writeZip);
  }

  private entry(name: string, data: Uint8Array): CompressedEntry | Promise<CompressedEntry> {
    const raw = carriedOver(name, data, this.source, this.compressor);
    if (raw) return raw;
    if (STORED.test(name)) return stored(name, data, this.compressor);
    const crc = this.compressor.crc32(data);
    return Promise.resolve(this.compressor.deflate(data)).then((deflated) => ({ name, method: 8 as const, crc, size: data.length, data: deflated }));
  }

  private chunkedEntry(name: string, chunks: Iterable<Uint8Array>): CompressedEntry | Promise<CompressedEntry> {
    const { compressor } = this;
    if (!compressor.deflateChunks || STORED.test(name)) return this.entry(name, concatBytes([...chunks]));
    // The CRC and size are counted as the chunks go by.
    let crc = 0;
    let size = 0;
    const from = chunks[Symbol.iterator]();
    const counted: Iterator<Uint8Array> = {
      next: () => {
        const next = from.next();
        if (!next.done) {
          crc = compressor.crc32(next.value, crc);
          size += next.value.length;
        }
        return next;
      },
    };
    return compressor.deflateChunks(counted).then((deflated) => ({ name, method: 8 as const, crc, size, data: deflated }));
  }
}

function stored(name: string, data: Uint8Array, compressor: PartCompressor): CompressedEntry {
  return { name, method: 0, crc: compressor.crc32(data), size: data.length, data };
}

/**
 * The source's compressed entry for a part the copy leaves as it was (the same array, never
 * mutated). Its CRC is checked against the part's bytes, so an entry the source zip describes
 * wrongly is compressed again rather than copied.
 */
function carriedOver(name: string, data: Uint8Array, source: ZipSource | undefined, compressor: PartCompressor): CompressedEntry | undefined {
  const raw = source?.raw?.get(name);
  if (!raw || source?.parts.get(name) !== data || raw.size !== data.length) return undefined;
  if (compressor.crc32(data) !== raw.crc) return undefined;
  return raw;
}
