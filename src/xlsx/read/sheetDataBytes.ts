import { strFromU8 } from 'fflate';

/**
 * The cells of a worksheet's `<sheetData>` read straight from the part's UTF-8 bytes: a national
 * sheet is tens of megabytes of `<c r="D12" s="3"><v>123</v></c>`, and decoding it to one string
 * and raising an event with an attribute object per tag costs more than the check itself. Only
 * the plain form spreadsheet writers produce is taken (unprefixed `row`, `c`, `v`, `f` with
 * double-quoted attributes, no references in values); anything else throws NOT_BYTE_PLAIN, and
 * the caller reads the part with the general reader, which gives the same cells. Inline strings
 * (`<is><t>…</t></is>`, what openpyxl and many exporters write) are plain too, rich runs are not.
 */

/** Thrown for anything this reader does not take; the part is then read as text. */
export const NOT_BYTE_PLAIN = new Error('sheetData is not plain enough to read as bytes');

export interface SheetDataVisitor {
  /** A `<row>`: its `r` (1-based), or 0 when it has none. */
  row(r: number, hidden: boolean): void;
  /**
   * A `<c>`: its column and row from `r` (0-based), or col -1 when it has no `r`; `t` as written
   * ('n' when absent); the bytes of its `<v>` (start = end = -1 when it has none); the text of
   * its `<is>` (undefined when it has none).
   */
  cell(row: number, col: number, t: string, hasFormula: boolean, vStart: number, vEnd: number, inline: string | undefined): void;
}

/** The ASCII bytes the markup is made of (the same in UTF-8); sharedStrings.ts scans with them too. */
export const LT = 0x3c;
export const GT = 0x3e;
export const SLASH = 0x2f;
export const QUOTE = 0x22;
export const EQ = 0x3d;
export const AMP = 0x26;

export const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d;

/** Whether `bytes` at `at` hold the ASCII text `s`. */
export function bytesAre(bytes: Uint8Array, at: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (bytes[at + i] !== s.charCodeAt(i)) return false;
  return true;
}

/** The value types a cell's `t` may have, as interned strings. */
const TYPES = ['s', 'str', 'n', 'b', 'e', 'd', 'inlineStr'];

/**
 * Reads the cells between `from` (after `<sheetData>`) and `to` (at `</sheetData>`). Every
 * attribute name of a row or cell is one of those the schema gives (so none is written twice,
 * none declares a namespace); text outside `<v>` is white space only; `<f>`'s and `<t>`'s text
 * may hold the five entities and nothing else that would need decoding. Every byte that is not
 * ASCII markup is checked as UTF-8 that XML takes as it is (plainUtf8), range by range.
 */
export function scanSheetData(bytes: Uint8Array, from: number, to: number, visit: SheetDataVisitor): void {
  let i = from;
  const fail = (): never => {
    throw NOT_BYTE_PLAIN;
  };
  const skipSpace = () => {
    while (i < to && isSpace(bytes[i])) i++;
  };
  // Attribute state for the tag being read (names are checked against a closed list).
  let valueStart = 0;
  let valueEnd = 0;
  /** Reads ` name="value"` at i; returns the name's index in `names`, or -1 at the tag's end (`>` or `/>`). */
  const attribute = (names: ReadonlyArray<string>): number => {
    skipSpace();
    const b = bytes[i];
    if (b === GT || b === SLASH) return -1;
    const nameStart = i;
    while (i < to && bytes[i] !== EQ && !isSpace(bytes[i]) && bytes[i] !== GT && bytes[i] !== SLASH) i++;
    if (bytes[i] !== EQ || bytes[i + 1] !== QUOTE) fail();
    const nameEnd = i;
    let found = -1;
    for (let n = 0; n < names.length; n++) {
      const name = names[n];
      if (name.length === nameEnd - nameStart && bytesAre(bytes, nameStart, name)) {
        found = n;
        break;
      }
    }
    if (found < 0) fail();
    i += 2;
    valueStart = i;
    let unusual = false;
    while (i < to) {
      const c = bytes[i];
      if (c === QUOTE) break;
      // References, markup, and white space that attribute-value normalisation would change.
      if (c === AMP || c === LT || c === 0x09 || c === 0x0a || c === 0x0d) fail();
      if (c < 0x20 || c >= 0x80) unusual = true;
      i++;
    }
    if (i >= to) fail();
    valueEnd = i;
    if (unusual && !plainUtf8(bytes, valueStart, valueEnd)) fail();
    i++;
    return found;
  };
  /** At the end of a start tag: true for `/>` (empty element), false for `>`. */
  const tagEnd = (): boolean => {
    if (bytes[i] === GT) {
      i++;
      return false;
    }
    if (bytes[i] === SLASH && bytes[i + 1] === GT) {
      i += 2;
      return true;
    }
    return fail();
  };
  /**
   * Character data from i to the next `<`: no carriage return (XML would turn it into a line
   * feed), no `]]>`, and `&` only as one of the five entities or a character reference to a
   * character XML allows when `entities`. Returns whether it holds a reference.
   */
  const charData = (entities: boolean): boolean => {
    const start = i;
    let unusual = false;
    let hasEntity = false;
    while (i < to) {
      const c = bytes[i];
      if (c === LT) break;
      if (c === 0x0d || (c === 0x5d && bytes[i + 1] === 0x5d && bytes[i + 2] === GT)) fail(); // ]]> is not text
      if (c === AMP) {
        if (!entities || !(entityAt(bytes, i) || charReferenceAt(bytes, i, to))) fail();
        hasEntity = true;
      }
      if (c < 0x20 || c >= 0x80) unusual = true;
      i++;
    }
    if (unusual && !plainUtf8(bytes, start, i)) fail();
    return hasEntity;
  };
  /** Past `</name>` at i. */
  const closeTag = (name: string) => {
    if (bytes[i] !== LT || bytes[i + 1] !== SLASH || !bytesAre(bytes, i + 2, name) || bytes[i + 2 + name.length] !== GT) fail();
    i += name.length + 3;
  };

  for (;;) {
    skipSpace();
    if (i >= to) break;
    if (!bytesAre(bytes, i, '<row') || !(isSpace(bytes[i + 4]) || bytes[i + 4] === GT || bytes[i + 4] === SLASH)) fail();
    i += 4;
    let r = 0;
    let hidden = false;
    let seen = 0;
    for (let n; (n = attribute(ROW_ATTRIBUTES)) >= 0;) {
      if (seen & (1 << n)) fail(); // an attribute twice
      seen |= 1 << n;
      if (n === 0 && (r = digits(bytes, valueStart, valueEnd)) === 0)
        fail(); // r="0" is not a row
      else if (n === 1)
        hidden = (valueEnd - valueStart === 1 && bytes[valueStart] === 0x31) || (valueEnd - valueStart === 4 && bytesAre(bytes, valueStart, 'true'));
    }
    visit.row(r, hidden);
    if (tagEnd()) continue;
    for (;;) {
      skipSpace();
      if (bytes[i] === LT && bytes[i + 1] === SLASH) break;
      if (!bytesAre(bytes, i, '<c') || !(isSpace(bytes[i + 2]) || bytes[i + 2] === GT || bytes[i + 2] === SLASH)) fail();
      i += 2;
      let row = 0;
      let col = -1;
      let t = 'n';
      let cellSeen = 0;
      for (let n; (n = attribute(CELL_ATTRIBUTES)) >= 0;) {
        if (cellSeen & (1 << n)) fail();
        cellSeen |= 1 << n;
        if (n === 0) {
          // Letters then digits, as the text reader's cellRef takes them.
          let k = valueStart;
          let c = 0;
          for (; k < valueEnd; k++) {
            const l = bytes[k] | 0x20;
            if (l < 0x61 || l > 0x7a) break;
            c = c * 26 + (l - 0x60);
          }
          if (k === valueStart || k === valueEnd || c > 16_384) fail();
          row = digits(bytes, k, valueEnd) - 1;
          col = c - 1;
        } else if (n === 2) {
          t = '';
          for (const name of TYPES) {
            if (name.length === valueEnd - valueStart && bytesAre(bytes, valueStart, name)) {
              t = name;
              break;
            }
          }
          if (t === '') fail();
        }
      }
      let hasFormula = false;
      let vStart = -1;
      let vEnd = -1;
      let inline: string | undefined;
      if (!tagEnd()) {
        for (;;) {
          skipSpace();
          if (bytes[i] !== LT) fail();
          if (bytes[i + 1] === SLASH) break;
          if (bytesAre(bytes, i, '<v>')) {
            if (vStart >= 0 || inline !== undefined) fail(); // a second value: the text reader decides
            i += 3;
            vStart = i;
            charData(false);
            vEnd = i;
            closeTag('v');
          } else if (bytesAre(bytes, i, '<v/>')) {
            if (vStart >= 0 || inline !== undefined) fail();
            i += 4;
            vStart = vEnd = i;
          } else if (bytesAre(bytes, i, '<is')) {
            // One `<t>` of text, or none; rich runs and phonetic readings go to the text reader.
            if (vStart >= 0 || inline !== undefined || !(bytes[i + 3] === GT || bytes[i + 3] === SLASH)) fail();
            i += 3;
            inline = '';
            if (!tagEnd()) {
              skipSpace();
              if (bytesAre(bytes, i, '<t') && (isSpace(bytes[i + 2]) || bytes[i + 2] === GT || bytes[i + 2] === SLASH)) {
                i += 2;
                if (attribute(TEXT_ATTRIBUTES) >= 0 && attribute(TEXT_ATTRIBUTES) >= 0) fail();
                if (!tagEnd()) {
                  const start = i;
                  const hasEntity = charData(true);
                  inline = textOf(bytes, start, i);
                  if (hasEntity) inline = decodeReferences(inline);
                  closeTag('t');
                }
                skipSpace();
              }
              closeTag('is');
            }
          } else if (bytesAre(bytes, i, '<f') && (isSpace(bytes[i + 2]) || bytes[i + 2] === GT || bytes[i + 2] === SLASH)) {
            hasFormula = true;
            i += 2;
            let fSeen = 0;
            for (let n; (n = attribute(FORMULA_ATTRIBUTES)) >= 0;) {
              if (fSeen & (1 << n)) fail();
              fSeen |= 1 << n;
            }
            if (!tagEnd()) {
              charData(true);
              closeTag('f');
            }
          } else fail();
        }
        closeTag('c');
      }
      visit.cell(row, col, t, hasFormula, vStart, vEnd, inline);
    }
    closeTag('row');
  }
  if (i !== to) fail();
}

/** CT_Row's attributes (r and hidden first: they are read), with the usual extension. */
const ROW_ATTRIBUTES = [
  'r',
  'hidden',
  'spans',
  's',
  'customFormat',
  'ht',
  'customHeight',
  'outlineLevel',
  'collapsed',
  'thickTop',
  'thickBot',
  'ph',
  'x14ac:dyDescent',
];
/** CT_Cell's attributes (r, then t at index 2). */
const CELL_ATTRIBUTES = ['r', 's', 't', 'cm', 'vm', 'ph'];
/** A `<t>`'s one attribute. */
const TEXT_ATTRIBUTES = ['xml:space'];
/** CT_CellFormula's attributes. */
const FORMULA_ATTRIBUTES = ['t', 'aca', 'ref', 'dt2D', 'dtr', 'del1', 'del2', 'r1', 'r2', 'ca', 'si', 'bx'];

const ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
const ENTITY_TEXT: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
/** Text with references checked by charData, decoded. */
export function decodeReferences(text: string): string {
  return text.replace(ENTITY, (e) => ENTITY_TEXT[e] ?? String.fromCodePoint(e[2] === 'x' ? parseInt(e.slice(3, -1), 16) : parseInt(e.slice(2, -1), 10)));
}

/** A character reference at `at` (an `&`), `&#233;` or `&#xE9;`, to a character XML 1.0 allows. */
export function charReferenceAt(bytes: Uint8Array, at: number, to: number): boolean {
  if (bytes[at + 1] !== 0x23) return false;
  const hex = bytes[at + 2] === 0x78;
  let k = at + (hex ? 3 : 2);
  let code = 0;
  const start = k;
  for (; k < to && bytes[k] !== 0x3b; k++) {
    const b = bytes[k];
    const d = b >= 0x30 && b <= 0x39 ? b - 0x30 : hex && (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 ? (b | 0x20) - 0x57 : -1;
    if (d < 0 || k - start > 8) return false;
    code = code * (hex ? 16 : 10) + d;
  }
  if (k === start || bytes[k] !== 0x3b) return false;
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Bytes already checked as plain UTF-8, as text. */
export function textOf(data: Uint8Array, from: number, to: number): string {
  let ascii = true;
  for (let k = from; k < to && ascii; k++) ascii = data[k] < 0x80;
  if (ascii) return to - from < 4096 ? String.fromCharCode.apply(null, data.subarray(from, to) as unknown as number[]) : latin1(data, from, to);
  return UTF8 ? UTF8.decode(data.subarray(from, to)) : strFromU8(data.subarray(from, to));
}

function latin1(data: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k += 4096) out += String.fromCharCode.apply(null, data.subarray(k, Math.min(to, k + 4096)) as unknown as number[]);
  return out;
}

/** A leading U+FEFF in a cell's text is text, not a byte order mark. */
const UTF8 = typeof TextDecoder === 'undefined' ? undefined : new TextDecoder('utf-8', { ignoreBOM: true });

/** One of the five predefined entities at `at` (an `&`). */
export function entityAt(bytes: Uint8Array, at: number): boolean {
  return (
    bytesAre(bytes, at, '&amp;') || bytesAre(bytes, at, '&lt;') || bytesAre(bytes, at, '&gt;') || bytesAre(bytes, at, '&quot;') || bytesAre(bytes, at, '&apos;')
  );
}

/** A positive decimal integer of at most 9 digits (row numbers), else NOT_BYTE_PLAIN. */
function digits(bytes: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 9) throw NOT_BYTE_PLAIN;
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = bytes[k] - 0x30;
    if (d < 0 || d > 9) throw NOT_BYTE_PLAIN;
    n = n * 10 + d;
  }
  return n;
}

/** Powers of ten exactly representable as doubles. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A `<v>` of plain decimal form (`-12`, `3.25`), without a string: its digits as an integer,
 * divided by a power of ten — exact operands, so the quotient is the correctly rounded double,
 * the same as Number() of the text. Undefined for anything else (exponents, 16 digits or more,
 * white space): the caller then goes through the text.
 */
export function plainNumberAt(bytes: Uint8Array, from: number, to: number): number | undefined {
  let k = from;
  const negative = bytes[k] === 0x2d;
  if (negative || bytes[k] === 0x2b) k++;
  let mantissa = 0;
  let count = 0;
  let fraction = -1;
  for (; k < to; k++) {
    const b = bytes[k];
    if (b === 0x2e) {
      if (fraction >= 0) return undefined;
      fraction = 0;
      continue;
    }
    const d = b - 0x30;
    if (d < 0 || d > 9) return undefined;
    mantissa = mantissa * 10 + d;
    if (++count > 15) return undefined;
    if (fraction >= 0) fraction++;
  }
  if (count === 0) return undefined;
  const n = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
  return negative ? -n : n;
}

/**
 * Whether bytes `from`..`to` are UTF-8 that XML 1.0 takes as it is: valid sequences (no
 * overlong forms, no surrogates), no control characters but tab and line ends, no U+FFFE or
 * U+FFFF. What the text reader would refuse or read differently is not read as bytes.
 */
export function plainUtf8(bytes: Uint8Array, from: number, to: number): boolean {
  let k = from;
  while (k < to) {
    const b = bytes[k];
    if (b < 0x80) {
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
      k++;
      continue;
    }
    const cont = (at: number) => at < to && (bytes[at] & 0xc0) === 0x80;
    if (b >= 0xc2 && b <= 0xdf) {
      if (!cont(k + 1)) return false;
      k += 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      const b1 = bytes[k + 1];
      if (!cont(k + 1) || !cont(k + 2)) return false;
      if (b === 0xe0 && b1 < 0xa0) return false; // overlong
      if (b === 0xed && b1 >= 0xa0) return false; // a surrogate
      if (b === 0xef && b1 === 0xbf && bytes[k + 2] >= 0xbe) return false; // U+FFFE, U+FFFF
      k += 3;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const b1 = bytes[k + 1];
      if (!cont(k + 1) || !cont(k + 2) || !cont(k + 3)) return false;
      if ((b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 >= 0x90)) return false;
      k += 4;
    } else return false;
  }
  return true;
}

/**
 * Index of the ASCII text `s` in `bytes` from `from`, or -1. Horspool's skips: a sheet is tens
 * of megabytes where every other byte is markup, so trying each `<` costs more than the scan.
 */
export function indexOfAscii(bytes: Uint8Array, s: string, from = 0): number {
  const m = s.length;
  const last = m - 1;
  const skip = new Int32Array(256).fill(m);
  for (let k = 0; k < last; k++) skip[s.charCodeAt(k)] = last - k;
  const lastChar = s.charCodeAt(last);
  for (let k = from; k + last < bytes.length; k += skip[bytes[k + last]]) if (bytes[k + last] === lastChar && bytesAre(bytes, k, s)) return k;
  return -1;
}
