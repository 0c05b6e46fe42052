/**
 * Zips built field by field for issue #16, points 4–5: lying sizes over a real bomb, entries that
 * share one deflate stream, wrong CRCs, short parts, ZIP64 records, too many parts. Each is made in
 * memory in well under a second: a bomb of gigabytes is one small deflate block repeated.
 */
import { deflateRawSync, constants } from 'zlib';
import { unzipSync } from 'fflate';
import { crc32 } from '../../src/xlsx/zip/zipArchive';

export interface ZipSpecEntry {
  readonly name: string;
  /** The bytes as stored in the zip (already deflated when method is 8). */
  readonly data: Uint8Array;
  readonly method: 0 | 8;
  /** Declared uncompressed size and CRC. */
  readonly size: number;
  readonly crc: number;
  /** Write the entry's sizes and offset in a ZIP64 extra field (and 0xFFFFFFFF in the headers). */
  readonly zip64?: boolean;
}

export interface ZipSpec {
  readonly entries: ReadonlyArray<ZipSpecEntry>;
  /** End the zip with a ZIP64 end record and locator (count and offsets 0xFFFF/0xFFFFFFFF in the classic one). */
  readonly zip64End?: boolean;
  /** Extra central-directory entries pointing at an earlier entry's local header: [alias name, entry name]. */
  readonly aliases?: ReadonlyArray<readonly [string, string]>;
}

const enc = new TextEncoder();

export function buildZip(spec: ZipSpec): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  const offsets = new Map<string, number>();
  let offset = 0;
  const centralEntry = (e: ZipSpecEntry, name: Uint8Array, at: number) => {
    const extra = e.zip64 ? zip64Extra(e.size, e.data.length, at) : new Uint8Array(0);
    const cd = new Uint8Array(46 + name.length + extra.length);
    const v = new DataView(cd.buffer);
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, 45, true);
    v.setUint16(6, e.zip64 ? 45 : 20, true);
    v.setUint16(8, 0x800, true);
    v.setUint16(10, e.method, true);
    v.setUint16(14, 0x21, true);
    v.setUint32(16, e.crc, true);
    v.setUint32(20, e.zip64 ? 0xffffffff : e.data.length, true);
    v.setUint32(24, e.zip64 ? 0xffffffff : e.size, true);
    v.setUint16(28, name.length, true);
    v.setUint16(30, extra.length, true);
    v.setUint32(42, e.zip64 ? 0xffffffff : at, true);
    cd.set(name, 46);
    cd.set(extra, 46 + name.length);
    return cd;
  };
  for (const e of spec.entries) {
    const name = enc.encode(e.name);
    const extra = e.zip64 ? zip64Extra(e.size, e.data.length) : new Uint8Array(0);
    const local = new Uint8Array(30 + name.length + extra.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, e.zip64 ? 45 : 20, true);
    lv.setUint16(6, 0x800, true);
    lv.setUint16(8, e.method, true);
    lv.setUint16(12, 0x21, true);
    lv.setUint32(14, e.crc, true);
    lv.setUint32(18, e.zip64 ? 0xffffffff : e.data.length, true);
    lv.setUint32(22, e.zip64 ? 0xffffffff : e.size, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, extra.length, true);
    local.set(name, 30);
    local.set(extra, 30 + name.length);
    offsets.set(e.name, offset);
    central.push(centralEntry(e, name, offset));
    chunks.push(local, e.data);
    offset += local.length + e.data.length;
  }
  for (const [alias, target] of spec.aliases ?? []) {
    const e = spec.entries.find((x) => x.name === target);
    if (!e) throw new Error(`no entry ${target}`);
    central.push(centralEntry({ ...e, name: alias }, enc.encode(alias), offsets.get(target) as number));
  }
  const count = central.length;
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const tail: Uint8Array[] = [];
  if (spec.zip64End) {
    const rec = new Uint8Array(56);
    const rv = new DataView(rec.buffer);
    rv.setUint32(0, 0x06064b50, true);
    rv.setBigUint64(4, 44n, true);
    rv.setUint16(12, 45, true);
    rv.setUint16(14, 45, true);
    rv.setBigUint64(24, BigInt(count), true);
    rv.setBigUint64(32, BigInt(count), true);
    rv.setBigUint64(40, BigInt(cdSize), true);
    rv.setBigUint64(48, BigInt(offset), true);
    const loc = new Uint8Array(20);
    const lv = new DataView(loc.buffer);
    lv.setUint32(0, 0x07064b50, true);
    lv.setBigUint64(8, BigInt(offset + cdSize), true);
    lv.setUint32(16, 1, true);
    tail.push(rec, loc);
  }
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, spec.zip64End ? 0xffff : count, true);
  ev.setUint16(10, spec.zip64End ? 0xffff : count, true);
  ev.setUint32(12, spec.zip64End ? 0xffffffff : cdSize, true);
  ev.setUint32(16, spec.zip64End ? 0xffffffff : offset, true);
  tail.push(end);
  return concat([...chunks, ...central, ...tail]);
}

function zip64Extra(size: number, csize: number, offset?: number): Uint8Array {
  const n = offset === undefined ? 2 : 3;
  const x = new Uint8Array(4 + 8 * n);
  const v = new DataView(x.buffer);
  v.setUint16(0, 1, true);
  v.setUint16(2, 8 * n, true);
  v.setBigUint64(4, BigInt(size), true);
  v.setBigUint64(12, BigInt(csize), true);
  if (offset !== undefined) v.setBigUint64(20, BigInt(offset), true);
  return x;
}

export function concat(parts: ReadonlyArray<Uint8Array>): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of parts) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A package's parts as honest entries (deflated, right sizes and CRCs). */
export function entriesOf(xlsx: Uint8Array, opts: { zip64?: boolean } = {}): ZipSpecEntry[] {
  return Object.entries(unzipSync(xlsx)).map(([name, content]) => ({
    name,
    data: deflateRawSync(content),
    method: 8 as const,
    size: content.length,
    crc: crc32(content),
    zip64: opts.zip64,
  }));
}

/**
 * A deflate stream that inflates to `content` and then `extraGb` gigabytes of zeros (not final
 * blocks: one sync-flushed block of 64 MB of zeros, ~64 KB, repeated), then an empty final block.
 */
let zerosBlock: Uint8Array | undefined;

export function overlongDeflate(content: Uint8Array, extraMb: number): Uint8Array {
  const head = deflateRawSync(content, { finishFlush: constants.Z_SYNC_FLUSH });
  const block = (zerosBlock ??= deflateRawSync(new Uint8Array(64 * 2 ** 20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH }));
  const blocks: Uint8Array[] = [head];
  for (let i = 0; i < Math.ceil(extraMb / 64); i++) blocks.push(block);
  blocks.push(new Uint8Array([0x03, 0x00])); // final empty fixed-Huffman block
  return concat(blocks);
}

/** Replaces one entry by `edit(entry)`. */
export function withEntry(entries: ZipSpecEntry[], name: string, edit: (e: ZipSpecEntry) => ZipSpecEntry): ZipSpecEntry[] {
  if (!entries.some((e) => e.name === name)) throw new Error(`no entry ${name}`);
  return entries.map((e) => (e.name === name ? edit(e) : e));
}
