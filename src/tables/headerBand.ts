import { RangeRef } from '../grid/address';
import { figureInText } from './figures';
import { SheetView } from './sheetView';

/** What one column's header says, from its top row to the row just above the data. */
export interface ColumnHeading {
  readonly col: number;
  /** The texts shown above the data in this column, top to bottom; a cell merged down several header rows counts once. */
  readonly path: string[];
  readonly text: string;
  /** The merged area of the path's last text, when it is merged: a leaf over several columns names none of them alone. */
  readonly leafArea?: RangeRef;
}

/** Header rows are rarely more than three: group → indicator → period. */
export const MAX_HEADER_ROWS = 3;

/**
 * The rows of a header whose last row is `bottom`: that row and up to two rows above that carry
 * column headings — a group cell merged over sub-columns (`Phạm pháp hình sự` over `2025 | 2024`,
 * a unit's name over its periods). A title row (one text over the whole table), a blank row or a row
 * of figures ends the header.
 */
export function headerRows(view: SheetView, bottom: number, left: number, right: number): number[] {
  const rows = [bottom];
  for (let r = bottom - 1; r >= 0 && rows.length < MAX_HEADER_ROWS; r--) {
    if (!isHeadingRow(view, r, left, right)) break;
    rows.unshift(r);
  }
  return rows;
}

export function isHeadingRow(view: SheetView, r: number, left: number, right: number): boolean {
  // The row's texts as areas (a text and the columns it spans); only how many there are and the
  // first one's span are needed, so no list of them is made: every row of a sheet is asked.
  let areas = 0;
  let lastText = '';
  let lastFrom = -1;
  let firstFrom = 0;
  let firstTo = 0;
  for (const c of view.shownCols(r)) {
    if (c < left || c > right) continue;
    const v = view.value(r, c);
    // A figure (not a year), typed as a number or as text (`1.245`), means the row is data, not a heading.
    const n = typeof v === 'number' ? v : typeof v === 'string' ? figureInText(v) : undefined;
    if (n !== undefined && !(Number.isInteger(n) && n >= 1900 && n < 2100)) return false;
    const text = view.shownText(r, c);
    const m = view.mergeAt(r, c);
    const from = m ? m.left : c;
    if (areas > 0 && lastText === text && lastFrom === from) {
      if (areas === 1) firstTo = c;
      continue;
    }
    areas++;
    lastText = text;
    lastFrom = from;
    if (areas === 1) {
      firstFrom = from;
      firstTo = c;
    }
  }
  if (areas === 0) return false;
  if (areas >= 2) return true;
  // One text alone: a group over some columns, or a title over the table (starting at its left edge or covering most of it).
  const width = right - left + 1;
  return firstFrom > left && firstTo - firstFrom + 1 < width * 0.8;
}

/** Each column's heading over the given header rows. */
export function columnHeadings(view: SheetView, rows: ReadonlyArray<number>, left: number, right: number): ColumnHeading[] {
  const out: ColumnHeading[] = [];
  for (const col of headedColumns(view, rows, left, right)) {
    const path: string[] = [];
    // The top-left cell of the last text's area: one cell merged down several header rows counts once.
    let lastTop = -1;
    let lastLeft = -1;
    let leafArea: RangeRef | undefined;
    for (const r of rows) {
      const text = view.shownText(r, col);
      if (!text) continue;
      const m = view.mergeAt(r, col);
      const top = m ? m.top : r;
      const areaLeft = m ? m.left : col;
      if (top === lastTop && areaLeft === lastLeft) continue;
      lastTop = top;
      lastLeft = areaLeft;
      leafArea = m;
      path.push(text);
    }
    if (path.length) out.push({ col, path, text: path.join(' '), ...(leafArea ? { leafArea } : {}) });
  }
  return out;
}

/** The columns with a heading in any of the rows, ascending. */
function headedColumns(view: SheetView, rows: ReadonlyArray<number>, left: number, right: number): number[] {
  // One row (every data row is tried as a header): its columns are already in order.
  if (rows.length === 1) return view.shownCols(rows[0]).filter((c) => c >= left && c <= right);
  const cols = new Set<number>();
  for (const r of rows) for (const c of view.shownCols(r)) if (c >= left && c <= right) cols.add(c);
  return [...cols].sort((a, b) => a - b);
}

/**
 * Whether the row under a header row still belongs to the header (`2025 | 2024` under a group
 * cell): it has headings over the figures' columns, and the table's first column is blank there or covered by a cell merged
 * down from the header, where a data row would name its unit.
 */
export function continuesHeader(view: SheetView, row: number, firstCol: number, figuresFrom: number, right: number): boolean {
  // Sub-headings stand over the figures; a section row's words stand in the label column.
  if (!view.cellCols(row).some((c) => c >= figuresFrom && c <= right)) return false;
  if (!isHeadingRow(view, row, firstCol, right)) return false;
  const m = view.mergeAt(row, firstCol);
  if (m && m.top < row) return true;
  return view.text(row, firstCol) === '';
}
