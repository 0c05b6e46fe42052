import { RangeRef, toA1 } from '../../src/grid/address';
import { areasForCells } from './addressList';
import { CellFill, FILL_PROPERTIES, fillOf } from './cellFill';
import { RoundTrips } from './roundTrips';

/** Rows between two marked cells of a column that are still read in one command rather than two. */
const GAP = 4;
const BYTES_PER_CELL = 160; // one cell's fill properties in the response
/** Rows per command at most, so one command fits well inside a payload (RoundTrips). */
const RUN_ROWS = 1_000;

export interface FillRead {
  /** After the sync: A1 → the cell's fill. */
  collect(): Map<string, CellFill>;
}

/**
 * Queue reading the fills of scattered cells of one sheet: one `getCellProperties` per run of
 * rows in a column (up to RUN_ROWS), so the commands grow with runs, not cells (a layout-C column
 * of units is one per thousand rows). Each command's response is reserved on `trips`.
 */
export async function queueReadFills(trips: RoundTrips, sheet: Excel.Worksheet, cells: Iterable<string>): Promise<FillRead> {
  const results: { run: RangeRef; props: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  for (const r of bridge(areasForCells(cells))) {
    for (let top = r.top; top <= r.bottom; top += RUN_ROWS) {
      const rows = Math.min(RUN_ROWS, r.bottom - top + 1);
      await trips.reserve(rows * BYTES_PER_CELL);
      results.push({ run: { ...r, top }, props: sheet.getRangeByIndexes(top, r.left, rows, 1).getCellProperties(FILL_PROPERTIES) });
    }
  }
  return {
    collect() {
      const out = new Map<string, CellFill>();
      for (const { run, props } of results) props.value.forEach((row, i) => out.set(toA1(run.top + i, run.left), fillOf(row[0])));
      return out;
    },
  };
}

function bridge(areas: RangeRef[]): RangeRef[] {
  const out: RangeRef[] = [];
  for (const a of areas) {
    const last = out[out.length - 1];
    if (last && last.left === a.left && a.top - last.bottom <= GAP) out[out.length - 1] = { ...last, bottom: a.bottom };
    else out.push(a);
  }
  return out;
}
