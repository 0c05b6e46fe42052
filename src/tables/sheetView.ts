import { sameNumbers } from '../compact/sameNumbers';
import { cellText, CellValue } from '../grid/cell';
import { RangeRef } from '../grid/address';
import { cellAt, columnCount, rowCount, SheetGrid } from '../grid/grid';
import { FALSE, NUMBER, PackedCells, packedWidth, TEXT, TRUE } from '../grid/packedCells';

/**
 * Cells covered by merged areas that the view indexes. Far above any real sheet (ten thousand
 * merges of a hundred cells each), far below what would hang a check: a file can declare one
 * merge over all 17 billion cells of a sheet. Merges past the budget are read as unmerged, so
 * the cells they cover are blank: no data, never a guess.
 */
const MERGED_CELL_BUDGET = 5_000_000;

/** Rows up to this length are walked cell by cell: the cost is bounded, and no key strings are made. */
const SHORT_ROW = 256;

/**
 * Small read helpers over a sheet that see merged cells the way a reader of the printed sheet does.
 * Scans go through `cellCols`/`shownCols`, so their cost follows the cells a sheet holds, not the
 * rectangle from A1 to its farthest cell (one stray cell in XFD1048576 must not cost 17 billion steps).
 */
export class SheetView {
  readonly width: number;
  private readonly cellColsCache: Array<readonly number[] | undefined> = [];
  private mergesByRow: Map<number, RangeRef[]> | undefined;
  /** The last list cellCols made (see there). */
  private lastCols: readonly number[] | undefined;
  private readonly scratchCols: number[] = [];

  constructor(readonly sheet: SheetGrid) {
    this.width = columnCount(sheet);
  }

  get height(): number {
    return rowCount(this.sheet);
  }

  value(row: number, col: number): CellValue {
    return cellAt(this.sheet, row, col);
  }

  text(row: number, col: number): string {
    const v = cellAt(this.sheet, row, col);
    return typeof v === 'number' ? numberText(v) : cellText(v);
  }

  /** Text of a cell, or of the merged area covering it (the value sits in the area's top-left). */
  shownText(row: number, col: number): string {
    const m = this.mergeAt(row, col);
    return m ? this.text(m.top, m.left) : this.text(row, col);
  }

  /** Whether a merged area covers any cell of the row: without one, the row shows just its own cells. */
  hasMergesOn(row: number): boolean {
    return this.merges().has(row);
  }

  mergeAt(row: number, col: number): RangeRef | undefined {
    // Asked of every cell a header may hold: no empty list made for a row without merges, no iterator.
    const areas = this.merges().get(row);
    if (areas === undefined) return undefined;
    for (let i = 0; i < areas.length; i++) if (col >= areas[i].left && col <= areas[i].right) return areas[i];
    return undefined;
  }

  /** Columns of the row's own non-blank cells, ascending. */
  cellCols(row: number): readonly number[] {
    let cols = this.cellColsCache[row];
    if (cols === undefined) {
      const packed = this.sheet.packed;
      const r = packed ? undefined : this.sheet.rows[row];
      // Gathered in one array written over row after row (see lastCols).
      const out = this.scratchCols;
      let n = 0;
      // Object.keys lists only the cells that exist, ascending: a sparse row costs its cells.
      // A short row is walked by index (no key strings); a long one, maybe one stray far cell, by its keys.
      if (packed) n = packedCols(packed, row, out);
      else if (r && r.length <= SHORT_ROW) {
        for (let c = 0; c < r.length; c++) if (shows(r[c])) out[n++] = c;
      } else if (r)
        for (const k of Object.keys(r)) {
          const c = Number(k);
          if (shows(r[c])) out[n++] = c;
        }
      // Rows of a table hold the same columns one after another: they share one list, so a
      // national sheet keeps a handful of lists, not one per row for the young collector to copy,
      // and a row like the last makes none.
      const last = this.lastCols;
      cols = last !== undefined && sameNumbers(last, out, n) ? last : (this.lastCols = out.slice(0, n));
      this.cellColsCache[row] = cols;
    }
    return cols;
  }

  /** Columns where the row shows text: its own cells and those covered by a merged area with text. */
  shownCols(row: number): readonly number[] {
    const own = this.cellCols(row);
    const areas = this.merges().get(row);
    if (!areas) return own;
    const set = new Set(own);
    for (const m of areas) {
      if (this.text(m.top, m.left) === '') continue;
      for (let c = m.left; c <= Math.min(m.right, this.width - 1); c++) set.add(c);
    }
    return [...set].sort((a, b) => a - b);
  }

  /** The texts of the row's non-blank cells, left to right. */
  rowTexts(row: number): string[] {
    return this.cellCols(row).map((c) => this.text(row, c));
  }

  isBlankRow(row: number): boolean {
    return this.cellCols(row).length === 0;
  }

  /** Merged areas by the rows they span, clipped to the sheet's cells, within the budget. */
  private merges(): Map<number, RangeRef[]> {
    if (this.mergesByRow) return this.mergesByRow;
    const byRow = new Map<number, RangeRef[]>();
    let covered = 0;
    for (const m of this.sheet.merges) {
      const bottom = Math.min(m.bottom, this.height - 1);
      const right = Math.min(m.right, this.width - 1);
      if (bottom < m.top || right < m.left) continue;
      covered += (bottom - m.top + 1) * (right - m.left + 1);
      if (covered > MERGED_CELL_BUDGET) break;
      for (let r = m.top; r <= bottom; r++) {
        const list = byRow.get(r);
        if (list) list.push(m);
        else byRow.set(r, [m]);
      }
    }
    this.mergesByRow = byRow;
    return byRow;
  }
}

/** packed's columns in row `row` that show something (as `shows` says), written into `out`; how many. */
function packedCols(packed: PackedCells, row: number, out: number[]): number {
  const { kinds, values, texts } = packed;
  const from = row < packed.rowStart.length - 1 ? packed.rowStart[row] : 0;
  const to = from + packedWidth(packed, row);
  let n = 0;
  for (let i = from; i < to; i++) {
    const kind = kinds[i];
    // An error's text is '' (cellText): it shows nothing, as a blank.
    if (kind === NUMBER || kind === TRUE || kind === FALSE || (kind === TEXT && texts[values[i]].trim() !== '')) out[n++] = i - from;
  }
  return n;
}

/** Whether a cell shows any text (`cellText` not empty), without making the text of a figure. */
function shows(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return v.trim() !== '';
  return typeof v === 'number' || typeof v === 'boolean' || cellText(v) !== '';
}

/**
 * `cellText` of a figure, made once per value: the same few hundred figures fill a national sheet,
 * and each cell is read as a possible heading.
 */
function numberText(n: number): string {
  let t = numberTexts.get(n);
  if (t === undefined) {
    if (numberTexts.size > 100_000) numberTexts.clear();
    t = cellText(n);
    numberTexts.set(n, t);
  }
  return t;
}

const numberTexts = new Map<number, string>();
