import { RangeRef, toA1 } from '../../src/grid/address';
import { areasForCells } from './addressList';
import { CellFill, FILL_PROPERTIES, fillOf } from './cellFill';

/** Rows between two marked cells of a column that are still read in one command rather than two. */
const GAP = 4;
const BYTES_PER_CELL = 160; // one cell's fill properties in the response

export interface FillRead {
  /** Response size in bytes, for RoundTrips. */
  readonly bytes: number;
  /** After the sync: A1 → the cell's fill. */
  collect(): Map<string, CellFill>;
}

/**
 * Queue reading the fills of scattered cells of one sheet: one `getCellProperties` per run of
 * rows in a column, so the commands grow with runs, not cells (a layout-C column of units is one).
 */
export function queueReadFills(sheet: Excel.Worksheet, cells: Iterable<string>): FillRead {
  const runs = bridge(areasForCells(cells));
  const results = runs.map((r) => ({
    run: r,
    props: sheet.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, 1).getCellProperties(FILL_PROPERTIES),
  }));
  return {
    bytes: runs.reduce((n, r) => n + (r.bottom - r.top + 1) * BYTES_PER_CELL, 0),
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
