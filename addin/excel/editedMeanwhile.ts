import { CellValue, isCellError } from '../../src/grid/cell';
import { cellAt, WorkbookGrid } from '../../src/grid/grid';
import { IndicatorTable } from '../../src/tables/indicatorTable';
import { areasForCells } from './addressList';
import { groupBy } from './groupBy';
import { HighlightMemory } from './highlightMemory';
import { jsonBytes, RoundTrips } from './roundTrips';
import { SheetProxies } from './sheetProxies';
import { WriteCondition } from './writeHighlights';

/** Response bytes a re-read cell takes besides its value (`[…],`). */
const BYTES_PER_CELL = 4;
/** Rows per re-read command, so that one command stays well inside a payload. */
const RUN_ROWS = 50_000;

/**
 * "Was the workbook edited while it was being checked?", answered in the write's first sync, just
 * before anything is written, with no sync of its own: the figures the check read are read again
 * and compared with what it saw, and the highlight memory's parts are listed again (another Pledge
 * Check, e.g. the ribbon's, which runs in its own runtime, may have written highlights meanwhile).
 * When the answer is yes, nothing is written and the pane asks to check again.
 *
 * Not `worksheets.onChanged` (ExcelApi 1.9): events arrive asynchronously, so nothing promises that
 * an edit made just before the write has been delivered when the write starts, and stale highlights
 * could not be stopped; telling the user's edits from our own note writes needs `triggerSource`
 * (1.14, above our 1.13 minimum); and any add-in can switch events off (`runtime.enableEvents`).
 * The re-read answers from Excel's own state, in order with the write that follows. Our fills and
 * notes are not values and are written after this read, so they never count as an edit.
 * (A figure from a volatile formula such as RAND() would; pledge figures are typed or summed.)
 */
export function editedMeanwhile(
  context: Excel.RequestContext,
  grid: WorkbookGrid,
  tables: ReadonlyArray<IndicatorTable>,
  memory: HighlightMemory,
): WriteCondition {
  const reads: { sheet: string; top: number; col: number; range: Excel.Range }[] = [];
  let memoryChanged = () => false;
  const byName = new Map(grid.sheets.map((s) => [s.name, s]));
  const before = (sheet: string, row: number, col: number) => {
    const seen = byName.get(sheet);
    return asExcelValue(seen ? cellAt(seen, row, col) : null);
  };
  return {
    async queue(trips: RoundTrips) {
      const sheets = new SheetProxies(context);
      const cells = tables.flatMap((t) => Array.from(t.observations, (o) => ({ sheet: o.sheet, cell: o.cell })));
      for (const [sheet, onSheet] of groupBy(cells, (c) => c.sheet)) {
        // One command per run of rows in a column: a layout-C column of units is one (up to RUN_ROWS).
        for (const a of areasForCells(onSheet.map((c) => c.cell))) {
          for (let top = a.top; top <= a.bottom; top += RUN_ROWS) {
            const rows = Math.min(RUN_ROWS, a.bottom - top + 1);
            // The answer should be what was read before, so its size is known and the budget kept exactly.
            let bytes = 100;
            for (let r = top; r < top + rows; r++) bytes += BYTES_PER_CELL + valueBytes(before(sheet, r, a.left));
            await trips.reserve(bytes);
            reads.push({ sheet, top, col: a.left, range: sheets.get(sheet).getRangeByIndexes(top, a.left, rows, 1).load('values') });
          }
        }
      }
      await trips.reserve(200);
      memoryChanged = memory.queueRecount();
    },
    holds() {
      if (memoryChanged()) return false;
      for (const r of reads) {
        const now = r.range.values;
        for (let i = 0; i < now.length; i++) if (shown(now[i][0]) !== before(r.sheet, r.top + i, r.col)) return false;
      }
      return true;
    },
  };
}

/** A cell of the grid as Excel's `values` gives it: "" for blank, the error's text for an error. */
function asExcelValue(v: CellValue): unknown {
  if (v === null) return '';
  return isCellError(v) ? v.error : v;
}

function valueBytes(v: unknown): number {
  return typeof v === 'string' ? jsonBytes(v) : String(v).length;
}

/** What Excel gave, as the read kept it: anything but a number, a truth value or text was read as blank. */
function shown(v: unknown): unknown {
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : '';
}
