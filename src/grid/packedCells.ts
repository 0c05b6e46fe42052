import { Interned } from '../compact/interned';
import { cellError, CellValue, isCellError } from './cell';

/**
 * A sheet's cells in three arrays instead of an array per row: each row's cells from column A to
 * its last value, as a kind and a number (the value itself, or the index of its text). The .xlsx
 * reader makes them: a national sheet's 40,000 row arrays and their figures, alive until its
 * tables were found, were copied by V8's young collector once or twice each. The preview's worker
 * hands a copy to the page, whose buffers are transferred rather than copied.
 */
export interface PackedCells {
  /** Where each row's cells start in `kinds` and `values`; row r has rowStart[r + 1] - rowStart[r] of them. */
  readonly rowStart: Int32Array;
  readonly kinds: Uint8Array;
  /** The number, or for text and errors the index in `texts`. */
  readonly values: Float64Array;
  readonly texts: ReadonlyArray<string>;
  /** The longest row's length. */
  readonly columns: number;
}

/** Kinds of cell; 0 is a blank. */
export const BLANK = 0;
export const NUMBER = 1;
export const TEXT = 2;
export const TRUE = 3;
export const FALSE = 4;
export const ERROR = 5;

export function packedHeight(p: PackedCells): number {
  return p.rowStart.length - 1;
}

/** Cells in row r (0 past the end). */
export function packedWidth(p: PackedCells, r: number): number {
  return r < 0 || r >= p.rowStart.length - 1 ? 0 : p.rowStart[r + 1] - p.rowStart[r];
}

export function packedValue(p: PackedCells, r: number, c: number): CellValue {
  if (r < 0 || r >= p.rowStart.length - 1 || c < 0) return null;
  const at = p.rowStart[r] + c;
  if (at >= p.rowStart[r + 1]) return null;
  switch (p.kinds[at]) {
    case NUMBER:
      return p.values[at];
    case TEXT:
      return p.texts[p.values[at]];
    case TRUE:
      return true;
    case FALSE:
      return false;
    case ERROR:
      return cellError(p.texts[p.values[at]]);
    default:
      return null;
  }
}

/** The cells as rows of values, blanks left out (holes), as a reader of rows makes them. */
export function unpackRows(p: PackedCells): CellValue[][] {
  const height = packedHeight(p);
  const rows: CellValue[][] = [];
  for (let r = 0; r < height; r++) {
    const width = packedWidth(p, r);
    if (width === 0) continue;
    const row: CellValue[] = [];
    for (let c = 0; c < width; c++) if (p.kinds[p.rowStart[r] + c] !== BLANK) row[c] = packedValue(p, r, c);
    rows[r] = row;
  }
  rows.length = height;
  return rows;
}

/** Packs rows of values in one pass (each text kept once). */
export function packRows(rows: ReadonlyArray<ReadonlyArray<CellValue> | undefined>): PackedCells {
  const height = rows.length;
  const rowStart = new Int32Array(height + 1);
  let cells = 0;
  let columns = 0;
  for (let r = 0; r < height; r++) {
    rowStart[r] = cells;
    const n = rows[r]?.length ?? 0;
    cells += n;
    if (n > columns) columns = n;
  }
  rowStart[height] = cells;
  const kinds = new Uint8Array(cells);
  const values = new Float64Array(cells);
  const texts = new Interned<string>();
  for (let r = 0; r < height; r++) {
    const row = rows[r];
    if (!row) continue;
    let at = rowStart[r];
    for (let c = 0; c < row.length; c++, at++) {
      const v = row[c];
      if (v !== null && v !== undefined) put(kinds, values, texts, at, v);
    }
  }
  return { rowStart, kinds, values, texts: texts.all(), columns };
}

/** Writes a value's kind and number at `at`. */
function put(kinds: Uint8Array, values: Float64Array, texts: Interned<string>, at: number, v: Exclude<CellValue, null>): void {
  if (typeof v === 'number') {
    kinds[at] = NUMBER;
    values[at] = v;
  } else if (typeof v === 'string') {
    kinds[at] = TEXT;
    values[at] = texts.of(v);
  } else if (typeof v === 'boolean') kinds[at] = v ? TRUE : FALSE;
  else if (isCellError(v)) {
    kinds[at] = ERROR;
    values[at] = texts.of(v.error);
  }
}

/**
 * Packs cells given in reading order (rows ascending, columns ascending within a row), as a sheet's
 * XML lists them. Texts from the shared-string table are kept once each by their index there.
 * `add` returns false, having kept nothing more, when the cells would take more room than
 * `budget` (a row padded from column A to one far cell, row after row): the caller reads the
 * sheet some other way.
 */
export class PackedCellsBuilder {
  private rowStart: Int32Array;
  private kinds: Uint8Array;
  private values: Float64Array;
  private readonly texts = new Interned<string>();
  private readonly sharedIndex = new Map<number, number>();
  /** Rows started so far (the last one still open), cells placed (blanks between them included), the longest row. */
  private rows = 0;
  private used = 0;
  private columns = 0;

  /** `expected`: about how many cells there are (room is made for more as they come). */
  constructor(
    expected: number,
    private readonly budget: number,
  ) {
    const cells = Math.max(1024, expected);
    this.kinds = new Uint8Array(cells);
    this.values = new Float64Array(cells);
    this.rowStart = new Int32Array(1024);
  }

  /** A number, a boolean, an error or a text other than a shared string; nulls are blanks and are not given. */
  add(row: number, col: number, value: Exclude<CellValue, null>): boolean {
    const at = this.place(row, col);
    if (at < 0) return false;
    put(this.kinds, this.values, this.texts, at, value);
    return true;
  }

  /** Shared string `index` of the workbook's table, whose text is `text` (not empty). */
  addShared(row: number, col: number, index: number, text: string): boolean {
    const at = this.place(row, col);
    if (at < 0) return false;
    let i = this.sharedIndex.get(index);
    if (i === undefined) this.sharedIndex.set(index, (i = this.texts.of(text)));
    this.kinds[at] = TEXT;
    this.values[at] = i;
    return true;
  }

  /**
   * The cells, in views of the arrays they were written into; copied to their size only when more
   * than half of the room made for them is left over (a sheet of long formulas has fewer cells
   * than its bytes suggest).
   */
  build(): PackedCells {
    const rowStart = this.rowStart.subarray(0, this.rows + 1);
    rowStart[this.rows] = this.used;
    const fit = this.used * 2 >= this.kinds.length;
    return {
      rowStart,
      kinds: fit ? this.kinds.subarray(0, this.used) : this.kinds.slice(0, this.used),
      values: fit ? this.values.subarray(0, this.used) : this.values.slice(0, this.used),
      texts: this.texts.all(),
      columns: this.columns,
    };
  }

  /** Where the cell goes (blanks from the row's last cell up to it made), or -1 past the budget. */
  private place(row: number, col: number): number {
    const newRow = row >= this.rows;
    const at = (newRow ? this.used : this.rowStart[row]) + col;
    if (at < this.used || (!newRow && row !== this.rows - 1)) throw new Error(`cell ${row},${col} given out of order`);
    const end = at + 1;
    if (end > this.budget) return -1;
    if (newRow) {
      // Rows with no value in between are empty: they start where the next one does.
      if (row + 2 > this.rowStart.length) this.rowStart = grown(this.rowStart, row + 2);
      this.rowStart.fill(this.used, this.rows, row + 1);
      this.rows = row + 1;
    }
    if (end > this.kinds.length) {
      const room = Math.max(end, this.kinds.length * 2);
      this.kinds = grown(this.kinds, room);
      this.values = grown(this.values, room);
    }
    // The blanks between the row's last cell and this one are already zero: nothing was written past `used`.
    this.used = end;
    if (col + 1 > this.columns) this.columns = col + 1;
    return at;
  }
}

function grown<T extends Int32Array | Uint8Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}
