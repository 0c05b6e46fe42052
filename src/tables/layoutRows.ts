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
  for (const c of view.cellCols(r)) {
    const v = view.value(r, c);
    // A number names a period only as a year (`2024`): data rows of figures are skipped cheaply.
    if (typeof v === 'number' && !(Math.abs(v) >= 1900 && Math.abs(v) < 2100)) continue;
    const t = view.text(r, c);
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
    for (const c of view.shownCols(hr)) {
      if (c >= firstPeriodCol) break;
      const t = view.shownText(hr, c);
      if (labelCol === undefined && isLabelHeader(t)) labelCol = c;
      if (sttCol === undefined && isSttHeader(t)) sttCol = c;
    }
  }
  if (labelCol === undefined) {
    // No header word: take the column left of the figures with the most text in it.
    // Counted over the cells present, so a far-right period column costs nothing extra.
    const textIn = new Map<number, number>();
    for (let r = firstDataRow; r < Math.min(view.height, firstDataRow + 60); r++) {
      for (const [c, n] of textWeights(view, r)) {
        if (c >= firstPeriodCol) break;
        textIn.set(c, (textIn.get(c) ?? 0) + n);
      }
    }
    let best = -1;
    for (const [c, n] of [...textIn].sort((a, b) => a[0] - b[0])) {
      if (n > best) {
        best = n;
        labelCol = c;
      }
    }
    // With no text at all the leftmost column is taken, as before.
    if (labelCol === undefined && firstPeriodCol > 0) labelCol = 0;
  }
  return { labelCol, sttCol: sttCol === labelCol ? undefined : sttCol };
}

/**
 * Length of each cell's text that is not just a number, by column: what makes a column the label
 * column. Kept per row, because every header-like row above reads the same sixty rows again.
 */
function textWeights(view: SheetView, r: number): ReadonlyArray<readonly [number, number]> {
  let rows = weights.get(view);
  if (!rows) weights.set(view, (rows = []));
  let w = rows[r];
  if (!w) {
    w = [];
    for (const c of view.cellCols(r)) {
      const t = view.text(r, c);
      if (!/^[\d.,\s]+$/.test(t)) w.push([c, t.length]);
    }
    rows[r] = w;
  }
  return w;
}

const weights = new WeakMap<SheetView, Array<Array<readonly [number, number]> | undefined>>();

/** The row of column numbers under a header (`1 | 2 | 3 | 4 | 5 | 6=(5-4)/4 | 7`) is not data. */
function isColumnNumberRow(view: SheetView, r: number): boolean {
  const texts = view.rowTexts(r);
  return texts.length >= 2 && texts.every((t) => /^\(?\d+\)?(\s*=.*)?$/.test(t) || /^[A-Z]$/.test(t));
}

function firstDataRowAfter(view: SheetView, headerRow: number): number {
  let r = headerRow + 1;
  // One row of column numbers, two at most; a sheet of plain figures must not be skipped whole for every header.
  while (r < view.height && r <= headerRow + 2 && isColumnNumberRow(view, r)) r++;
  return r;
}

function asLayoutA(view: SheetView, matcher: LabelMatcher, pr: PeriodRow) {
  const roles = assignPeriodRoles(pr.mentions);
  const unit = unitFromLetterhead(view, pr.row) ?? view.sheet.name;
  const columns: ValueColumn[] = [];
  for (const role of ['current', 'baseline'] as const) {
    roles.forEach((r, i) => {
      if (r === role) columns.push({ col: pr.cols[i], unit, period: role, periodLabel: view.text(pr.row, pr.cols[i]) });
    });
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
    // Every column of a role, not the first: a unit named over two groups of columns has two
    // figures per period, and that ambiguity is reported (no data), never settled by position.
    for (const role of ['current', 'baseline'] as const) {
      roles.forEach((r, j) => {
        if (r === role) columns.push({ col: pr.cols[idx[j]], unit, period: role, periodLabel: view.text(pr.row, pr.cols[idx[j]]) });
      });
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
