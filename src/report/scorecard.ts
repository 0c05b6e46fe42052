import { Finding } from '../evaluate/finding';
import { RulePack, Severity } from '../packs/rulePack';
import { orderPeriods } from './periodOrder';
import { Localized } from '../words/lang';

/**
 * The scorecard: units × targets for a cluster head who compares and ranks units. Data only: the
 * CLI writes it as a sheet of a new workbook and into the HTML report, the add-in as a sheet with
 * Office.js, all from this one model.
 *
 * Scoring, decided once here:
 * - a binding target (severity `shortfall`) that is met scores its `weight` (default 1);
 * - a warning is a soft target: shown and counted as `warning` when missed, never scored, so a
 *   unit's rank depends on the pledge's binding targets only (as the exit code does);
 * - no data and "not in the workbook" score nothing: missing figures are never a pass;
 * - units rank by points, highest first; equal points share a rank (1, 2, 2, 4); with a period
 *   column (one row per unit and month), units are ranked within each period.
 */

/** A scorecard cell: a finding's outcome, a missed soft target, or a target the workbook does not report. */
export type ScoreStatus = 'met' | 'shortfall' | 'warning' | 'no-data' | 'not-reported';

export interface ScorecardTarget {
  readonly ruleId: string;
  readonly title: Localized;
  readonly severity: Severity;
  readonly weight: number;
  /** Binding targets score; warnings do not. */
  readonly scored: boolean;
}

export interface ScorecardCell {
  readonly ruleId: string;
  readonly status: ScoreStatus;
  readonly finding?: Finding;
}

export interface ScoreCounts {
  readonly met: number;
  /** Binding targets missed. */
  readonly shortfall: number;
  /** Soft targets (warnings) missed. */
  readonly warning: number;
  readonly noData: number;
  /** Targets of the pack the workbook has no figures for at all. */
  readonly notReported: number;
}

export interface ScorecardRow {
  readonly unit: string;
  readonly period?: string;
  readonly workbook: string;
  /** In target order. */
  readonly cells: ReadonlyArray<ScorecardCell>;
  readonly counts: ScoreCounts;
  readonly points: number;
  readonly maxPoints: number;
  /** points / maxPoints × 100; 0 when the pack has no binding target. */
  readonly percent: number;
  /** 1 is best; shared on equal points. */
  readonly rank: number;
  /** How many rows were ranked together (the units of the same period). */
  readonly rankedWith: number;
  /** Other workbooks that report the same unit and period (each keeps its own row). */
  readonly alsoIn: ReadonlyArray<string>;
}

export type TrendDirection = 'up' | 'down' | 'same';

/** One unit's points through the periods of its table. */
export interface ScorecardTrend {
  readonly unit: string;
  readonly workbook: string;
  readonly steps: ReadonlyArray<{ readonly period: string; readonly points: number; readonly percent: number; readonly rank: number }>;
  /** Last period against the one before. */
  readonly direction: TrendDirection;
}

export interface Scorecard {
  readonly pack: {
    readonly id: string;
    readonly version: string;
    readonly title: Localized;
    readonly basedOn: ReadonlyArray<{ readonly id: string; readonly version: string }>;
  };
  readonly targets: ReadonlyArray<ScorecardTarget>;
  /** Periods in time order; empty when no finding has a period. */
  readonly periods: ReadonlyArray<string>;
  /** By period, then rank, then unit name. */
  readonly rows: ReadonlyArray<ScorecardRow>;
  readonly trends: ReadonlyArray<ScorecardTrend>;
  readonly maxPoints: number;
}

export interface ScorecardSource {
  readonly workbook: string;
  readonly findings: ReadonlyArray<Finding>;
}

/** Points are sums of weights such as 0,1: compared after rounding so 0,1 + 0,2 ties with 0,3. */
const round = (x: number) => Math.round(x * 1e9) / 1e9;

export function buildScorecard(pack: RulePack, sources: ReadonlyArray<ScorecardSource>): Scorecard {
  const targets: ScorecardTarget[] = pack.rules.map((r) => {
    const severity = r.severity ?? 'shortfall';
    return { ruleId: r.id, title: r.title, severity, weight: r.weight ?? 1, scored: severity === 'shortfall' };
  });
  const maxPoints = round(targets.reduce((sum, t) => sum + (t.scored ? t.weight : 0), 0));

  // One row per (workbook, unit, period), in the order units first appear.
  const groups = new Map<string, { workbook: string; unit: string; period?: string; findings: Map<string, Finding> }>();
  for (const src of sources) {
    for (const f of src.findings) {
      const key = `${src.workbook}\u0000${subjectKey(f.unit, f.period)}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { workbook: src.workbook, unit: f.unit, ...(f.period === undefined ? {} : { period: f.period }), findings: new Map() }));
      const known = g.findings.get(f.ruleId);
      // Two findings for one target (a unit in two tables of one workbook): the worse one stands.
      if (!known || severityRank(f) > severityRank(known)) g.findings.set(f.ruleId, f);
    }
  }

  const unranked = [...groups.values()].map((g) => {
    const cells = targets.map((t): ScorecardCell => {
      const f = g.findings.get(t.ruleId);
      if (!f) return { ruleId: t.ruleId, status: 'not-reported' };
      const status: ScoreStatus = f.status === 'shortfall' && !t.scored ? 'warning' : f.status;
      return { ruleId: t.ruleId, status, finding: f };
    });
    const count = (s: ScoreStatus) => cells.filter((c) => c.status === s).length;
    const counts: ScoreCounts = {
      met: count('met'),
      shortfall: count('shortfall'),
      warning: count('warning'),
      noData: count('no-data'),
      notReported: count('not-reported'),
    };
    const points = round(cells.reduce((sum, c, i) => sum + (c.status === 'met' && targets[i].scored ? targets[i].weight : 0), 0));
    return { g, cells, counts, points };
  });

  const periods = orderPeriods(unranked.filter((u) => u.g.period !== undefined).map((u) => u.g.period as string));
  const periodIndex = (p: string | undefined) => (p === undefined ? -1 : periods.indexOf(p));
  const sameSubject = new Map<string, Set<string>>();
  for (const u of unranked) {
    const k = subjectKey(u.g.unit, u.g.period);
    sameSubject.set(k, (sameSubject.get(k) ?? new Set()).add(u.g.workbook));
  }

  const rows: ScorecardRow[] = [];
  for (const p of [undefined, ...periods]) {
    const group = unranked.filter((u) => u.g.period === p).sort((a, b) => b.points - a.points || compareNames(a.g.unit, b.g.unit));
    group.forEach((u, i) => {
      const rank = i > 0 && u.points === group[i - 1].points ? rows[rows.length - 1].rank : i + 1;
      rows.push({
        unit: u.g.unit,
        ...(u.g.period === undefined ? {} : { period: u.g.period }),
        workbook: u.g.workbook,
        cells: u.cells,
        counts: u.counts,
        points: u.points,
        maxPoints,
        percent: maxPoints > 0 ? round((u.points / maxPoints) * 100) : 0,
        rank,
        rankedWith: group.length,
        alsoIn: [...(sameSubject.get(subjectKey(u.g.unit, u.g.period)) ?? [])].filter((w) => w !== u.g.workbook),
      });
    });
  }

  return {
    pack: { id: pack.id, version: pack.version, title: pack.title, basedOn: pack.basedOn ?? [] },
    targets,
    periods,
    rows,
    trends: trendsOf(rows, periodIndex),
    maxPoints,
  };
}

function trendsOf(rows: ReadonlyArray<ScorecardRow>, periodIndex: (p: string | undefined) => number): ScorecardTrend[] {
  const byUnit = new Map<string, ScorecardRow[]>();
  for (const r of rows) {
    if (r.period === undefined) continue;
    const k = `${r.workbook}\u0000${subjectKey(r.unit, undefined)}`;
    byUnit.set(k, [...(byUnit.get(k) ?? []), r]);
  }
  const out: ScorecardTrend[] = [];
  for (const list of byUnit.values()) {
    if (list.length < 2) continue;
    const steps = [...list]
      .sort((a, b) => periodIndex(a.period) - periodIndex(b.period))
      .map((r) => ({ period: r.period as string, points: r.points, percent: r.percent, rank: r.rank }));
    const [prev, last] = steps.slice(-2);
    const direction: TrendDirection = last.points > prev.points ? 'up' : last.points < prev.points ? 'down' : 'same';
    out.push({ unit: list[0].unit, workbook: list[0].workbook, steps, direction });
  }
  return out.sort((a, b) => compareNames(a.unit, b.unit));
}

function subjectKey(unit: string, period: string | undefined): string {
  return `${normalSubject(unit)}\u0000${period === undefined ? '' : normalSubject(period)}`;
}

/** A unit or period name for comparing; memoised, as a national check repeats each on every finding. */
function normalSubject(s: string): string {
  let n = normalSubjects.get(s);
  if (n === undefined) {
    if (normalSubjects.size > 100_000) normalSubjects.clear();
    n = s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
    normalSubjects.set(s, n);
  }
  return n;
}

const normalSubjects = new Map<string, string>();

function severityRank(f: Finding): number {
  return f.status === 'shortfall' ? 2 : f.status === 'no-data' ? 1 : 0;
}

function compareNames(a: string, b: string): number {
  return a.normalize('NFC').localeCompare(b.normalize('NFC'), 'vi');
}
