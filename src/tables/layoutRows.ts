import { sameNumbers } from '../compact/sameNumbers';
import { toA1 } from '../grid/address';
import { isLabelHeader, isSttHeader, isTotalsLabel } from './headers';
import { ColumnHeading, columnHeadings, continuesHeader, headerRows } from './headerBand';
import { isColumnNumberRow } from './tableEdges';
import { Bindings } from '../bindings/binding';
import { ColumnRole, HeaderReading, IndicatorTable } from './indicatorTable';
import { readIndicatorRows, ValueColumn } from './indicatorRows';
import { LabelMatcher } from './labelMatcher';
import { unitFromLetterhead } from './letterhead';
import { assignPeriodRoles, classifyHeader, HeaderKind, isFillerOnly, PeriodMention } from './periods';
import { SheetView } from './sheetView';
import { fold } from './text';
import { isYearFigure, textFacts } from './textFacts';

/** A header whose columns name periods: the start of a layout A or B table. */
interface PeriodRow {
  /** The header's last row; data starts below it. */
  readonly row: number;
  /** The columns of this table: the whole row, or one of several reports side by side. */
  readonly left: number;
  readonly right: number;
  /** Set when the table is one of several side by side: its letterhead is looked for above its own columns. */
  readonly sideBySide: boolean;
  readonly headerRows: number[];
  readonly cols: number[];
  readonly mentions: PeriodMention[];
  /** For each period column, the heading words above and around its period (a unit's name in layout B). */
  readonly owners: string[];
  readonly headings: ColumnHeading[];
}

/**
 * Cheap test first: a row of a national sheet is almost always data, and only a row where some
 * cell reads like a period, plan or year can end a header.
 */
function mayEndHeader(view: SheetView, bindings: Bindings, r: number): boolean {
  for (const c of view.cellCols(r)) {
    const v = view.value(r, c);
    if (typeof v === 'number') {
      if (v >= 1900 && v < 2100 && Number.isInteger(v)) return true;
      continue;
    }
    if (classifyHeader(view.text(r, c)).kind !== 'none' || bindings.periodFor(view.sheet.name, view.text(r, c))) return true;
  }
  return false;
}

function periodRowAt(view: SheetView, bindings: Bindings, r: number, block?: { left: number; right: number }): PeriodRow | undefined {
  // The periods may stand in a row above the last one (`Năm 2025` merged over units' names).
  if (!mayEndHeader(view, bindings, r) && !(r > 0 && mayEndHeader(view, bindings, r - 1)) && !(r > 1 && mayEndHeader(view, bindings, r - 2))) return undefined;
  const own = block ? colsWithin(view.shownCols(r), block.left, block.right) : view.shownCols(r);
  if (own.length === 0) return undefined;
  const left = block ? block.left : own[0];
  const right = block ? block.right : Math.max(own[own.length - 1], view.width - 1);
  const rows = headerRows(view, r, left, right);
  if (rows.length === 1 && tooFewPeriods(view, bindings, r, left, right)) return undefined;
  const headings = columnHeadings(view, rows, left, right);
  const cols: number[] = [];
  const mentions: PeriodMention[] = [];
  const owners: string[] = [];
  let labelHeader = false;
  for (const h of headings) {
    if (h.path.some((p) => textFacts(p).labelHeader)) labelHeader = true;
    // A heading merged across columns on the last header row (a title such as `Kỳ báo cáo: năm 2025`
    // over the whole form) names one column at most, never each column under it.
    const wide = h.leafArea;
    if (wide && wide.right > wide.left && h.col !== wide.left) continue;
    const m = periodOfHeading(h, bindings, view.sheet.name);
    if (!m) continue;
    cols.push(h.col);
    mentions.push(m.mention);
    owners.push(m.owner);
  }
  if (!(cols.length >= 2 || (cols.length === 1 && labelHeader))) return undefined;
  // The header goes on below (`Năm 2025` over `Kế hoạch | Thực hiện`): read it from its last row.
  // The table's first column is the leftmost of its header rows (`STT` may stand only in the top one).
  const firstCol = leftmostOf(view, rows, left);
  if (r + 1 < view.height && !isColumnNumberRow(view, r + 1) && continuesHeader(view, r + 1, firstCol, Math.min(...cols), right)) return undefined;
  return { row: r, left, right, sideBySide: block !== undefined, headerRows: rows, cols, mentions, owners, headings };
}

// periodRowAt tries every row of a sheet: its closures would make a context on every call (their
// variables live in it), so what they did is done here.

/** The leftmost column shown in any of the header rows (`left` for a row with none). */
function leftmostOf(view: SheetView, rows: ReadonlyArray<number>, left: number): number {
  let min = Infinity;
  for (const hr of rows) min = Math.min(min, view.shownCols(hr)[0] ?? left);
  return min;
}

/** The columns from left to right. */
function colsWithin(cols: ReadonlyArray<number>, left: number, right: number): number[] {
  const out: number[] = [];
  for (const c of cols) if (c >= left && c <= right) out.push(c);
  return out;
}

/**
 * A header of one row with no merged cell has a heading per cell, each its cell's text: it needs
 * two period columns, or one beside a label heading. Checked on each row's texts once, because
 * every data row of a national sheet that shows a period (`01/2025`) is tried as a header.
 */
function tooFewPeriods(view: SheetView, bindings: Bindings, r: number, left: number, right: number): boolean {
  if (bindings.size > 0 || view.hasMergesOn(r)) return false;
  const { periodCols, labelCols } = headingCellsOf(view, r);
  let periods = 0;
  for (const c of periodCols) if (c >= left && c <= right) periods++;
  if (periods !== 1) return periods === 0;
  return !labelCols.some((c) => c >= left && c <= right);
}

/**
 * What a row's cells say on their own, as headings: which are a period, which a label heading, and
 * where label headings start side-by-side blocks. Kept per row: each row is read as part of three
 * headers, and a national sheet has tens of thousands of rows. Rows that say the same (the data
 * rows of a table, a period in the same column of each) share one, read-only.
 */
interface HeadingCells {
  readonly periodCols: ReadonlyArray<number>;
  readonly labelCols: ReadonlyArray<number>;
  readonly blockStarts: ReadonlyArray<number>;
}

function headingCellsOf(view: SheetView, r: number): HeadingCells {
  let known = headingCells.get(view);
  if (!known) headingCells.set(view, (known = { rows: [], last: NO_HEADING_CELLS }));
  let cells = known.rows[r];
  if (!cells) {
    // Gathered in lists written over row after row (never emptied: see SheetView.cellCols), kept
    // only when they differ from the last row's.
    const { periodCols, labelCols, blockStarts } = GATHERED;
    let periods = 0;
    let labels = 0;
    let starts = 0;
    for (const c of view.cellCols(r)) {
      const v = view.value(r, c);
      // A figure is never a label heading; it is a period only as a year (`2025`).
      if (typeof v === 'number') {
        if (isYearFigure(v)) periodCols[periods++] = c;
        continue;
      }
      const k = textFacts(view.text(r, c));
      if (k.fillerPeriod) periodCols[periods++] = c;
      if (!k.labelHeader || typeof v !== 'string') continue;
      labelCols[labels++] = c;
      // `Chỉ tiêu giao ước năm 2025` starts like a label heading but is a plan column.
      if (k.kind.kind !== 'none') continue;
      // The block starts at its STT column when one stands just left of the label heading.
      const start = c > 0 && isSttHeader(view.shownText(r, c - 1)) ? c - 1 : c;
      if (!isAmong(blockStarts, starts, start)) blockStarts[starts++] = start;
    }
    const last = known.last;
    cells =
      sameNumbers(last.periodCols, periodCols, periods) && sameNumbers(last.labelCols, labelCols, labels) && sameNumbers(last.blockStarts, blockStarts, starts)
        ? last
        : { periodCols: periodCols.slice(0, periods), labelCols: labelCols.slice(0, labels), blockStarts: blockStarts.slice(0, starts) };
    known.rows[r] = known.last = cells;
  }
  return cells;
}

const NO_HEADING_CELLS: HeadingCells = { periodCols: [], labelCols: [], blockStarts: [] };

/** The lists a row's heading cells are gathered in (headingCellsOf is never re-entered). */
const GATHERED = { periodCols: [] as number[], labelCols: [] as number[], blockStarts: [] as number[] };

/** Whether x is among the first n numbers of `a`. */
function isAmong(a: ReadonlyArray<number>, n: number, x: number): boolean {
  for (let i = 0; i < n; i++) if (a[i] === x) return true;
  return false;
}

const headingCells = new WeakMap<SheetView, { readonly rows: Array<HeadingCells | undefined>; last: HeadingCells }>();

/**
 * The period a column's heading names, read over its whole path (`Thực hiện` over `2025`), and the
 * words that are not about the period (a unit's name over its columns). Plan and computed columns
 * are never periods, wherever their words stand in the path.
 */
function periodOfHeading(h: ColumnHeading, bindings: Bindings, sheet: string): { mention: PeriodMention; owner: string } | undefined {
  // A person said which period this column is (a header the grammar does not know, `Số liệu 11T`).
  const boundAt = h.path.findIndex((p) => bindings.periodFor(sheet, p));
  const bound = bindings.periodFor(sheet, h.text) ?? (boundAt >= 0 ? bindings.periodFor(sheet, h.path[boundAt]) : undefined);
  if (bound) {
    const owner = h.path.filter((p, i) => i !== boundAt && classifyHeader(p).kind === 'none' && !isFillerOnly(fold(p)) && !isLabelHeader(p) && !isSttHeader(p));
    return { mention: { role: bound, span: 'unstated', rest: '' }, owner: boundAt >= 0 ? owner.join(' ') : '' };
  }
  const whole = classifyHeader(h.text);
  if (whole.kind === 'plan' || whole.kind === 'computed' || whole.kind === 'assessment') return undefined;
  let mention: PeriodMention | undefined;
  const periodParts: string[] = [];
  for (const part of h.path) {
    const k = textFacts(part);
    if (!k.fillerPeriod) continue;
    // `Cùng kỳ` over `năm 2024` (two unmerged rows) is one period; `Năm 2024` over `Năm 2025` is none.
    periodParts.push(part);
    const own = (k.kind as Extract<HeaderKind, { kind: 'period' }>).mention;
    if (!mention) mention = own;
    else {
      const joined = classifyHeader(periodParts.join(' '));
      if (joined.kind !== 'period' || !isFillerOnly(joined.mention.rest) || (mention.year !== undefined && own.year !== undefined)) return undefined;
      mention = joined.mention;
    }
  }
  if (!mention) {
    if (whole.kind !== 'period' || !isFillerOnly(whole.mention.rest)) return undefined;
    mention = whole.mention;
  }
  // The owner's words are looked at only for a period column: most cells of a sheet are none.
  const ownerParts: string[] = [];
  for (const part of h.path) {
    const k = textFacts(part);
    if (k.fillerPeriod) continue;
    if (k.kind.kind === 'period' || (k.kind.kind === 'none' && !k.fillerOnly && !k.periodWords && !k.labelHeader && !k.sttHeader)) ownerParts.push(part);
  }
  return { mention, owner: ownerParts.join(' ') };
}

/**
 * Finds tables whose indicators are rows: layout A (one unit, periods as columns) and layout B
 * (a unit's name merged over its period columns: a two-level header).
 */
export function findRowTables(view: SheetView, matcher: LabelMatcher, bindings: Bindings, skipRows: ReadonlySet<number>): IndicatorTable[] {
  const tables: IndicatorTable[] = [];
  for (let r = 0; r < view.height; r++) {
    if (skipRows.has(r)) continue;
    let lastRow = -1;
    for (const block of reportBlocks(view, r)) {
      const pr = periodRowAt(view, bindings, r, block);
      if (!pr) continue;
      const table = asLayoutB(view, matcher, bindings, pr) ?? asLayoutA(view, matcher, bindings, pr);
      if (table && table.table.observations.length > 0) {
        tables.push(table.table);
        lastRow = Math.max(lastRow, table.lastRow);
      }
    }
    if (lastRow >= 0) r = lastRow;
  }
  return tables;
}

/**
 * Reports side by side on one sheet (`Nội dung | 2024 | 2025` in A–F and again in H–M) are separate
 * tables: a header row with the label heading twice is split before the second. Otherwise the
 * whole row is one block.
 */
function reportBlocks(view: SheetView, r: number): Array<{ left: number; right: number } | undefined> {
  const starts: number[] = [];
  for (let hr = Math.max(0, r - 2); hr <= r; hr++) {
    for (const start of headingCellsOf(view, hr).blockStarts) if (!starts.includes(start)) starts.push(start);
  }
  if (starts.length < 2) return [undefined];
  starts.sort((a, b) => a - b);
  return starts.map((left, i) => ({ left, right: i + 1 < starts.length ? starts[i + 1] - 1 : view.width - 1 }));
}

function labelColumns(view: SheetView, headerRows: number[], firstCol: number, firstPeriodCol: number, firstDataRow: number) {
  let labelCol: number | undefined;
  let sttCol: number | undefined;
  for (const hr of headerRows) {
    for (const c of view.shownCols(hr)) {
      if (c < firstCol) continue;
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
        if (c < firstCol) continue;
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
    if (labelCol === undefined && firstPeriodCol > firstCol) labelCol = firstCol;
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

function firstDataRowAfter(view: SheetView, headerRow: number): number {
  let r = headerRow + 1;
  // One row of column numbers, two at most; a sheet of plain figures must not be skipped whole for every header.
  while (r < view.height && r <= headerRow + 2 && isColumnNumberRow(view, r)) r++;
  return r;
}

function asLayoutA(view: SheetView, matcher: LabelMatcher, bindings: Bindings, pr: PeriodRow) {
  const roles = assignPeriodRoles(pr.mentions);
  // One name over every period column (`Công an tỉnh Ninh Bình` over `2024 | 2025`) names the unit.
  const named = new Set(pr.owners.filter((o, i) => o && roles[i]));
  const owner = named.size === 1 ? [...named][0] : undefined;
  const unit =
    unitFromLetterhead(view, pr.headerRows[0], pr.sideBySide ? pr : undefined) ?? (owner && UNIT_NAME.test(fold(owner)) ? owner : undefined) ?? view.sheet.name;
  const columns: ValueColumn[] = [];
  for (const role of ['current', 'baseline'] as const) {
    roles.forEach((r, i) => {
      if (r === role) columns.push({ col: pr.cols[i], unit, period: role, periodLabel: periodLabelOf(pr, i) });
    });
  }
  if (!columns.some((c) => c.period === 'current')) return undefined;
  return readRowTable(view, matcher, bindings, pr, 'A', columns, [unit], pr.headerRows[0]);
}

const UNIT_NAME = /^(cong an|ca|cat|catp|cap|caq)\b/;

function periodLabelOf(pr: PeriodRow, i: number): string {
  return pr.headings.find((h) => h.col === pr.cols[i])!.text;
}

function asLayoutB(view: SheetView, matcher: LabelMatcher, bindings: Bindings, pr: PeriodRow) {
  // Group the period columns by the unit named above them (a merged cell over the group).
  const groups = new Map<string, number[]>();
  for (let i = 0; i < pr.cols.length; i++) {
    const name = pr.owners[i];
    // Columns of the whole cluster (`Tổng cộng`, `Toàn cụm`) are not a unit.
    if (!name || isTotalsLabel(name)) continue;
    const key = fold(name);
    const idx = groups.get(key) ?? [];
    idx.push(i);
    groups.set(key, idx);
  }
  if (groups.size < 2) return undefined;
  const columns: ValueColumn[] = [];
  const units: string[] = [];
  for (const idx of groups.values()) {
    const unit = pr.owners[idx[0]];
    units.push(unit);
    const roles = assignPeriodRoles(idx.map((i) => pr.mentions[i]));
    // Every column of a role, not the first: a unit named over two groups of columns has two
    // figures per period, and that ambiguity is reported (no data), never settled by position.
    for (const role of ['current', 'baseline'] as const) {
      roles.forEach((r, j) => {
        if (r === role) columns.push({ col: pr.cols[idx[j]], unit, period: role, periodLabel: periodLabelOf(pr, idx[j]) });
      });
    }
  }
  return readRowTable(view, matcher, bindings, pr, 'B', columns, units, pr.headerRows[0]);
}

/** Reads the indicator rows under a period header row, once its value columns are known. */
function readRowTable(
  view: SheetView,
  matcher: LabelMatcher,
  bindings: Bindings,
  pr: PeriodRow,
  layout: 'A' | 'B',
  columns: ValueColumn[],
  units: string[],
  anchorRow: number,
) {
  const firstRow = firstDataRowAfter(view, pr.row);
  const { labelCol, sttCol } = labelColumns(view, pr.headerRows, pr.sideBySide ? pr.left : 0, Math.min(...pr.cols), firstRow);
  if (labelCol === undefined) return undefined;
  const planCols = pr.headings.filter((h) => classifyHeader(h.text).kind === 'plan').map((h) => h.col);
  const read = readIndicatorRows(view, matcher, bindings, { labelCol, sttCol, firstRow, columns, planCols });
  const table: IndicatorTable = {
    sheet: view.sheet.name,
    layout,
    anchor: toA1(anchorRow, labelCol),
    units,
    observations: read.observations,
    problems: read.problems,
    header: headerReading(view, pr, columns, labelCol, sttCol),
    skipped: read.skipped,
  };
  return { lastRow: read.lastRow, table };
}

/** What each heading of a row table's header was taken to be, for `explain`. */
function headerReading(view: SheetView, pr: PeriodRow, columns: ReadonlyArray<ValueColumn>, labelCol: number, sttCol: number | undefined): HeaderReading {
  return {
    rows: pr.headerRows,
    columns: pr.headings.map((h) => {
      const used = columns.find((c) => c.col === h.col);
      const kind = classifyHeader(h.text).kind;
      const role: ColumnRole = used
        ? used.period
        : h.col === labelCol
          ? 'label'
          : h.col === sttCol
            ? 'number'
            : kind === 'period'
              ? 'period-unused'
              : kind === 'none'
                ? 'other'
                : kind;
      return { cell: toA1(pr.row, h.col), text: h.text, role };
    }),
  };
}
