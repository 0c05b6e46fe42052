import { CellValue } from './cell';
import { RangeRef } from './address';
import { PackedCells, packedHeight, packedValue } from './packedCells';

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

/** The merged area that covers a cell, if any. */
export function mergeAt(sheet: SheetGrid, row: number, col: number): RangeRef | undefined {
  for (const m of sheet.merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  }
  return undefined;
}
