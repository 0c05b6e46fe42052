/**
 * Writing the zip container (PKWARE APPNOTE, the subset .xlsx packages use) from entries that
 * are either carried over as they were compressed or freshly compressed (reading: zipReader.ts).
 * Carrying an entry over copies its compressed bytes and CRC: a part the patch does not change
 * is neither inflated for writing nor deflated again. ZIP64 where needed; no encryption, no multi-disk.
 */

/** An entry of an existing zip, as its central directory describes it. */
export interface RawZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: 0 | 8;
  readonly crc: number;
  /** Uncompressed size. */
  readonly size: number;
  /** The entry's compressed bytes (a view into the zip, not a copy). */
  readonly data: Uint8Array;
}

/** One entry of a zip to write, already compressed. */
export interface CompressedEntry {
  readonly name: string;
  readonly method: 0 | 8;
  readonly crc: number;
  readonly size: number;
  readonly data: Uint8Array;
}

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_END_SIG = 0x06064b50;
const MAX_U32 = 0xffffffff;
const MAX_U16 = 0xffff;

/** Fixed timestamp (1980-01-01 00:00, the first the format can hold): the same input always gives the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;

/**
 * A zip of the entries in the order given; names are written as UTF-8. ZIP64 records are written
 * only where a field does not fit (more than 65,534 entries, sizes or offsets from 4 GiB): a copy
 * of an ordinary workbook is a plain zip, byte for byte as before.
 */
export function writeZip(entries: ReadonlyArray<CompressedEntry>): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  // Where each local header goes, and which entries need ZIP64 fields.
  const offsets: number[] = [];
  const localExtra: number[] = [];
  const centralExtra: number[] = [];
  let at = 0;
  entries.forEach((e, i) => {
    const big = e.size >= MAX_U32 || e.data.length >= MAX_U32;
    offsets.push(at);
    localExtra.push(big ? 20 : 0);
    centralExtra.push(zip64Fields(e, at).length ? 4 + 8 * zip64Fields(e, at).length : 0);
    at += 30 + names[i].length + localExtra[i] + e.data.length;
  });
  const centralStart = at;
  let centralBytes = 0;
  entries.forEach((e, i) => (centralBytes += 46 + names[i].length + centralExtra[i]));
  const zip64End = entries.length >= MAX_U16 || centralStart >= MAX_U32 || centralBytes >= MAX_U32;
  const out = new Uint8Array(centralStart + centralBytes + (zip64End ? 56 + 20 : 0) + 22);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const u64 = (where: number, v: number) => {
    view.setUint32(where, v % 2 ** 32, true);
    view.setUint32(where + 4, Math.floor(v / 2 ** 32), true);
  };
  at = 0;
  const header = (sig: number, e: CompressedEntry, i: number, central: boolean) => {
    const name = names[i];
    const ascii = name.every((b) => b < 0x80);
    const fields = central ? zip64Fields(e, offsets[i]) : localExtra[i] ? ['size', 'csize'] : [];
    view.setUint32(at, sig, true);
    at += 4;
    if (central) {
      view.setUint16(at, fields.length ? 45 : 20, true); // made by: MS-DOS attributes, spec 2.0 (4.5 with ZIP64)
      at += 2;
    }
    view.setUint16(at, fields.length ? 45 : 20, true); // needed to extract: 2.0 (deflate), 4.5 (ZIP64)
    view.setUint16(at + 2, ascii ? 0 : 0x800, true);
    view.setUint16(at + 4, e.method, true);
    view.setUint16(at + 6, DOS_TIME, true);
    view.setUint16(at + 8, DOS_DATE, true);
    view.setUint32(at + 10, e.crc >>> 0, true);
    view.setUint32(at + 14, fields.includes('csize') ? MAX_U32 : e.data.length, true);
    view.setUint32(at + 18, fields.includes('size') ? MAX_U32 : e.size, true);
    view.setUint16(at + 22, name.length, true);
    view.setUint16(at + 24, central ? centralExtra[i] : localExtra[i], true); // extra field length
    at += 26;
    return fields;
  };
  const extra = (e: CompressedEntry, i: number, fields: string[]) => {
    if (!fields.length) return;
    view.setUint16(at, 0x0001, true); // ZIP64 extended information
    view.setUint16(at + 2, 8 * fields.length, true);
    at += 4;
    for (const f of fields) {
      u64(at, f === 'size' ? e.size : f === 'csize' ? e.data.length : offsets[i]);
      at += 8;
    }
  };
  entries.forEach((e, i) => {
    const fields = header(LOCAL_SIG, e, i, false);
    out.set(names[i], at);
    at += names[i].length;
    extra(e, i, fields);
    out.set(e.data, at);
    at += e.data.length;
  });
  entries.forEach((e, i) => {
    const fields = header(CENTRAL_SIG, e, i, true);
    // comment length, disk number, internal attributes: 0; external attributes: 0; local header offset.
    view.setUint16(at, 0, true);
    view.setUint16(at + 2, 0, true);
    view.setUint16(at + 4, 0, true);
    view.setUint32(at + 6, 0, true);
    view.setUint32(at + 10, fields.includes('offset') ? MAX_U32 : offsets[i], true);
    at += 14;
    out.set(names[i], at);
    at += names[i].length;
    extra(e, i, fields);
  });
  if (zip64End) {
    const recordAt = at;
    view.setUint32(at, ZIP64_END_SIG, true);
    u64(at + 4, 44); // size of the rest of this record
    view.setUint16(at + 12, 45, true);
    view.setUint16(at + 14, 45, true);
    view.setUint32(at + 16, 0, true); // this disk
    view.setUint32(at + 20, 0, true); // the directory's disk
    u64(at + 24, entries.length);
    u64(at + 32, entries.length);
    u64(at + 40, centralBytes);
    u64(at + 48, centralStart);
    at += 56;
    view.setUint32(at, ZIP64_LOCATOR_SIG, true);
    view.setUint32(at + 4, 0, true);
    u64(at + 8, recordAt);
    view.setUint32(at + 16, 1, true); // one disk
    at += 20;
  }
  const count = Math.min(entries.length, MAX_U16);
  view.setUint32(at, END_SIG, true);
  view.setUint16(at + 4, 0, true);
  view.setUint16(at + 6, 0, true);
  view.setUint16(at + 8, zip64End ? MAX_U16 : count, true);
  view.setUint16(at + 10, zip64End ? MAX_U16 : count, true);
  view.setUint32(at + 12, zip64End ? MAX_U32 : centralBytes, true);
  view.setUint32(at + 16, zip64End ? MAX_U32 : centralStart, true);
  view.setUint16(at + 20, 0, true);
  return out;
}

/** The fields of an entry's central header that need their ZIP64 value, in the order the format lists them. */
function zip64Fields(e: CompressedEntry, offset: number): Array<'size' | 'csize' | 'offset'> {
  const fields: Array<'size' | 'csize' | 'offset'> = [];
  if (e.size >= MAX_U32 || e.data.length >= MAX_U32) fields.push('size', 'csize');
  if (offset >= MAX_U32) fields.push('offset');
  return fields;
}

let crcTable: Int32Array | undefined;

/** CRC-32 (ISO 3309, the zip and gzip one) of some bytes, optionally continuing a previous value. */
export function crc32(data: Uint8Array, previous = 0): number {
  const table = (crcTable ??= makeCrcTable());
  let c = ~previous;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

function makeCrcTable(): Int32Array {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
}
