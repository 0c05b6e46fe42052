import { parseA1, parseRange, RangeRef } from '../../src/grid/address';
import { CellValue, cellError } from '../../src/grid/cell';
import { ExcelTable, SheetGrid, SheetVisibility, WorkbookGrid } from '../../src/grid/grid';
import { PAYLOAD_BUDGET, RoundTrips } from './roundTrips';

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
  /** Rows of the sheet's used range from row 1: a whole-column merged area is cut there. */
  readonly sheetRows: number;
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
export async function readWorkbookGrid(
  context: Excel.RequestContext,
  onPhase: ReadProgress = () => undefined,
  options: ReadOptions = {},
): Promise<WorkbookRead> {
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

  const blocks = await readBlocks(context, sheets, used, options.budget ?? PAYLOAD_BUDGET);

  const grids: SheetBuild[] = sheets.map((s) => ({
    name: s.name,
    visibility: VISIBILITY[s.visibility] ?? 'visible',
    rows: [],
    merges: [],
    hiddenRows: new Set<number>(),
    tables: [],
  }));
  const mergesSeen = grids.map(() => new Set<string>());
  for (const b of blocks) collectBlock(b, grids[b.sheet], mergesSeen[b.sheet]);
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

/** How many times phase 3 is split and sent again before its error is the caller's. */
const MAX_SPLITS = 6;

/**
 * Phase 3: every block of rows of every sheet, in as few syncs as the budget allows. Two limits
 * can only be learnt by hitting them, and both are plain reads, so the phase is split and sent
 * again instead of failing the check:
 * - the response exceeds 5 MB (`ResponsePayloadSizeLimitExceeded`): the 30 bytes a cell is reserved
 *   underestimate long Vietnamese labels (16,000 rows × 7 columns with a 120-character label column
 *   is 6.6 MB), so the budget per sync is halved: more syncs, same blocks;
 * - `getMergedAreasOrNullObject` fails when a range holds more than 512 merged areas (documented;
 *   the error has no code of its own), e.g. a 300-row form with three merges per row: the blocks
 *   are halved, so each holds fewer merges.
 */
async function readBlocks(context: Excel.RequestContext, sheets: Excel.Worksheet[], used: Excel.Range[], budget: number): Promise<Block[]> {
  let rowsPerBlock = BLOCK_ROWS;
  for (let attempt = 0; ; attempt++) {
    const trips = new RoundTrips(context, budget);
    const blocks: Block[] = [];
    for (let i = 0; i < sheets.length; i++) {
      const u = used[i];
      if (u.isNullObject) continue;
      const rows = u.rowIndex + u.rowCount;
      const cols = u.columnIndex + u.columnCount;
      const step = Math.max(1, Math.min(rowsPerBlock, Math.floor(BLOCK_CELLS / cols)));
      for (let top = 0; top < rows; top += step) {
        const n = Math.min(step, rows - top);
        await trips.reserve(n * cols * BYTES_PER_CELL + n * BYTES_PER_ROW);
        const range = sheets[i].getRangeByIndexes(top, 0, n, cols).load('values,valueTypes');
        blocks.push({
          sheet: i,
          top,
          rows: n,
          cols,
          sheetRows: rows,
          range,
          // Only areas whose top-left cell lies in the block are returned (office-js #3611), so the
          // blocks together should list each merged area once; collectBlock drops a repeat anyway.
          merges: range.getMergedAreasOrNullObject().load('address'),
          rowProps: range.getRowProperties({ rowHidden: true }),
        });
      }
    }
    try {
      await trips.flush();
      return blocks;
    } catch (e) {
      const code = (e as { code?: string } | null)?.code ?? '';
      if (attempt >= MAX_SPLITS) throw e;
      if (/PayloadSizeLimitExceeded$/.test(code) || /PayloadSizeLimitExceeded/.test(String((e as Error)?.message))) budget = Math.floor(budget / 2);
      else if (rowsPerBlock > 1) rowsPerBlock = Math.ceil(rowsPerBlock / 2);
      else throw e;
    }
  }
}

/** A sheet while its blocks arrive; it is a SheetGrid once complete. */
interface SheetBuild extends SheetGrid {
  readonly rows: (CellValue[] | undefined)[];
  readonly merges: RangeRef[];
  readonly hiddenRows: Set<number>;
  readonly tables: ExcelTable[];
}

function collectBlock(b: Block, grid: SheetBuild, mergesSeen: Set<string>): void {
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
  if (b.merges.isNullObject) return;
  for (const area of areasOf(b.merges.address)) {
    // A whole row (`1:1`) or column (`H:H`) merged: only the part inside the read cells matters.
    const m = { ...area, right: Math.min(area.right, b.cols - 1), bottom: Math.min(area.bottom, b.sheetRows - 1) };
    const key = `${m.top},${m.left},${m.bottom},${m.right}`;
    if (mergesSeen.has(key)) continue; // listed by two blocks (office-js #3611, should it be fixed)
    mergesSeen.add(key);
    grid.merges.push(m);
  }
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

/**
 * `'Báo cáo'!A1:C1, 'Báo cáo'!D4` → ranges. Sheet names may hold commas and `!`, inside quotes.
 * Excel writes a whole row as `1:1` and a whole column as `H:H` (`RangeAreas.address`): they
 * reach the sheet's last column (XFD) or row (1,048,576).
 */
export function areasOf(address: string): RangeRef[] {
  const out: RangeRef[] = [];
  let part = '';
  let quoted = false;
  for (const ch of address + ',') {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      const a1 = part.slice(part.lastIndexOf('!') + 1).trim();
      if (a1) out.push(areaOf(a1));
      part = '';
    } else part += ch;
  }
  return out;
}

const LAST_ROW = 1_048_575;
const LAST_COL = 16_383;

function areaOf(a1: string): RangeRef {
  const plain = a1.replace(/\$/g, '');
  const rows = /^(\d+):(\d+)$/.exec(plain);
  if (rows) return { top: Math.min(+rows[1], +rows[2]) - 1, bottom: Math.max(+rows[1], +rows[2]) - 1, left: 0, right: LAST_COL };
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(plain);
  if (cols) {
    const [a, b] = [parseA1(`${cols[1]}1`).col, parseA1(`${cols[2]}1`).col];
    return { top: 0, bottom: LAST_ROW, left: Math.min(a, b), right: Math.max(a, b) };
  }
  return parseRange(plain);
}
