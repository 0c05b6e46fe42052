import { WorkbookGrid } from '../grid/grid';
import { IndicatorTable } from './indicatorTable';
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
export function findIndicatorTables(grid: WorkbookGrid, matcher: LabelMatcher): IndicatorTable[] {
  const tables: IndicatorTable[] = [];
  for (const sheet of grid.sheets) {
    const view = new SheetView(sheet);
    const used = new Set<number>();
    for (const t of sheet.tables) {
      if (t.headerRows < 1) continue;
      const table = readColumnTable(view, matcher, t.range, {
        headerRow: t.range.top,
        lastDataRow: t.range.bottom - t.totalsRows,
        tableName: t.name,
      });
      for (let r = t.range.top; r <= t.range.bottom; r++) used.add(r);
      if (table) tables.push(table);
    }
    const rowTables = findRowTables(view, matcher, used);
    tables.push(...rowTables);
    for (const t of rowTables) for (const o of t.observations) used.add(rowOf(o.cell));
    if (rowTables.length === 0) tables.push(...findLooseColumnTables(view, matcher, used));
  }
  return tables;
}

function rowOf(a1: string): number {
  return Number(/\d+$/.exec(a1)![0]) - 1;
}
