import { toA1 } from '../grid/address';
import { parseVietnameseNumber } from '../grid/vietnameseNumber';
import { Observation, SkippedLabel, TableProblem } from './indicatorTable';
import { Bindings } from '../bindings/binding';
import { LabelMatch, LabelMatcher } from './labelMatcher';
import { PeriodRole } from './periods';
import { SheetView } from './sheetView';
import { endsTable } from './tableEdges';
import { isSectionNumber, isUpperCaseText, stripListMarker } from './text';

/** A column of figures in a layout A or B table: whose figures, and for which period. */
export interface ValueColumn {
  readonly col: number;
  readonly unit: string;
  readonly period: PeriodRole;
  readonly periodLabel: string;
}

export interface IndicatorRowsLayout {
  readonly labelCol: number;
  readonly sttCol?: number;
  readonly firstRow: number;
  readonly columns: ReadonlyArray<ValueColumn>;
  /** Plan columns (`Chỉ tiêu giao ước năm 2025`): the target the workbook itself states, never a figure. */
  readonly planCols?: ReadonlyArray<number>;
}

/**
 * Walks the rows of a table whose indicators are rows (layouts A and B). Section rows (`I`, `II`,
 * or a label in capitals with no figures) set the context; sub-rows (`- Trong đó: …`) are matched
 * under their parent row, so the same words can mean different indicators in different places.
 */
export function readIndicatorRows(
  view: SheetView,
  matcher: LabelMatcher,
  bindings: Bindings,
  layout: IndicatorRowsLayout,
): { observations: Observation[]; problems: TableProblem[]; skipped: SkippedLabel[]; lastRow: number } {
  const observations: Observation[] = [];
  const problems: TableProblem[] = [];
  const skipped: SkippedLabel[] = [];
  let section: string | undefined;
  /** How the section row was numbered (`I`, `2`, `B`): a later row numbered the same way is its sibling, not inside it. */
  let sectionNumbering: string | undefined;
  let parent: string | undefined;
  let lastRow = layout.firstRow;
  let blankRun = 0;

  const key = `${layout.labelCol}|${layout.sttCol ?? ''}`;
  const knownEmpty = fruitless.get(view)?.get(key);
  if (knownEmpty && knownEmpty.from <= layout.firstRow && layout.firstRow <= knownEmpty.to) return { observations, problems, skipped, lastRow };

  // Rows read through a binding, by the cell the person pointed at: two rows with the same words
  // (a total and its copy in another section) are told apart by the row pointed at.
  const boundRows = new Map<string, number[]>();
  let r = layout.firstRow;
  for (; r < view.height; r++) {
    if (view.isBlankRow(r)) {
      if (++blankRun >= 3 && observations.length > 0) break;
      continue;
    }
    blankRun = 0;
    // A hidden row (superseded figures, a helper line) is not what the sheet shows.
    if (view.sheet.hiddenRows.has(r)) continue;
    const label = view.text(r, layout.labelCol);
    const stt = layout.sttCol === undefined ? '' : view.text(r, layout.sttCol);
    const figures = layout.columns.map((c) => view.value(r, c.col));
    const noFigures = figures.every((v) => v === null);
    // Notes, the signature block and narrative paragraphs end the table, even when they quote an indicator.
    if (noFigures && endsTable(label || stt || view.rowTexts(r)[0] || '')) break;
    if (!label) continue;
    const numbering = numberingOf(stt);
    if (section !== undefined && sectionNumbering !== undefined && numbering === sectionNumbering) {
      section = undefined;
      sectionNumbering = undefined;
    }
    // A heading in capitals may carry a translation or a note in brackets: `TAI NẠN GIAO THÔNG (Traffic accidents)`.
    if ((stt && isSectionNumber(stt)) || (noFigures && isUpperCaseText(label.replace(/\([^()]*\)/g, ' ')))) {
      section = label;
      sectionNumbering = numbering;
      parent = undefined;
      // A numbered row with figures (`V | Số vụ án oan | 0 | 0`) is an indicator as well as a heading.
      if (noFigures || matcher.match(stripListMarker(label).text).kind !== 'indicator') continue;
      section = undefined;
      sectionNumbering = undefined;
    }
    lastRow = r;
    const { text, marked } = stripListMarker(label);
    const boundLabel = bindings.indicatorFor(view.sheet.name, label) ? label : text;
    const bound = bindings.indicatorFor(view.sheet.name, boundLabel);
    const pointed = bound ? bindings.pointedCell(view.sheet.name, boundLabel) : undefined;
    if (pointed) boundRows.set(pointed, [...(boundRows.get(pointed) ?? []), r]);
    let m: LabelMatch = bound ? { kind: 'indicator', indicator: bound, viaParent: false, qualified: false } : matcher.match(text, { section, parent });
    // An indicator a person bound to another row of this sheet is read there, not here.
    if (!bound && m.kind === 'indicator' && bindings.isBoundOn(view.sheet.name, m.indicator)) m = { kind: 'none' };
    if (m.kind === 'ambiguous') {
      problems.push({
        sheet: view.sheet.name,
        cell: toA1(r, layout.labelCol),
        kind: 'ambiguous-label',
        detail: m.candidates.join(', '),
      });
      if (!marked) parent = undefined;
      continue;
    }
    if (m.kind === 'none') {
      if (!marked) parent = undefined;
      continue;
    }
    // A qualified label (`Số vụ PPHS về ma túy`) names a part, and a breakdown row repeating its
    // parent's words (`- Trong đó: số vụ PPHS do người chưa thành niên gây ra`) is the parent's
    // child: neither is a second copy of the indicator.
    if (m.qualified || (marked && !m.viaParent && m.indicator === parent)) {
      skipped.push({ cell: toA1(r, layout.labelCol), label, indicator: m.indicator, why: m.qualified ? 'qualified' : 'breakdown' });
      if (!marked) parent = undefined;
      continue;
    }
    if (!m.viaParent) parent = m.indicator;
    const pledged = pledgedOn(view, r, layout.planCols);
    layout.columns.forEach((c, i) => {
      observations.push({
        ...(pledged && c.period === 'current' ? { pledged } : {}),
        unit: c.unit,
        indicator: m.indicator,
        period: c.period,
        periodLabel: c.periodLabel,
        label,
        sheet: view.sheet.name,
        cell: toA1(r, c.col),
        raw: figures[i],
        value: parseVietnameseNumber(figures[i]),
      });
    });
  }
  for (const [cell, rows] of boundRows) {
    const pointedRow = Number(/\d+$/.exec(cell)![0]) - 1;
    if (rows.length < 2 || !rows.includes(pointedRow)) continue;
    const others = new Set(rows.filter((x) => x !== pointedRow).map((x) => String(x + 1)));
    for (let i = observations.length - 1; i >= 0; i--) if (others.has(/\d+$/.exec(observations[i].cell)![0])) observations.splice(i, 1);
  }
  if (observations.length === 0) {
    // Read to the end (or the signature block) and nothing matched: a header further down whose
    // table starts inside this stretch, with the same label column, starts with less context and
    // matches nothing either. Remembered, so a sheet of thousands of header-like rows stays linear.
    let byKey = fruitless.get(view);
    if (!byKey) fruitless.set(view, (byKey = new Map()));
    byKey.set(key, { from: layout.firstRow, to: r });
  }
  return { observations, problems, skipped, lastRow };
}

/** Per sheet and label column (and STT column): rows `from`..`to` hold no indicator label. */
const fruitless = new WeakMap<SheetView, Map<string, { from: number; to: number }>>();

/** The target a row's plan cell states (`Giảm 5%`, `≥ 90%`, `0`), as written: compared with the pack's, never used. */
function pledgedOn(view: SheetView, r: number, planCols: ReadonlyArray<number> | undefined): Observation['pledged'] {
  for (const c of planCols ?? []) {
    const raw = view.value(r, c);
    if (raw === null || (typeof raw === 'string' && raw.trim() === '')) continue;
    return { cell: toA1(r, c), raw };
  }
  return undefined;
}

/** The kind of number in an STT cell: roman (`IV`), arabic (`3`, `3.`), letter (`B`), or none. */
function numberingOf(stt: string): string | undefined {
  const t = stt.trim().replace(/[.)]$/, '');
  if (/^[IVXLC]+$/.test(t)) return 'roman';
  if (/^\d+$/.test(t)) return 'arabic';
  if (/^[A-H]$/.test(t)) return 'letter';
  return undefined;
}
