import { CellValue } from './cell';
import { RangeRef } from './address';
import { PackedCells, packedHeight, packedValue, packedWidth } from './packedCells';

/**
 * The core's view of a workbook: plain values, no formatting, no Office.js, no file format.
 * Both the .xlsx reader and the Excel add-in produce this; everything after works on it alone.
 */
export interface WorkbookGrid {
  readonly sheets: SheetGrid[];
}

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface SheetGrid {
  readonly name: string;
  readonly visibility: SheetVisibility;
  /** rows[r][c], zero-based from A1; missing rows/cells are blank. */
  readonly rows: ReadonlyArray<ReadonlyArray<CellValue> | undefined>;
  /**
   * The same cells packed, when the sheet was read that way (the .xlsx reader's): `rows` is then
   * made only if asked for, and cellAt, rowCount, columnCount and the tables' SheetView, which
   * read the packed cells, never ask.
   */
  readonly packed?: PackedCells;
  /** Merged areas; the value sits in the top-left cell. */
  readonly merges: ReadonlyArray<RangeRef>;
  readonly hiddenRows: ReadonlySet<number>;
  /** Excel tables (ListObjects) on this sheet. */
  readonly tables: ReadonlyArray<ExcelTable>;
  /** Cells that hold a formula (A1), so reasons can say a value was computed. Optional. */
  readonly formulaCells?: ReadonlySet<string>;
}

export interface ExcelTable {
  readonly name: string;
  readonly range: RangeRef;
  /** Rows of header at the top (0 when the table has none). */
  readonly headerRows: number;
  /** Rows of totals at the bottom. */
  readonly totalsRows: number;
}

export function cellAt(sheet: SheetGrid, row: number, col: number): CellValue {
  if (sheet.packed) return packedValue(sheet.packed, row, col);
  const r = sheet.rows[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function rowCount(sheet: SheetGrid): number {
  return sheet.packed ? packedHeight(sheet.packed) : sheet.rows.length;
}

export function columnCount(sheet: SheetGrid): number {
  if (sheet.packed) return sheet.packed.columns;
  let n = 0;
  for (const r of sheet.rows) if (r && r.length > n) n = r.length;
  return n;
}

/**
 * Each cell of row `row` that holds a value, by column ascending, whichever way the sheet keeps its
 * cells (a packed sheet's rows are not made); stops when `visit` returns false.
 */
export function forEachValue(sheet: SheetGrid, row: number, visit: (col: number, value: Exclude<CellValue, null>) => boolean | void): void {
  const p = sheet.packed;
  if (p) {
    const width = packedWidth(p, row);
    for (let c = 0; c < width; c++) {
      const v = packedValue(p, row, c);
      if (v !== null && visit(c, v) === false) return;
    }
    return;
  }
  const r = sheet.rows[row];
  if (!r) return;
  // Object.keys lists only the cells that exist: a sparse row costs its cells.
  for (const k of Object.keys(r)) {
    const c = Number(k);
    const v = r[c];
    if (v !== null && v !== undefined && visit(c, v) === false) return;
  }
}

/** Whether no cell of the sheet holds a value. */
export function holdsNoValue(sheet: SheetGrid): boolean {
  let any = false;
  for (let r = 0; r < rowCount(sheet) && !any; r++) forEachValue(sheet, r, () => ((any = true), false));
  return !any;
}

/** The merged area that covers a cell, if any. */
export function mergeAt(sheet: SheetGrid, row: number, col: number): RangeRef | undefined {
  for (const m of sheet.merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  }
  return undefined;
}
