import { SHEET_COLUMNS } from '../../grid/address';
import { PackageSheet } from '../package';
import { CellTargets } from '../patch/patchSheetCells';
import { MarkStatus, MarkTable } from './highlightPlan';

/**
 * The cells a copy marks on one worksheet, in row and column order, the marks on one cell merged
 * into one: the stronger status shows (shortfall over no-data), and the notes of all are joined,
 * each once. Kept as typed arrays sorted by cell: a national copy marks tens of thousands of cells,
 * and as a map of rows of merged objects they were some 300,000 small objects alive for the whole
 * patch, copied by the young collector and marked again by every full collection.
 *
 * As CellTargets its values are the cells' places here (0 to cellCount - 1).
 */
export class SheetMarks implements CellTargets<number> {
  /** Per cell: its row, column and status (1 when shortfall), and where its marks start in `marks`. */
  private readonly cellRow: Int32Array;
  private readonly cellCol: Int32Array;
  private readonly shortfall: Uint8Array;
  private readonly marksFrom: Int32Array;
  /** The table's marks on this sheet, by cell, each cell's in the plan's order. */
  private readonly marks: Int32Array;
  /** The rows marked, ascending, and where each row's cells start (one more entry: the end). */
  private readonly rows: number[] = [];
  private readonly rowFrom: number[] = [];
  readonly cellCount: number;

  /** `onSheet`: the places in `table` of the marks on this sheet, in the plan's order. */
  constructor(
    private readonly table: MarkTable,
    onSheet: ReadonlyArray<number>,
  ) {
    const n = onSheet.length;
    const key = new Float64Array(n);
    for (let j = 0; j < n; j++) key[j] = table.row(onSheet[j]) * SHEET_COLUMNS + table.col(onSheet[j]); // sorts by row, then column
    // Plans list marks unit by unit, nearly in row order already: the sort has little to do.
    const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => key[a] - key[b] || a - b);
    this.cellRow = new Int32Array(n);
    this.cellCol = new Int32Array(n);
    this.shortfall = new Uint8Array(n);
    this.marksFrom = new Int32Array(n + 1);
    this.marks = new Int32Array(n);
    let cells = 0;
    for (let k = 0; k < n; k++) {
      const j = order[k];
      const mark = onSheet[j];
      this.marks[k] = mark;
      if (k === 0 || key[j] !== key[order[k - 1]]) {
        const row = table.row(mark);
        this.cellRow[cells] = row;
        this.cellCol[cells] = table.col(mark);
        this.marksFrom[cells] = k;
        if (cells === 0 || this.cellRow[cells - 1] !== row) {
          this.rows.push(row);
          this.rowFrom.push(cells);
        }
        cells++;
      }
      if (table.status(mark) === 'shortfall') this.shortfall[cells - 1] = 1;
    }
    this.marksFrom[cells] = n;
    this.rowFrom.push(cells);
    this.cellCount = cells;
  }

  keys(): ReadonlyArray<number> {
    return this.rows;
  }

  /** A row's marked cells as [column, cell] pairs, by column; undefined when the row has none. */
  get(row: number): Array<[number, number]> | undefined {
    let lo = 0;
    let hi = this.rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.rows[mid];
      if (r === row) {
        const out: Array<[number, number]> = [];
        for (let c = this.rowFrom[mid]; c < this.rowFrom[mid + 1]; c++) out.push([this.cellCol[c], c]);
        return out;
      }
      if (r < row) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  row(cell: number): number {
    return this.cellRow[cell];
  }

  col(cell: number): number {
    return this.cellCol[cell];
  }

  status(cell: number): MarkStatus {
    return this.shortfall[cell] ? 'shortfall' : 'no-data';
  }

  hasNote(cell: number): boolean {
    for (let k = this.marksFrom[cell]; k < this.marksFrom[cell + 1]; k++) if (this.table.hasNote(this.marks[k])) return true;
    return false;
  }

  /** The notes of a cell's marks joined, the same note twice (two tables naming the cell) once; '' when none has one. */
  note(cell: number): string {
    const notes: string[] = [];
    for (let k = this.marksFrom[cell]; k < this.marksFrom[cell + 1]; k++) {
      const mark = this.marks[k];
      const note = this.table.hasNote(mark) ? this.table.note(mark) : '';
      if (note && !notes.includes(note)) notes.push(note);
    }
    return notes.join('\n\n');
  }
}

/**
 * A table's marks by worksheet: first the sheets marks name exactly, in workbook order, then any a
 * mark names another way (case, Unicode form), as it comes. Throws for a mark on a sheet the
 * workbook lacks, or on a cell that is not an address: a plan that does so is a bug of its caller.
 */
export function groupMarks(table: MarkTable, sheets: ReadonlyArray<PackageSheet>): Map<PackageSheet, SheetMarks> {
  const named = new Set<string>();
  for (let i = 0; i < table.length; i++) named.add(table.sheet(i));
  const bySheet = new Map<PackageSheet, number[]>();
  for (const s of sheets) if (named.has(s.name)) bySheet.set(s, []);
  // Marks come sheet by sheet: the sheet is looked up when the name changes, not for every mark.
  let lastName: string | undefined;
  let list: number[] = [];
  for (let i = 0; i < table.length; i++) {
    const name = table.sheet(i);
    if (name !== lastName) {
      lastName = name;
      const sheet = findSheet(sheets, name);
      let onSheet = bySheet.get(sheet);
      if (!onSheet) bySheet.set(sheet, (onSheet = []));
      list = onSheet;
    }
    list.push(i);
  }
  const out = new Map<PackageSheet, SheetMarks>();
  for (const [sheet, onSheet] of bySheet) out.set(sheet, new SheetMarks(table, onSheet));
  return out;
}

function findSheet(sheets: ReadonlyArray<PackageSheet>, name: string): PackageSheet {
  const key = (s: string) => s.normalize('NFC').toLowerCase();
  const sheet = sheets.find((s) => s.name === name) ?? sheets.find((s) => key(s.name) === key(name));
  // A plan that names a missing sheet is a bug in the caller, not a problem with the user's file.
  if (!sheet) throw new Error(`highlight plan marks sheet "${name}", which the workbook does not have`);
  if (!sheet.path) throw new Error(`highlight plan marks sheet "${name}", which is not a worksheet`);
  return sheet;
}
