import { cellText, CellValue } from '../grid/cell';
import { cellAt, columnCount, mergeAt, SheetGrid } from '../grid/grid';

/** Small read helpers over a sheet that see merged cells the way a reader of the printed sheet does. */
export class SheetView {
  readonly width: number;
  constructor(readonly sheet: SheetGrid) {
    this.width = columnCount(sheet);
  }

  get height(): number {
    return this.sheet.rows.length;
  }

  value(row: number, col: number): CellValue {
    return cellAt(this.sheet, row, col);
  }

  text(row: number, col: number): string {
    return cellText(cellAt(this.sheet, row, col));
  }

  /** Text of a cell, or of the merged area covering it (the value sits in the area's top-left). */
  shownText(row: number, col: number): string {
    const m = mergeAt(this.sheet, row, col);
    return m ? this.text(m.top, m.left) : this.text(row, col);
  }

  rowTexts(row: number): string[] {
    const out: string[] = [];
    for (let c = 0; c < this.width; c++) out.push(this.text(row, c));
    return out;
  }

  isBlankRow(row: number): boolean {
    const r = this.sheet.rows[row];
    return !r || r.every((v) => v === null || v === undefined || cellText(v) === '');
  }
}
