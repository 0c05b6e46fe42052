import { Finding, FindingStatus } from '../../src/evaluate/finding';
import { ReviewState } from '../../src/review/reviewState';
import { FindingFilter, unitOf, UnitCounts } from './findingsView';

/** Met / shortfall / no data of one target across the workbook. */
export interface TargetCounts {
  met: number;
  shortfall: number;
  noData: number;
}

/**
 * What the pane derives from a check once, not at every redraw: the list order (grouped by unit),
 * the units, the counts per status, unit and target. A national check has 280,000 findings and
 * 40,000 unit rows, in batches: each batch extends the index (nothing is counted twice), and
 * filtering, switching language or clicking then only reads it.
 */
export class ResultIndex {
  readonly units: string[] = [];
  readonly counts: Record<FindingStatus, number> = { met: 0, shortfall: 0, 'no-data': 0 };
  readonly byTarget = new Map<string, TargetCounts>();
  private readonly unitNumber = new Map<string, number>();
  /** Per unit (in table order): its findings' indices, and its counts. */
  private readonly members: number[][] = [];
  private readonly unitCounts: { unit: string; met: number; shortfall: number; noData: number }[] = [];
  private indexed = 0;
  private orderMade?: Int32Array;
  private byUnitMade?: UnitCounts[];

  constructor(readonly findings: ReadonlyArray<Finding>) {
    this.extend();
  }

  /** Counts the findings added to the same array since the last call (a later batch of the check). */
  extend(): void {
    const findings = this.findings;
    if (this.indexed === findings.length) return;
    // A unit's findings come one after the other: its name (with the row's period) is made once per run, not per finding.
    let lastUnit: string | undefined;
    let lastPeriod: string | undefined;
    let n = -1;
    for (let i = this.indexed; i < findings.length; i++) {
      const f = findings[i];
      if (n < 0 || f.unit !== lastUnit || f.period !== lastPeriod) {
        lastUnit = f.unit;
        lastPeriod = f.period;
        const unit = unitOf(f);
        const known = this.unitNumber.get(unit);
        if (known !== undefined) n = known;
        else {
          this.unitNumber.set(unit, (n = this.units.length));
          this.units.push(unit);
          this.members.push([]);
          this.unitCounts.push({ unit, met: 0, shortfall: 0, noData: 0 });
        }
      }
      this.members[n].push(i);
      this.counts[f.status]++;
      const u = this.unitCounts[n];
      let t = this.byTarget.get(f.ruleId);
      if (!t) this.byTarget.set(f.ruleId, (t = { met: 0, shortfall: 0, noData: 0 }));
      if (f.status === 'met') {
        u.met++;
        t.met++;
      } else if (f.status === 'shortfall') {
        u.shortfall++;
        t.shortfall++;
      } else {
        u.noData++;
        t.noData++;
      }
    }
    this.indexed = findings.length;
    this.orderMade = undefined;
    this.byUnitMade = undefined;
  }

  /** Finding indices grouped by unit, units in the order the tables list them. */
  get order(): Int32Array {
    if (!this.orderMade) {
      const order = new Int32Array(this.indexed);
      let at = 0;
      for (const list of this.members) for (const i of list) order[at++] = i;
      this.orderMade = order;
    }
    return this.orderMade;
  }

  /** Counts per unit; a new array after each batch (the summary ranks it once per array). */
  get byUnit(): ReadonlyArray<UnitCounts> {
    return (this.byUnitMade ??= this.unitCounts.map((c) => ({ ...c })));
  }

  hasUnit(unit: string): boolean {
    return this.unitNumber.has(unit);
  }

  /** The findings of one unit, in list order (none for a unit the check does not have). */
  membersOf(unit: string): ReadonlyArray<number> {
    const n = this.unitNumber.get(unit);
    return n === undefined ? [] : this.members[n];
  }

  /** How many findings of one unit (or of all) have one of the statuses. */
  countOf(statuses: ReadonlySet<FindingStatus>, unit?: string): number {
    const n = unit === undefined ? undefined : this.unitNumber.get(unit);
    if (unit !== undefined && n === undefined) return 0;
    const c = n === undefined ? { met: this.counts.met, shortfall: this.counts.shortfall, noData: this.counts['no-data'] } : this.unitCounts[n];
    return (statuses.has('met') ? c.met : 0) + (statuses.has('shortfall') ? c.shortfall : 0) + (statuses.has('no-data') ? c.noData : 0);
  }
}

export function indexResult(findings: ReadonlyArray<Finding>): ResultIndex {
  return new ResultIndex(findings);
}

/** A line a supervisor still has to look at: not met, and not reviewed or changed since its review. */
export function stillToReview(f: Finding, state: ReviewState | undefined): boolean {
  return f.status !== 'met' && (!state || state.changed);
}

/** The first `limit` findings the filters let through, in list order, and how many pass in all. */
export interface VisiblePage {
  readonly shown: number[];
  readonly total: number;
}

/**
 * The findings to draw: only as far into the list as the page needs. The total comes from the
 * counts, except with the "unreviewed" filter (reviews are few: the walk is then over them all).
 */
export function visiblePage(index: ResultIndex, filter: FindingFilter, limit: number, reviews?: ReadonlyMap<Finding, ReviewState>): VisiblePage {
  const findings = index.findings;
  const candidates: ArrayLike<number> = filter.unit === undefined ? index.order : index.membersOf(filter.unit);
  const shown: number[] = [];
  if (filter.unreviewed) {
    let total = 0;
    for (let k = 0; k < candidates.length; k++) {
      const i = candidates[k];
      const f = findings[i];
      if (!filter.statuses.has(f.status) || !stillToReview(f, reviews?.get(f))) continue;
      if (total++ < limit) shown.push(i);
    }
    return { shown, total };
  }
  const total = index.countOf(filter.statuses, filter.unit);
  for (let k = 0; k < candidates.length && shown.length < limit && shown.length < total; k++) {
    const i = candidates[k];
    if (filter.statuses.has(findings[i].status)) shown.push(i);
  }
  return { shown, total };
}
