/** A1 addresses <-> zero-based row/column indexes. */

export interface CellRef {
  readonly row: number; // 0-based
  readonly col: number; // 0-based
}

export interface RangeRef {
  readonly top: number;
  readonly left: number;
  readonly bottom: number; // inclusive
  readonly right: number; // inclusive
}

export function columnName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
  return n - 1;
}

export function toA1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** Columns in a sheet (A to XFD). */
export const SHEET_COLUMNS = 16384;

/** Rows an address written the usual way can name (seven digits at most: see usualA1). */
export const USUAL_A1_ROWS = 9_999_999;

/**
 * An A1 address written the usual way (upper-case letters, a row without a leading zero, within
 * XFD: what toA1 makes) as one number, row × SHEET_COLUMNS + column, which toA1 makes back into the
 * same text; -1 for any other text. Kept as numbers, a national check's cell texts cost no strings.
 */
export function usualA1(text: string): number {
  let i = 0;
  let col = 0;
  for (; i < text.length && i < 4; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41 || c > 0x5a) break;
    col = col * 26 + (c - 0x40);
  }
  const letters = i;
  let row = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39 || (i === letters && c === 0x30)) break;
    row = row * 10 + (c - 0x30);
  }
  const usual = letters > 0 && letters <= 3 && i === text.length && i - letters >= 1 && i - letters <= 7 && col <= SHEET_COLUMNS;
  return usual ? (row - 1) * SHEET_COLUMNS + (col - 1) : -1;
}

/** A cell reference as written, with how many letters and digits it had. */
export interface ScannedA1 extends CellRef {
  readonly letters: number;
  readonly digits: number;
}

/**
 * The one reader of cell references: `AB12` (letters in either case, then digits) → row and
 * column; with `absolute`, a `$` may stand before the letters and before the digits (`$AB$12`).
 * Undefined for anything else. A loop over characters, no regex: the workbook reader calls it for
 * every cell of every sheet.
 */
export function scanA1(text: string, absolute = false): ScannedA1 | undefined {
  let i = absolute && text.charCodeAt(0) === 0x24 /* $ */ ? 1 : 0;
  const lettersFrom = i;
  let col = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  const letters = i - lettersFrom;
  if (absolute && letters > 0 && text.charCodeAt(i) === 0x24) i++;
  if (letters === 0 || i === text.length) return undefined;
  for (let j = i; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  return { row: Number(text.slice(i)) - 1, col: col - 1, letters, digits: text.length - i };
}

/** The column of a plain `AB12` (upper-case letters, then digits), without making a reference: read for every figure of a table. */
export function columnOfA1(a1: string): number {
  let col = 0;
  for (let i = 0; i < a1.length; i++) {
    const c = a1.charCodeAt(i);
    if (c < 0x41 || c > 0x5a) break;
    col = col * 26 + (c - 0x40);
  }
  return col - 1;
}

/** `B12`, `$B$12` or ` b12 `: at most three letters (XFD) and seven digits; throws on anything else. */
export function parseA1(a1: string): CellRef {
  const ref = scanA1(a1.trim(), true);
  if (!ref || ref.letters > 3 || ref.digits > 7) throw new Error(`Not an A1 cell address: ${a1}`);
  return { row: ref.row, col: ref.col };
}

export function parseRange(ref: string): RangeRef {
  const [a, b] = ref.split(':');
  const s = parseA1(a);
  const e = b ? parseA1(b) : s;
  return {
    top: Math.min(s.row, e.row),
    left: Math.min(s.col, e.col),
    bottom: Math.max(s.row, e.row),
    right: Math.max(s.col, e.col),
  };
}

export function rangeToA1(r: RangeRef): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** `'Báo cáo'!E9` — quoted the way Excel quotes sheet names in references. */
export function sheetRef(sheet: string, a1: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet);
  return plain ? `${sheet}!${a1}` : `'${sheet.replace(/'/g, "''")}'!${a1}`;
}
