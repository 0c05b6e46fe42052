import { strFromU8 } from 'fflate';
import { WorkbookFormatError } from '../workbookFormatError';

/**
 * The text of an XML part as its byte order mark and XML declaration say (XML 1.0, appendix F):
 * UTF-8, or UTF-16 in either byte order, the encodings Office writes. Any other declared encoding,
 * or bytes that are not valid in the encoding, is refused in one sentence naming the part: read
 * as UTF-8 regardless, such a part would silently turn its letters into U+FFFD.
 */
export function decodeXmlPart(bytes: Uint8Array, part: string): string {
  const b = (i: number) => (i < bytes.length ? bytes[i] : -1);
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  let skip = 0;
  if (b(0) === 0xef && b(1) === 0xbb && b(2) === 0xbf) {
    encoding = 'utf-8';
    skip = 3;
  } else if (b(0) === 0xff && b(1) === 0xfe) {
    encoding = 'utf-16le';
    skip = 2;
  } else if (b(0) === 0xfe && b(1) === 0xff) {
    encoding = 'utf-16be';
    skip = 2;
  } else if (b(0) === 0x3c && b(1) === 0x00 && b(2) === 0x3f && b(3) === 0x00) encoding = 'utf-16le';
  else if (b(0) === 0x00 && b(1) === 0x3c && b(2) === 0x00 && b(3) === 0x3f) encoding = 'utf-16be';
  else encoding = 'utf-8';
  if (encoding === 'utf-8') refuseDeclared(declaredEncoding(latin1Prefix(bytes.subarray(skip, skip + 256))), encoding, part);
  let text: string;
  try {
    text = decode(bytes.subarray(skip), encoding);
  } catch {
    throw new WorkbookFormatError(
      `phần ${part} có byte không hợp lệ trong mã ${encoding.toUpperCase()}; hãy mở tệp bằng Excel và lưu lại`,
      `the part ${part} has bytes that are not valid ${encoding.toUpperCase()}; open the file in Excel and save it again`,
    );
  }
  if (encoding !== 'utf-8') refuseDeclared(declaredEncoding(text.slice(0, 256)), encoding, part);
  return text;
}

type Decoder = new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => { decode(b: Uint8Array): string };

/** Decodes strictly (throws on invalid bytes); without a TextDecoder (jsdom under jest), by hand. */
function decode(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string {
  const Native = (globalThis as unknown as { TextDecoder?: Decoder }).TextDecoder;
  if (Native) return new Native(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  if (encoding === 'utf-8') {
    if (!validUtf8(bytes)) throw new Error('invalid UTF-8');
    return strFromU8(bytes);
  }
  if (bytes.length % 2) throw new Error('odd UTF-16 length');
  const le = encoding === 'utf-16le';
  let out = '';
  const units: number[] = [];
  for (let i = 0; i < bytes.length; i += 2) {
    units.push(le ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
    if (units.length === 0x4000) out += String.fromCharCode(...units.splice(0));
  }
  return out + String.fromCharCode(...units);
}

/** Whether bytes are well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF). */
function validUtf8(b: Uint8Array): boolean {
  for (let i = 0; i < b.length;) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return false;
    const c1 = b[i + 1];
    if (c === 0xe0 && c1 < 0xa0) return false;
    if (c === 0xed && c1 > 0x9f) return false;
    if (c === 0xf0 && c1 < 0x90) return false;
    if (c === 0xf4 && c1 > 0x8f) return false;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return false;
    i += n + 1;
  }
  return true;
}

function latin1Prefix(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

function declaredEncoding(start: string): string | undefined {
  return /^<\?xml\s[^>]*?encoding\s*=\s*["']([^"']*)["']/.exec(start)?.[1];
}

function refuseDeclared(declared: string | undefined, encoding: string, part: string): void {
  if (declared !== undefined) {
    const name = declared.toLowerCase().replace(/[^a-z0-9]/g, '');
    const fits = encoding === 'utf-8' ? name === 'utf8' : name === 'utf16' || name === encoding.replace('-', '');
    if (!fits) {
      throw new WorkbookFormatError(
        `phần ${part} được khai báo mã ${cleanName(declared)}, chỉ đọc được UTF-8 và UTF-16; hãy mở tệp bằng Excel và lưu lại`,
        `the part ${part} declares the encoding ${cleanName(declared)}; only UTF-8 and UTF-16 are read; open the file in Excel and save it again`,
      );
    }
  }
}

/** A declared encoding name as shown in a message: short, printable. */
function cleanName(s: string): string {
  return s.replace(/[^\x21-\x7e]/g, '?').slice(0, 40);
}
