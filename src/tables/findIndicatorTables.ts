import { Bindings, NO_BINDINGS } from '../bindings/binding';
import { parseA1, RangeRef, rangeToA1 } from '../grid/address';
import { cellText } from '../grid/cell';
import { cellAt, SheetGrid, WorkbookGrid } from '../grid/grid';
import { plainObservation } from './columnFigure';
import { withReplaced } from './columnTableFigures';
import { IndicatorTable, Observation } from './indicatorTable';
import { findLooseColumnTables, readColumnTable } from './layoutColumns';
import { findRowTables } from './layoutRows';
import { LabelMatcher } from './labelMatcher';
import { SheetView } from './sheetView';

/**
 * Finds every indicator table in a workbook, on every sheet: Excel tables (layout C) first,
 * then header rows with periods (layouts A and B), then unit-per-row tables that are not Excel
 * tables. A sheet of instructions or notes yields nothing because no label in it matches the
 * pack's catalogue next to a period header.
 */
export function findIndicatorTables(grid: WorkbookGrid, matcher: LabelMatcher, bindings: Bindings = NO_BINDINGS): IndicatorTable[] {
  // A person reads the sheets they can see: hidden ones (last year's copy, a draft) are read only
  // when no visible sheet holds a table.
  const visible = tablesOn(
    grid.sheets.filter((s) => s.visibility === 'visible'),
    matcher,
    bindings,
  );
  return visible.length > 0
    ? visible
    : tablesOn(
        grid.sheets.filter((s) => s.visibility !== 'visible'),
        matcher,
        bindings,
      );
}

function tablesOn(sheets: ReadonlyArray<SheetGrid>, matcher: LabelMatcher, bindings: Bindings): IndicatorTable[] {
  const tables: IndicatorTable[] = [];
  for (const sheet of sheets) {
    if (isOwnFindingsSheet(sheet)) continue;
    const view = new SheetView(sheet);
    const first = tables.length;
    const used = new Set<number>();
    for (const t of sheet.tables) {
      if (t.headerRows < 1) continue;
      const table = readColumnTable(view, matcher, bindings, t.range, {
        headerRow: t.range.top,
        lastDataRow: t.range.bottom - t.totalsRows,
        tableName: t.name,
      });
      // Rows past the sheet's last cell hold nothing: a table declared down to row 1,048,576 costs only its cells.
      for (let r = t.range.top; r <= Math.min(t.range.bottom, view.height - 1); r++) used.add(r);
      if (table) tables.push(table);
    }
    const rowTables = findRowTables(view, matcher, bindings, used);
    tables.push(...rowTables);
    for (const t of rowTables) for (const o of t.observations) used.add(rowOf(o.cell));
    if (rowTables.length === 0) tables.push(...findLooseColumnTables(view, matcher, bindings, used));
    for (let i = first; i < tables.length; i++) tables[i] = withMergedFigures(view, tables[i]);
  }
  return tables;
}

/**
 * A figure in a merged area is ambiguous when the area also covers another figure of the table
 * (`D7:E7` over the baseline and current columns), or when the cell is not the area's top-left
 * (its value is shown across cells it does not own): no data, with the area named, never a guess.
 */
function withMergedFigures(view: SheetView, table: IndicatorTable): IndicatorTable {
  if (view.sheet.merges.length === 0) return table; // nothing to look up for each of a national table's figures
  const areaAt = new Map<number, RangeRef>();
  const figuresIn = new Map<RangeRef, number>();
  let i = 0;
  for (const o of table.observations) {
    const { row, col } = parseA1(o.cell);
    const m = view.mergeAt(row, col);
    if (m && !(m.top === m.bottom && m.left === m.right)) {
      areaAt.set(i, m);
      figuresIn.set(m, (figuresIn.get(m) ?? 0) + 1);
    }
    i++;
  }
  const replaced = new Map<number, Observation>();
  for (const [at, m] of areaAt) {
    const o = table.observations.at(at)!;
    const { row, col } = parseA1(o.cell);
    const ownsIt = m.top === row && m.left === col && figuresIn.get(m) === 1;
    if (!ownsIt) replaced.set(at, { ...plainObservation(o), value: undefined, merged: rangeToA1(m) });
  }
  return replaced.size === 0 ? table : { ...table, observations: withReplaced(table.observations, replaced) };
}

/**
 * The findings sheet a highlighted copy carries (titled `… (Pledge Check): …` in A1) lists units,
 * targets and figures: read as data, checking a copy would find them a second time.
 */
function isOwnFindingsSheet(sheet: SheetGrid): boolean {
  return cellText(cellAt(sheet, 0, 0)).includes('(Pledge Check)');
}

function rowOf(a1: string): number {
  return Number(/\d+$/.exec(a1)![0]) - 1;
}
