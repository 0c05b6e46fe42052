import { Inflate, strFromU8 } from 'fflate';
import { errorKind } from '../../words/localizedError';
import { crc32 } from './zipArchive';

/**
 * Unzipping a package without trusting it (PKWARE APPNOTE 4.3, with ZIP64): the central directory
 * is read field by field, every entry's bytes must lie inside the file and apart from every other
 * entry's, and each part is inflated only up to the size its header declares, then checked
 * against that size and its CRC-32. A few kilobytes can otherwise declare a small part and inflate
 * to gigabytes, or point a thousand entries at one bomb; neither ever costs more than the caps.
 */

/** Why a zip cannot be read; `vi`/`en` is the end of a sentence that names the file. */
export const ZipError = errorKind('zip', 'ZipError');
export type ZipError = InstanceType<typeof ZipError>;

export interface ZipEntryInfo {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Offset of the entry's local header. */
  readonly localOffset: number;
  /** The compressed bytes (a view into the zip). */
  readonly data: Uint8Array;
}

export interface ZipLimits {
  readonly maxParts: number;
  readonly maxPartBytes: number;
  readonly maxTotalBytes: number;
}

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const ZIP64_END_SIG = 0x06064b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const MAX_U16 = 0xffff;
const MAX_U32 = 0xffffffff;

const u16 = (d: Uint8Array, at: number) => d[at] | (d[at + 1] << 8);
const u32 = (d: Uint8Array, at: number) => (d[at] | (d[at + 1] << 8) | (d[at + 2] << 16) | (d[at + 3] << 24)) >>> 0;
/** A 64-bit field; past 2^53 it cannot be an offset into a file in memory anyway. */
const u64 = (d: Uint8Array, at: number) => u32(d, at) + u32(d, at + 4) * 2 ** 32;

const damaged = (vi: string, en: string) => new ZipError(`tệp bị hỏng (${vi})`, `the file is damaged (${en})`);

/**
 * The entries of a zip from its central directory, ZIP64 fields included. Refuses, in one
 * sentence: no end record, a directory outside the file, more entries than `maxParts`, an entry
 * whose bytes lie outside the file or overlap another entry's or the directory, two entries of
 * one name, encrypted entries and compression methods other than stored and deflate.
 */
export function readZipDirectory(zip: Uint8Array, limits: ZipLimits): ZipEntryInfo[] {
  let end = zip.length - 22;
  while (end >= 0 && u32(zip, end) !== END_SIG) {
    if (zip.length - end > 22 + MAX_U16) break;
    end--;
  }
  if (end < 0 || u32(zip, end) !== END_SIG) {
    throw new ZipError(
      'tệp bị hỏng hoặc bị cắt ngắn (không tìm thấy danh mục của gói .xlsx)',
      'the file is damaged or truncated (the .xlsx package has no directory)',
    );
  }
  let count = u16(zip, end + 10);
  let dirSize = u32(zip, end + 12);
  let dirAt = u32(zip, end + 16);
  let dirEnd = end;
  if (end >= 20 && u32(zip, end - 20) === ZIP64_LOCATOR_SIG) {
    const at = u64(zip, end - 20 + 8);
    if (at + 56 > end - 20 || u32(zip, at) !== ZIP64_END_SIG) throw damaged('bản ghi ZIP64 nằm ngoài tệp', 'its ZIP64 end record lies outside the file');
    count = u64(zip, at + 32);
    dirSize = u64(zip, at + 40);
    dirAt = u64(zip, at + 48);
    dirEnd = at;
  }
  if (count > limits.maxParts) {
    throw new ZipError(
      `gói có ${count.toLocaleString('vi-VN')} phần, vượt giới hạn ${limits.maxParts.toLocaleString('vi-VN')} phần cho một sổ làm việc (tệp hỏng hoặc tệp nén độc hại)`,
      `the package has ${count.toLocaleString('en-US')} parts, over the limit of ${limits.maxParts.toLocaleString('en-US')} for a workbook (a damaged file or a zip bomb)`,
    );
  }
  if (dirAt + dirSize > dirEnd)
    throw damaged('danh mục của gói nằm ngoài tệp, có thể tệp bị cắt ngắn', 'the package directory lies outside the file; it may be truncated');
  const entries: ZipEntryInfo[] = [];
  const names = new Set<string>();
  let at = dirAt;
  for (let i = 0; i < count; i++) {
    if (at + 46 > dirEnd || u32(zip, at) !== CENTRAL_SIG) throw damaged('danh mục của gói bị hỏng', 'the package directory is broken');
    const flags = u16(zip, at + 8);
    const method = u16(zip, at + 10);
    const crc = u32(zip, at + 16);
    let compressedSize = u32(zip, at + 20);
    let size = u32(zip, at + 24);
    const nameLen = u16(zip, at + 28);
    const extraLen = u16(zip, at + 30);
    const commentLen = u16(zip, at + 32);
    let localOffset = u32(zip, at + 42);
    const nameBytes = zip.subarray(at + 46, at + 46 + nameLen);
    const name = flags & 0x800 ? strFromU8(nameBytes) : latin1(nameBytes);
    // ZIP64 extended information: the 64-bit values of the fields set to 0xFFFFFFFF, in this order.
    for (let x = at + 46 + nameLen, xEnd = x + extraLen; x + 4 <= xEnd;) {
      const id = u16(zip, x);
      const len = u16(zip, x + 2);
      if (id === 0x0001) {
        let f = x + 4;
        const take = () => {
          if (f + 8 > x + 4 + len) throw damaged(`phần ${name} có trường ZIP64 bị hỏng`, `the part ${name} has a broken ZIP64 field`);
          const v = u64(zip, f);
          f += 8;
          return v;
        };
        if (size === MAX_U32) size = take();
        if (compressedSize === MAX_U32) compressedSize = take();
        if (localOffset === MAX_U32) localOffset = take();
      }
      x += 4 + len;
    }
    at += 46 + nameLen + extraLen + commentLen;
    if (at > dirEnd) throw damaged('danh mục của gói bị hỏng', 'the package directory is broken');
    if (flags & 0x41) {
      throw new ZipError(
        `phần ${name} được mã hóa; hãy mở tệp bằng Excel, bỏ mật khẩu và lưu lại`,
        `the part ${name} is encrypted; open the file in Excel, remove the password and save it again`,
      );
    }
    if (method !== 0 && method !== 8) {
      throw new ZipError(
        `phần ${name} được nén bằng phương pháp ${method}, không phải cách Excel nén; hãy mở tệp bằng Excel và lưu lại`,
        `the part ${name} is compressed with method ${method}, not the one Excel uses; open the file in Excel and save it again`,
      );
    }
    const key = name.replace(/^\//, '').toLowerCase();
    if (names.has(key)) throw damaged(`có hai phần cùng tên ${name}`, `two parts are named ${name}`);
    names.add(key);
    if (localOffset + 30 > dirAt || u32(zip, localOffset) !== LOCAL_SIG)
      throw damaged(`phần ${name} nằm ngoài tệp hoặc trong danh mục`, `the part ${name} lies outside the file or inside its directory`);
    const start = localOffset + 30 + u16(zip, localOffset + 26) + u16(zip, localOffset + 28);
    if (start + compressedSize > dirAt) {
      throw new ZipError(`phần ${name} bị cắt ngắn (tệp không đủ dữ liệu)`, `the part ${name} is truncated (the file ends before its data)`);
    }
    entries.push({ name, method, flags, crc, compressedSize, size, localOffset, data: zip.subarray(start, start + compressedSize) });
  }
  // Each entry's bytes, from its local header to the end of its data, belong to it alone: several
  // entries pointing at one deflate stream would inflate it once per entry.
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let k = 1; k < byOffset.length; k++) {
    const prev = byOffset[k - 1];
    const dataEnd = prev.data.byteOffset - zip.byteOffset + prev.data.length;
    if (byOffset[k].localOffset < dataEnd) {
      throw new ZipError(
        `các phần ${prev.name} và ${byOffset[k].name} dùng chung một vùng dữ liệu (tệp hỏng hoặc tệp nén độc hại)`,
        `the parts ${prev.name} and ${byOffset[k].name} share their data (a damaged file or a zip bomb)`,
      );
    }
  }
  return entries;
}

/** Inflates a deflate stream into exactly `size` bytes; stops as soon as it would give more. */
export type BoundedInflater = (data: Uint8Array, size: number, name: string) => Uint8Array;

/** Input fed to the inflater per step: at most ~1032 times as much output (deflate's ceiling) before the size is checked. */
const STEP = 1 << 14;

export const JS_INFLATER: BoundedInflater = (data, size, name) => {
  const out = new Uint8Array(size);
  if (data.length === 0 && size === 0) return out;
  let got = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (got + chunk.length > size) throw tooLong(name, size);
    out.set(chunk, got);
    got += chunk.length;
    if (final) ended = true;
  });
  try {
    for (let at = 0; at < data.length && !ended; at += STEP) inflater.push(data.subarray(at, Math.min(data.length, at + STEP)), at + STEP >= data.length);
  } catch (e) {
    if (e instanceof ZipError) throw e;
    if ((e as { code?: number }).code === 0) throw truncated(name); // fflate: unexpected end of data
    throw cannotUnpack(name);
  }
  if (!ended || got < size) throw truncated(name);
  return out;
};

export function tooLong(name: string, size: number): ZipError {
  return new ZipError(
    `phần ${name} giải nén ra nhiều hơn ${size.toLocaleString('vi-VN')} byte mà gói khai báo (tệp hỏng hoặc tệp nén độc hại)`,
    `the part ${name} unpacks to more than the ${size.toLocaleString('en-US')} bytes the package declares (a damaged file or a zip bomb)`,
  );
}

export function cannotUnpack(name: string): ZipError {
  return damaged(`phần ${name} không giải nén được`, `the part ${name} cannot be unpacked`);
}

export function truncated(name: string): ZipError {
  return new ZipError(`phần ${name} bị cắt ngắn (ít dữ liệu hơn gói khai báo)`, `the part ${name} is truncated (it holds less than the package declares)`);
}

/** The bytes of one entry: inflated within its declared size, then checked against that size and its CRC. */
export function entryBytes(entry: ZipEntryInfo, inflate: BoundedInflater, crc: (d: Uint8Array) => number = crc32): Uint8Array {
  let out: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw entry.compressedSize < entry.size ? truncated(entry.name) : tooLong(entry.name, entry.size);
    out = entry.data;
  } else out = inflate(entry.data, entry.size, entry.name);
  if (crc(out) !== entry.crc) {
    throw new ZipError(`phần ${entry.name} bị hỏng (mã kiểm tra CRC không khớp)`, `the part ${entry.name} is damaged (its CRC checksum does not match)`);
  }
  return out;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}
