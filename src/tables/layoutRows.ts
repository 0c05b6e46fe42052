import { toA1 } from '../grid/address';
import { isLabelHeader, isFillerOnly, isSttHeader } from './headers';
import { IndicatorTable } from './indicatorTable';
import { readIndicatorRows, ValueColumn } from './indicatorRows';
import { LabelMatcher } from './labelMatcher';
import { unitFromLetterhead } from './letterhead';
import { assignPeriodRoles, parsePeriod, PeriodMention } from './periods';
import { SheetView } from './sheetView';
import { fold } from './text';

/** A header row whose cells name periods: the start of a layout A or B table. */
interface PeriodRow {
  readonly row: number;
  readonly cols: number[];
  readonly mentions: PeriodMention[];
}

function periodRowAt(view: SheetView, r: number): PeriodRow | undefined {
  const cols: number[] = [];
  const mentions: PeriodMention[] = [];
  let labelHeader = false;
  for (let c = 0; c < view.width; c++) {
    const t = view.text(r, c);
    if (!t) continue;
    if (isLabelHeader(t)) labelHeader = true;
    const p = parsePeriod(t);
    if (p && isFillerOnly(p.rest)) {
      cols.push(c);
      mentions.push(p);
    }
  }
  return cols.length >= 2 || (cols.length === 1 && labelHeader) ? { row: r, cols, mentions } : undefined;
}

/**
 * Finds tables whose indicators are rows: layout A (one unit, periods as columns) and layout B
 * (a unit's name merged over its period columns: a two-level header).
 */
export function findRowTables(view: SheetView, matcher: LabelMatcher, skipRows: ReadonlySet<number>): IndicatorTable[] {
  const tables: IndicatorTable[] = [];
  for (let r = 0; r < view.height; r++) {
    if (skipRows.has(r)) continue;
    const pr = periodRowAt(view, r);
    if (!pr) continue;
    const table = r > 0 ? asLayoutB(view, matcher, pr) ?? asLayoutA(view, matcher, pr) : asLayoutA(view, matcher, pr);
    if (table && table.table.observations.length > 0) {
      tables.push(table.table);
      r = table.lastRow;
    }
  }
  return tables;
}

function labelColumns(view: SheetView, headerRows: number[], firstPeriodCol: number, firstDataRow: number) {
  let labelCol: number | undefined;
  let sttCol: number | undefined;
  for (const hr of headerRows) {
    for (let c = 0; c < firstPeriodCol; c++) {
      const t = view.shownText(hr, c);
      if (labelCol === undefined && isLabelHeader(t)) labelCol = c;
      if (sttCol === undefined && isSttHeader(t)) sttCol = c;
    }
  }
  if (labelCol === undefined) {
    // No header word: take the column left of the figures with the most text in it.
    let best = -1;
    for (let c = 0; c < firstPeriodCol; c++) {
      let n = 0;
      for (let r = firstDataRow; r < Math.min(view.height, firstDataRow + 60); r++) {
        const t = view.text(r, c);
        if (t && !/^[\d.,\s]+$/.test(t)) n += t.length;
      }
      if (n > best) {
        best = n;
        labelCol = c;
      }
    }
  }
  return { labelCol, sttCol: sttCol === labelCol ? undefined : sttCol };
}

/** The row of column numbers under a header (`1 | 2 | 3 | 4 | 5 | 6=(5-4)/4 | 7`) is not data. */
function isColumnNumberRow(view: SheetView, r: number): boolean {
  const texts = view.rowTexts(r).filter((t) => t);
  return texts.length >= 2 && texts.every((t) => /^\(?\d+\)?(\s*=.*)?$/.test(t) || /^[A-Z]$/.test(t));
}

function firstDataRowAfter(view: SheetView, headerRow: number): number {
  let r = headerRow + 1;
  while (r < view.height && isColumnNumberRow(view, r)) r++;
  return r;
}

function asLayoutA(view: SheetView, matcher: LabelMatcher, pr: PeriodRow) {
  const roles = assignPeriodRoles(pr.mentions);
  const unit = unitFromLetterhead(view, pr.row) ?? view.sheet.name;
  const columns: ValueColumn[] = [];
  for (const role of ['current', 'baseline'] as const) {
    const i = roles.indexOf(role);
    if (i >= 0) columns.push({ col: pr.cols[i], unit, period: role, periodLabel: view.text(pr.row, pr.cols[i]) });
  }
  if (!columns.some((c) => c.period === 'current')) return undefined;
  return readRowTable(view, matcher, pr, 'A', columns, [unit], pr.row);
}

function asLayoutB(view: SheetView, matcher: LabelMatcher, pr: PeriodRow) {
  // Group the period columns by the unit named above them (a merged cell over the group).
  const groups = new Map<string, number[]>();
  for (let i = 0; i < pr.cols.length; i++) {
    const name = view.shownText(pr.row - 1, pr.cols[i]);
    if (!name || parsePeriod(name) || isLabelHeader(name)) return undefined;
    const key = fold(name);
    const idx = groups.get(key) ?? [];
    idx.push(i);
    groups.set(key, idx);
  }
  if (groups.size < 2) return undefined;
  const columns: ValueColumn[] = [];
  const units: string[] = [];
  for (const idx of groups.values()) {
    const unit = view.shownText(pr.row - 1, pr.cols[idx[0]]);
    units.push(unit);
    const roles = assignPeriodRoles(idx.map((i) => pr.mentions[i]));
    for (const role of ['current', 'baseline'] as const) {
      const j = roles.indexOf(role);
      if (j >= 0) columns.push({ col: pr.cols[idx[j]], unit, period: role, periodLabel: view.text(pr.row, pr.cols[idx[j]]) });
    }
  }
  return readRowTable(view, matcher, pr, 'B', columns, units, pr.row - 1);
}

/** Reads the indicator rows under a period header row, once its value columns are known. */
function readRowTable(view: SheetView, matcher: LabelMatcher, pr: PeriodRow, layout: 'A' | 'B', columns: ValueColumn[], units: string[], anchorRow: number) {
  const firstRow = firstDataRowAfter(view, pr.row);
  const headerRows = pr.row > 0 ? [pr.row, pr.row - 1] : [pr.row];
  const { labelCol, sttCol } = labelColumns(view, headerRows, Math.min(...pr.cols), firstRow);
  if (labelCol === undefined) return undefined;
  const read = readIndicatorRows(view, matcher, { labelCol, sttCol, firstRow, columns });
  const table: IndicatorTable = {
    sheet: view.sheet.name,
    layout,
    anchor: toA1(anchorRow, labelCol),
    units,
    observations: read.observations,
    problems: read.problems,
  };
  return { lastRow: read.lastRow, table };
}
