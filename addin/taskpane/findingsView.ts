import { Finding, FindingStatus } from '../../src/evaluate/finding';
import { formatDateTime } from '../../src/report/formatTime';
import { actualText, changeText, gapText, statusWord, targetText } from '../../src/report/words';
import { ReviewStatus } from '../../src/review/review';
import { ReviewState } from '../../src/review/reviewState';
import { keepTogether } from './keepTogether';
import { Lang } from '../../src/words/lang';

/** One line of the pane's list: what the console report shows, for one target of one unit. */
export interface FindingLine {
  /** Position in the check's findings: a stable key while the result is on screen. */
  readonly index: number;
  readonly ruleId: string;
  readonly unit: string;
  readonly status: FindingStatus;
  readonly statusText: string;
  readonly title: string;
  readonly actual: string;
  readonly target: string;
  /** How far from the target (percentage points for rates); empty when met or without data. */
  readonly gap: string;
  readonly sheet: string;
  /** The cell the finding is about: the highlighted one (the empty cell for no data), else the current figure. */
  readonly cell: string;
  /** The reason, for shortfall and no-data lines. */
  readonly reason?: string;
  /** The finding's review stored in the workbook, if any. */
  readonly review?: ReviewLine;
  /**
   * No data because the reader could not tell where an indicator's figure is (it appears several
   * times, or its period column was not identified): a person can point to it.
   */
  readonly pointTo?: PointTo;
}

export interface PointTo {
  /** The indicator whose figure is missing. */
  readonly indicator: string;
  readonly reason: 'duplicate' | 'no-period';
}

/** A review as the list shows it. */
export interface ReviewLine {
  readonly status: ReviewStatus;
  readonly reviewer: string;
  /** When, as people in Vietnam write it (formatDateTime). */
  readonly time: string;
  readonly comment: string;
  /** The finding's figures are not those reviewed: the decision may no longer hold. */
  readonly changed: boolean;
  /** What changed, one input each: `Biểu 01!D29: 381 → 390`. */
  readonly changes: ReadonlyArray<string>;
}

export interface UnitGroup {
  /** The unit, with the row's own period when a table has one row per unit and period. */
  readonly unit: string;
  readonly lines: FindingLine[];
}

export const STATUSES: ReadonlyArray<FindingStatus> = ['shortfall', 'no-data', 'met'];

export const unitOf = (f: Finding): string => (f.period === undefined ? f.unit : `${f.unit} — ${f.period}`);

/** The cell a finding points at: its `cell`, the same one highlightPlanFor marks and the JSON names. */
export function cellOf(f: Finding): string {
  return f.cell;
}

/** Findings grouped by unit in the order the tables list them: plain data, no DOM, no Office. */
export function findingsByUnit(findings: ReadonlyArray<Finding>, lang: Lang, reviews?: ReadonlyMap<Finding, ReviewState>): UnitGroup[] {
  const groups = new Map<string, FindingLine[]>();
  findings.forEach((f, index) => {
    const unit = unitOf(f);
    const lines = groups.get(unit) ?? [];
    lines.push(findingLine(f, index, lang, reviews?.get(f)));
    groups.set(unit, lines);
  });
  return [...groups].map(([unit, lines]) => ({ unit, lines }));
}

/** One finding as a line of the list; made only for the lines drawn (a national check has 280,000). */
export function findingLine(f: Finding, index: number, lang: Lang, state?: ReviewState): FindingLine {
  return {
    index,
    ruleId: f.ruleId,
    unit: unitOf(f),
    status: f.status,
    statusText: statusWord(f.status, lang),
    title: f.title[lang],
    actual: f.actual === null ? '—' : keepTogether(actualText(f, lang)),
    target: f.target === null ? '' : keepTogether(targetText(f, lang)),
    gap: f.status === 'shortfall' && f.gap !== null ? keepTogether(gapText(f, lang)) : '',
    sheet: f.sheet,
    cell: cellOf(f),
    ...(f.status === 'met' ? {} : { reason: keepTogether(f.message[lang]) }),
    ...(state ? { review: reviewLine(state, lang) } : {}),
    ...pointToOf(f),
  };
}

/** Lines (in list order) gathered under their unit: consecutive lines of one unit make one group. */
export function groupLines(lines: ReadonlyArray<FindingLine>): UnitGroup[] {
  const out: { unit: string; lines: FindingLine[] }[] = [];
  for (const l of lines) {
    const last = out[out.length - 1];
    if (last && last.unit === l.unit) last.lines.push(l);
    else out.push({ unit: l.unit, lines: [l] });
  }
  return out;
}

function pointToOf(f: Finding): { pointTo?: PointTo } {
  const r = f.status === 'no-data' ? f.noData : undefined;
  return r && (r.kind === 'duplicate' || r.kind === 'no-period') ? { pointTo: { indicator: r.indicator, reason: r.kind } } : {};
}

function reviewLine(state: ReviewState, lang: Lang): ReviewLine {
  const r = state.review;
  return {
    status: r.status,
    reviewer: r.reviewer,
    time: formatDateTime(r.time),
    comment: r.comment,
    changed: state.changed,
    changes: state.changes.map((c) => changeText(c, lang)),
  };
}

/** A line a supervisor still has to look at: not met, and not reviewed or changed since its review. */
export function needsReview(line: FindingLine): boolean {
  return line.status !== 'met' && (!line.review || line.review.changed);
}

export interface UnitCounts {
  readonly unit: string;
  readonly met: number;
  readonly shortfall: number;
  readonly noData: number;
}

/** Met / shortfall / no data per unit, in table order. */
export function countsByUnit(findings: ReadonlyArray<Finding>): UnitCounts[] {
  const out = new Map<string, { met: number; shortfall: number; noData: number }>();
  for (const f of findings) {
    const c = out.get(unitOf(f)) ?? { met: 0, shortfall: 0, noData: 0 };
    if (f.status === 'met') c.met++;
    else if (f.status === 'shortfall') c.shortfall++;
    else c.noData++;
    out.set(unitOf(f), c);
  }
  return [...out].map(([unit, c]) => ({ unit, ...c }));
}

/** What the filters let through: any of the chosen statuses, and one unit or all. */
export interface FindingFilter {
  readonly statuses: ReadonlySet<FindingStatus>;
  /** A unit as `unitOf` names it, or undefined for every unit. */
  readonly unit?: string;
  /** Only the lines that still need a review (see needsReview). */
  readonly unreviewed?: boolean;
}

export const SHOW_ALL: FindingFilter = { statuses: new Set(STATUSES) };

export function filterGroups(groups: ReadonlyArray<UnitGroup>, filter: FindingFilter): UnitGroup[] {
  return groups
    .filter((g) => filter.unit === undefined || g.unit === filter.unit)
    .map((g) => ({ unit: g.unit, lines: g.lines.filter((l) => filter.statuses.has(l.status) && (!filter.unreviewed || needsReview(l))) }))
    .filter((g) => g.lines.length > 0);
}
