import { parseRange, RangeRef } from '../../src/grid/address';
import { CellValue, cellError } from '../../src/grid/cell';
import { ExcelTable, SheetGrid, SheetVisibility, WorkbookGrid } from '../../src/grid/grid';
import { RoundTrips } from './roundTrips';

/** The open workbook as the core sees it, plus what the writer needs to know about each sheet. */
export interface WorkbookRead {
  readonly grid: WorkbookGrid;
  /** Sheets whose protection is on: nothing is written there. */
  readonly protectedSheets: ReadonlySet<string>;
}

/** Reports which phase the read is in (for a progress bar); `cells` comes with how many cells will be read. */
export type ReadProgress = (phase: 'sheets' | 'ranges' | 'cells', detail?: { cells: number; sheets: number }) => void;

/**
 * Other "find, then read" work sharing the read's syncs instead of adding its own: whatever the
 * caller queued before the read goes with sync 1, and `queueRead` is called after sync 1 to go
 * with sync 2 (e.g. the highlight memory, the reviews part). Returns its response's bytes if known.
 */
export interface ReadsAlong {
  queueRead(): number | void;
}

export interface ReadOptions {
  readonly alongside?: ReadonlyArray<ReadsAlong>;
  /** Bytes per sync; Excel on the web's cap unless told otherwise (the bench lifts it). */
  readonly budget?: number;
}

/**
 * Rows per block: small enough that a block's merged areas stay under the 512 that
 * `getMergedAreasOrNullObject` can return, and its cells well under Microsoft's 5k–20k-row advice.
 */
const BLOCK_ROWS = 250;
const BLOCK_CELLS = 20_000;
/** Response bytes per cell for values + valueTypes (a number and "Double" ≈ 15; text more). */
const BYTES_PER_CELL = 30;
const BYTES_PER_ROW = 40; // row properties and the block's merged areas

const VISIBILITY: Record<string, SheetVisibility> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

interface Block {
  readonly sheet: number;
  readonly top: number;
  readonly rows: number;
  readonly cols: number;
  readonly range: Excel.Range;
  readonly merges: Excel.RangeAreas;
  readonly rowProps: OfficeExtension.ClientResult<Excel.RowProperties[]>;
}

/**
 * Reads every worksheet (visible, hidden and very hidden) into the core's grid: computed values
 * (never formulas), errors kept apart from text, merged areas, hidden rows and Excel tables.
 * Three phases, one sync each however large the workbook (see RoundTrips for the one exception):
 * 1. the sheets and tables; 2. each sheet's used range and each table's range; 3. every block of
 * rows of every sheet. Cells are read from A1 so addresses match the file. Work queued by the
 * caller before the read, and `options.alongside`, ride on syncs 1 and 2.
 */
export async function readWorkbookGrid(context: Excel.RequestContext, onPhase: ReadProgress = () => undefined, options: ReadOptions = {}): Promise<WorkbookRead> {
  const trips = new RoundTrips(context, options.budget);
  onPhase('sheets');

  const worksheets = context.workbook.worksheets.load('items/name,items/visibility,items/protection/protected');
  const tables = context.workbook.tables.load('items/name,items/showHeaders,items/showTotals,items/worksheet/name');
  await trips.flush();

  const sheets = worksheets.items;
  onPhase('ranges');
  // Values only: formatting alone can stretch the used range to the last row of the sheet.
  const used = sheets.map((s) => s.getUsedRangeOrNullObject(true).load('rowIndex,rowCount,columnIndex,columnCount'));
  const tableRanges = tables.items.map((t) => t.getRange().load('rowIndex,rowCount,columnIndex,columnCount'));
  for (const other of options.alongside ?? []) await trips.reserve(other.queueRead() ?? 0);
  await trips.flush();

  let cells = 0;
  for (const u of used) if (!u.isNullObject) cells += (u.rowIndex + u.rowCount) * (u.columnIndex + u.columnCount);
  onPhase('cells', { cells, sheets: used.filter((u) => !u.isNullObject).length });

  const blocks: Block[] = [];
  for (let i = 0; i < sheets.length; i++) {
    const u = used[i];
    if (u.isNullObject) continue;
    const rows = u.rowIndex + u.rowCount;
    const cols = u.columnIndex + u.columnCount;
    const step = Math.max(1, Math.min(BLOCK_ROWS, Math.floor(BLOCK_CELLS / cols)));
    for (let top = 0; top < rows; top += step) {
      const n = Math.min(step, rows - top);
      await trips.reserve(n * cols * BYTES_PER_CELL + n * BYTES_PER_ROW);
      const range = sheets[i].getRangeByIndexes(top, 0, n, cols).load('values,valueTypes');
      blocks.push({
        sheet: i,
        top,
        rows: n,
        cols,
        range,
        // Only areas whose top-left cell lies in the block are returned (office-js #3611), so the
        // blocks together list each merged area exactly once.
        merges: range.getMergedAreasOrNullObject().load('address'),
        rowProps: range.getRowProperties({ rowHidden: true }),
      });
    }
  }
  await trips.flush();

  const grids: SheetBuild[] = sheets.map((s) => ({
    name: s.name,
    visibility: VISIBILITY[s.visibility] ?? 'visible',
    rows: [],
    merges: [],
    hiddenRows: new Set<number>(),
    tables: [],
  }));
  for (const b of blocks) collectBlock(b, grids[b.sheet]);
  tables.items.forEach((t, i) => {
    const sheet = grids.find((g) => g.name === t.worksheet.name);
    const r = tableRanges[i];
    sheet?.tables.push({
      name: t.name,
      range: { top: r.rowIndex, left: r.columnIndex, bottom: r.rowIndex + r.rowCount - 1, right: r.columnIndex + r.columnCount - 1 },
      headerRows: t.showHeaders ? 1 : 0,
      totalsRows: t.showTotals ? 1 : 0,
    });
  });
  const protectedSheets = new Set(sheets.filter((s) => s.protection.protected).map((s) => s.name));
  return { grid: { sheets: grids }, protectedSheets };
}

/** A sheet while its blocks arrive; it is a SheetGrid once complete. */
interface SheetBuild extends SheetGrid {
  readonly rows: (CellValue[] | undefined)[];
  readonly merges: RangeRef[];
  readonly hiddenRows: Set<number>;
  readonly tables: ExcelTable[];
}

function collectBlock(b: Block, grid: SheetBuild): void {
  const rows = grid.rows;
  const values = b.range.values;
  const types = b.range.valueTypes;
  for (let r = 0; r < b.rows; r++) {
    let row: CellValue[] | undefined;
    for (let c = 0; c < b.cols; c++) {
      const v = cellValue(values[r][c], types[r][c]);
      if (v === null) continue;
      row ??= [];
      row[c] = v;
    }
    if (row) rows[b.top + r] = Array.from(row, (v) => (v === undefined ? null : v));
  }
  b.rowProps.value.forEach((p, i) => {
    if (p.rowHidden) grid.hiddenRows.add(b.top + i);
  });
  if (!b.merges.isNullObject) grid.merges.push(...areasOf(b.merges.address));
}

/** Excel gives "" for an empty cell and the error's text for an error; the core wants null and a CellError. */
function cellValue(v: unknown, type: Excel.RangeValueType | string): CellValue {
  switch (type) {
    case 'Empty':
      return null;
    case 'Error':
      return cellError(String(v));
    default:
      if (typeof v === 'number' || typeof v === 'boolean') return v;
      if (typeof v === 'string') return v === '' ? null : v;
      return null;
  }
}

/** `'Báo cáo'!A1:C1, 'Báo cáo'!D4` → ranges. Sheet names may hold commas and `!`, inside quotes. */
export function areasOf(address: string): RangeRef[] {
  const out: RangeRef[] = [];
  let part = '';
  let quoted = false;
  for (const ch of address + ',') {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      const a1 = part.slice(part.lastIndexOf('!') + 1).trim();
      if (a1) out.push(parseRange(a1));
      part = '';
    } else part += ch;
  }
  return out;
}
