import { columnName, RangeRef, toA1 } from '../grid/address';
import { parseVietnameseNumber } from '../grid/vietnameseNumber';
import { isFreeTextHeader, isSttHeader, isSubjectPeriodHeader, isTotalsLabel, isUnitHeader } from './headers';
import { columnHeadings, continuesHeader, headerRows, MAX_HEADER_ROWS } from './headerBand';
import { endsTable, isColumnNumberRow } from './tableEdges';
import { ColumnRole, HeaderReading, IndicatorTable, Observation, TableProblem } from './indicatorTable';
import { Bindings } from '../bindings/binding';
import { LabelMatch, LabelMatcher } from './labelMatcher';
import { assignPeriodRoles, classifyHeader, isFillerOnly, parsePeriod, PeriodMention, PeriodRole } from './periods';
import { FigureColumn, plainObservation } from './columnFigure';
import { ColumnTableFigures } from './columnTableFigures';
import { cellAt, SheetGrid } from '../grid/grid';
import { CellValue } from '../grid/cell';
import { SheetView } from './sheetView';
import { fold } from './text';

interface IndicatorColumn {
  readonly col: number;
  readonly indicator: string;
  readonly period: PeriodRole;
  readonly periodLabel: string;
  readonly label: string;
}

interface ColumnHeader {
  readonly reading: HeaderReading;
  readonly unitCol: number | undefined;
  readonly periodCol: number | undefined;
  readonly columns: IndicatorColumn[];
  readonly problems: TableProblem[];
}

/**
 * Reads the header of a layout C table: one column per indicator and period, written in one cell
 * (`Số vụ PPHS năm 2019`) or as a path down a grouped header (`Phạm pháp hình sự` over `2025 | 2024 |
 * Khám phá`, `Tai nạn giao thông` → `Số người chết` → `2025`). A column such as `Đã khám phá 2020`
 * is read in the context of the indicator columns before it.
 */
function readColumnHeader(view: SheetView, matcher: LabelMatcher, bindings: Bindings, row: number, left: number, right: number): ColumnHeader {
  let unitCol: number | undefined;
  let periodCol: number | undefined;
  const problems: TableProblem[] = [];
  const sheet = view.sheet.name;
  const candidates: { col: number; label: string; rest: string; mention: PeriodMention | undefined; bound?: string }[] = [];
  const rows = headerRows(view, row, left, right);
  const headings = columnHeadings(view, rows, left, right);
  for (const h of headings) {
    const leaf = h.path[h.path.length - 1];
    if (unitCol === undefined && h.path.some(isUnitHeader)) {
      unitCol = h.col;
      continue;
    }
    if (periodCol === undefined && h.path.length === 1 && isSubjectPeriodHeader(leaf)) {
      periodCol = h.col;
      continue;
    }
    const bound = bindings.indicatorFor(sheet, h.text) ?? bindings.indicatorFor(sheet, leaf);
    const boundPeriod = bindings.periodFor(sheet, h.text) ?? h.path.map((p) => bindings.periodFor(sheet, p)).find(Boolean);
    if (!bound && h.path.some((p) => isFreeTextHeader(p) || isSttHeader(p))) continue;
    const reading = readHeading(h.path) ?? (bound || boundPeriod ? { rest: h.text, mention: undefined } : undefined);
    if (!reading) continue;
    // A person's binding says what the column is; it never changes a value.
    const mention = boundPeriod ? { role: boundPeriod, span: 'unstated' as const, rest: reading.rest } : reading.mention;
    candidates.push({ col: h.col, label: h.text, rest: reading.rest, mention, ...(bound ? { bound } : {}) });
  }
  // Columns that are only periods (`Cùng kỳ năm 2024 | Năm 2025`) under a title naming one indicator
  // (`SỐ NGƯỜI CHẾT DO TAI NẠN GIAO THÔNG CÁC CÔNG AN PHƯỜNG`) count that indicator — only when no
  // column names an indicator of its own, so a general title never lends its words to a real table.
  if (candidates.length > 0 && candidates.every((k) => k.mention && isFillerOnly(k.rest) && !k.bound)) {
    const title = titleAbove(view, rows[0], left, right);
    if (title) for (const k of candidates) k.rest = title;
  }
  const roles = assignPeriodRoles(candidates.map((k) => k.mention));
  const matched: Array<{ k: (typeof candidates)[number]; indicator: string; role: PeriodRole | undefined }> = [];
  let parent: string | undefined;
  candidates.forEach((k, i) => {
    let m: LabelMatch = k.bound ? { kind: 'indicator', indicator: k.bound, viaParent: false, qualified: false } : matcher.match(k.rest, { parent });
    // An indicator bound elsewhere on the sheet is read there, not from a column its words happen to match.
    if (!k.bound && m.kind === 'indicator' && bindings.isBoundOn(sheet, m.indicator)) m = { kind: 'none' };
    if (m.kind === 'ambiguous') {
      problems.push({ sheet: view.sheet.name, cell: toA1(row, k.col), kind: 'ambiguous-label', detail: m.candidates.join(', ') });
      return;
    }
    if (m.kind === 'none' || m.qualified) return;
    if (!m.viaParent) parent = m.indicator;
    // A column with no period word holds the current period's figure.
    matched.push({ k, indicator: m.indicator, role: k.mention ? roles[i] : 'current' });
  });
  // Each group may word its periods its own way (`2025 | 2024` here, `Năm 2025 | Năm trước` there):
  // a role the whole header left open is settled among the indicator's own columns.
  const byIndicator = new Map<string, typeof matched>();
  for (const x of matched) byIndicator.set(x.indicator, [...(byIndicator.get(x.indicator) ?? []), x]);
  for (const group of byIndicator.values()) {
    if (!group.some((x) => x.role === undefined)) continue;
    const local = assignPeriodRoles(group.map((x) => x.k.mention));
    group.forEach((x, j) => {
      if (x.role === undefined && local[j] && !group.some((y) => y.role === local[j])) x.role = local[j];
    });
  }
  const columns: IndicatorColumn[] = [];
  for (const { k, indicator, role } of matched) {
    if (role) columns.push({ col: k.col, indicator, period: role, periodLabel: k.mention ? k.label : '', label: k.label });
  }
  const reading: HeaderReading = {
    rows,
    columns: headings.map((h) => {
      const used = columns.find((c) => c.col === h.col);
      const kind = classifyHeader(h.text).kind;
      const role: ColumnRole = used
        ? used.period
        : h.col === unitCol
          ? 'unit'
          : h.path.some(isSttHeader)
            ? 'number'
            : kind === 'period'
              ? 'period-unused'
              : kind === 'none'
                ? 'other'
                : kind;
      const bound = candidates.find((k) => k.col === h.col)?.bound !== undefined;
      return { cell: toA1(row, h.col), text: h.text, role, ...(used ? { indicator: used.indicator } : {}), ...(bound ? { bound } : {}) };
    }),
  };
  return { reading, unitCol, periodCol, columns, problems };
}

/**
 * Splits a column's heading path into its period and the words naming what it counts. Plan and
 * assessment columns, and computed columns with nothing else in them (`So sánh (%)`), are not
 * figures; a computed word inside a longer label (`Tỷ lệ khám phá`) is left to the pack's matching.
 */
function readHeading(path: ReadonlyArray<string>): { rest: string; mention: PeriodMention | undefined } | undefined {
  let mention: PeriodMention | undefined;
  let mentionText = '';
  const words: string[] = [];
  for (const part of path) {
    const k = classifyHeader(part);
    if (k.kind === 'plan' || k.kind === 'assessment') return undefined;
    if (k.kind === 'computed') {
      if (isPureComputed(part)) return undefined;
      words.push(part);
    } else if (k.kind === 'period') {
      if (mention) {
        // `Cùng kỳ` over `năm 2024` is one period; two years in one heading is not a figure column.
        const joined = classifyHeader(`${mentionText} ${part}`);
        if (joined.kind !== 'period' || (mention.year !== undefined && k.mention.year !== undefined)) return undefined;
        mention = joined.mention;
        continue;
      }
      mention = k.mention;
      mentionText = part;
      if (!isFillerOnly(k.mention.rest)) words.push(k.mention.rest);
    } else {
      words.push(part);
    }
  }
  return { rest: words.join(' '), mention };
}

const COMPUTED_WORDS = new Set(['so', 'sanh', 'tang', 'giam', 'chenh', 'lech', 'ty', 'ti', 'le', 'trong', 'muc', 'voi', 'cung', 'ky', 'truoc', '%', 'nam']);

function isPureComputed(part: string): boolean {
  return fold(part)
    .split(' ')
    .every((w) => COMPUTED_WORDS.has(w) || isFillerOnly(w) || /^\d+$/.test(w));
}

/** Reads a layout C table (units as rows) whose header row and extent are known. */
export function readColumnTable(
  view: SheetView,
  matcher: LabelMatcher,
  bindings: Bindings,
  area: RangeRef,
  opts: { headerRow: number; lastDataRow?: number; tableName?: string },
): IndicatorTable | undefined {
  const header = readColumnHeader(view, matcher, bindings, opts.headerRow, area.left, area.right);
  if (header.columns.length === 0) return undefined;
  const unitCol = header.unitCol ?? guessUnitColumn(view, opts.headerRow + (isColumnNumberRow(view, opts.headerRow + 1) ? 1 : 0), area, header.columns);
  if (unitCol === undefined) return undefined;
  const units: string[] = [];
  const seen = new Set<string>(); // `units.includes` would make a table of 50,000 communes quadratic
  const last = opts.lastDataRow ?? area.bottom;
  const columns: FigureColumn[] = header.columns.map((c) => ({
    col: c.col,
    indicator: c.indicator,
    period: c.period,
    periodLabel: c.periodLabel,
    label: c.label,
    sheet: view.sheet.name,
    letters: columnName(c.col), // cell addresses without a conversion per figure
  }));
  // Each data row's place, unit and period: its figures are made from these when read.
  const rows: number[] = [];
  const rowUnits: string[] = [];
  const rowPeriods: Array<string | undefined> = [];
  /** Each unit's own periods, in the order met: gathered per row, not per figure. */
  const periodsOf = new Map<string, string[]>();
  for (let r = opts.headerRow + 1; r <= last && r < view.height; r++) {
    if (opts.lastDataRow === undefined && view.isBlankRow(r)) break;
    if (view.sheet.hiddenRows.has(r)) continue; // not what the sheet shows
    // A unit's name merged down over its rows (one row per sub-period) names each of them.
    const unit = view.shownText(r, unitCol);
    if (r === opts.headerRow + 1 && isColumnNumberRow(view, r)) continue;
    // Notes and the signature block under a table are not units, even without a blank row before them.
    if (opts.lastDataRow === undefined && endsTable(unit || view.rowTexts(r)[0] || '')) {
      // A note between units (`Ghi chú: … sáp nhập …`) with more units below it does not end the table.
      if (unitRowFollows(view, r, unitCol, header.columns)) continue;
      break;
    }
    // A period or a computed line in the unit column (`Cùng kỳ năm 2024`, `Tăng, giảm %`: a table
    // turned on its side) is not a unit: no verdict rather than a wrong one.
    if (!unit || isNotAUnit(unit)) continue;
    if (!seen.has(unit)) {
      seen.add(unit);
      units.push(unit);
    }
    // A period cell with no words in it (`—`, `-`) names no period: the row is the unit's own.
    const periodText = header.periodCol === undefined ? '' : view.text(r, header.periodCol);
    const subjectPeriod = fold(periodText) === '' ? undefined : periodText;
    if (subjectPeriod !== undefined) {
      const list = periodsOf.get(unit);
      if (!list) periodsOf.set(unit, [subjectPeriod]);
      else if (!list.includes(subjectPeriod)) list.push(subjectPeriod);
    }
    rows.push(r);
    rowUnits.push(unit);
    rowPeriods.push(subjectPeriod);
  }
  if (units.length === 0) return undefined;
  const figures = new ColumnTableFigures(
    cellReader(view.sheet),
    columns,
    Int32Array.from(rows),
    rowUnits,
    header.periodCol === undefined ? undefined : rowPeriods,
  );
  return {
    sheet: view.sheet.name,
    layout: 'C',
    tableName: opts.tableName,
    anchor: toA1(opts.headerRow, area.left),
    units,
    observations: header.periodCol === undefined ? figures : pairPeriodRows(figures, periodsOf),
    problems: header.problems,
    header: header.reading,
  };
}

/**
 * A table with one row per unit and period (`Đơn vị | Kỳ | …`) whose rows for a unit are a current
 * period and its same period last year (`Năm 2025` and `Năm 2024`, `Kỳ này` and `Cùng kỳ`) is read
 * as a person reads it: the baseline row gives the current row's baseline figures. A series of
 * months stays a series (no single current row to pair with).
 */
function pairPeriodRows(figures: ColumnTableFigures, periodsOf: ReadonlyMap<string, string[]>): ColumnTableFigures {
  const baselineOf = new Map<string, { baseline: string; current: string }>();
  for (const [unit, texts] of periodsOf) {
    const roles = assignPeriodRoles(texts.map((t) => parsePeriod(t)));
    const cur = roles.filter((r) => r === 'current').length;
    const base = roles.filter((r) => r === 'baseline').length;
    if (cur === 1 && base === 1) baselineOf.set(unit, { baseline: texts[roles.indexOf('baseline')], current: texts[roles.indexOf('current')] });
  }
  if (baselineOf.size === 0) return figures;
  const replaced = new Map<number, Observation>();
  for (let i = 0; i < figures.length; i++) {
    const o = figures.at(i)!;
    const pair = baselineOf.get(o.unit);
    if (!pair || o.subjectPeriod !== pair.baseline || o.period !== 'current') continue;
    replaced.set(i, { ...plainObservation(o), period: 'baseline', periodLabel: pair.baseline, subjectPeriod: pair.current });
  }
  return figures.withReplaced(replaced);
}

/**
 * Reads a sheet's cells. Made outside readColumnTable: a closure there would share its scope, and with
 * it the SheetView and its caches, for as long as the table's figures live.
 */
function cellReader(sheet: SheetGrid): (row: number, col: number) => CellValue {
  return (row, col) => cellAt(sheet, row, col);
}

function guessUnitColumn(view: SheetView, headerRow: number, area: RangeRef, columns: IndicatorColumn[]): number | undefined {
  const taken = new Set(columns.map((c) => c.col));
  for (let c = area.left; c <= area.right; c++) {
    if (taken.has(c)) continue;
    const t = view.text(headerRow + 1, c);
    if (t && parseVietnameseNumber(t) === undefined) return c;
  }
  return undefined;
}

/**
 * A layout C table that is not an Excel table: a row with at least two indicator headers and
 * unit rows below it, up to the first blank row.
 */
export function findLooseColumnTables(view: SheetView, matcher: LabelMatcher, bindings: Bindings, skipRows: ReadonlySet<number>): IndicatorTable[] {
  const tables: IndicatorTable[] = [];
  for (let r = 0; r < view.height - 1; r++) {
    if (skipRows.has(r)) continue;
    const header = readColumnHeader(view, matcher, bindings, r, 0, view.width - 1);
    if (header.columns.length < 2) continue;
    // A grouped header goes on below the row where its indicators were first seen (`2025 | 2024` under the group).
    let bottom = r;
    const firstCol = view.shownCols(r)[0] ?? 0;
    while (
      bottom + 1 < view.height &&
      bottom - r < MAX_HEADER_ROWS - 1 &&
      continuesHeader(view, bottom + 1, firstCol, firstCol + 1, view.width - 1) &&
      !isColumnNumberRow(view, bottom + 1)
    )
      bottom++;
    const area = { top: bottom, left: 0, bottom: view.height - 1, right: view.width - 1 };
    const table = readColumnTable(view, matcher, bindings, area, { headerRow: bottom });
    if (table) {
      tables.push(table);
      while (r + 1 < view.height && !view.isBlankRow(r + 1)) r++;
    }
  }
  return tables;
}

/** Whether a unit with figures stands in the next few rows below a note. */
function unitRowFollows(view: SheetView, r: number, unitCol: number, columns: ReadonlyArray<IndicatorColumn>): boolean {
  for (let next = r + 1; next <= r + 3 && next < view.height; next++) {
    if (view.isBlankRow(next)) continue;
    const unit = view.text(next, unitCol);
    if (!unit || endsTable(unit)) return false;
    return columns.some((c) => parseVietnameseNumber(view.value(next, c.col)) !== undefined);
  }
  return false;
}

/** Totals, periods and computed lines in the unit column, decided once per distinct text: the same names fill every month. */
function isNotAUnit(text: string): boolean {
  let no = notUnitCache.get(text);
  if (no === undefined) {
    if (notUnitCache.size > 100_000) notUnitCache.clear();
    no = isTotalsLabel(text) || notAUnit(text);
    notUnitCache.set(text, no);
  }
  return no;
}

const notUnitCache = new Map<string, boolean>();

function notAUnit(text: string): boolean {
  const k = classifyHeader(text);
  return (k.kind === 'period' && isFillerOnly(k.mention.rest)) || k.kind === 'computed' || k.kind === 'plan';
}

/** The title line just above a header (one text over the table), within two rows. */
function titleAbove(view: SheetView, headerTop: number, left: number, right: number): string | undefined {
  for (let r = headerTop - 1; r >= Math.max(0, headerTop - 3); r--) {
    const texts = view
      .shownCols(r)
      .filter((c) => c >= left && c <= right)
      .map((c) => view.shownText(r, c));
    if (texts.length === 0) continue;
    return new Set(texts).size === 1 ? texts[0] : undefined;
  }
  return undefined;
}
