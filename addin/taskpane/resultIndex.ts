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
 * 40,000 unit rows; filtering, switching language or clicking then only walks this index.
 */
export interface ResultIndex {
  /** Finding indices grouped by unit, units in the order the tables list them. */
  readonly order: ReadonlyArray<number>;
  readonly units: ReadonlyArray<string>;
  readonly counts: Record<FindingStatus, number>;
  readonly byUnit: ReadonlyArray<UnitCounts>;
  readonly byTarget: ReadonlyMap<string, TargetCounts>;
}

export function indexResult(findings: ReadonlyArray<Finding>): ResultIndex {
  const members = new Map<string, number[]>();
  const unitCounts = new Map<string, { met: number; shortfall: number; noData: number }>();
  const byTarget = new Map<string, TargetCounts>();
  const counts: Record<FindingStatus, number> = { met: 0, shortfall: 0, 'no-data': 0 };
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const unit = unitOf(f);
    let list = members.get(unit);
    if (!list) {
      members.set(unit, (list = []));
      unitCounts.set(unit, { met: 0, shortfall: 0, noData: 0 });
    }
    list.push(i);
    counts[f.status]++;
    const u = unitCounts.get(unit)!;
    let t = byTarget.get(f.ruleId);
    if (!t) byTarget.set(f.ruleId, (t = { met: 0, shortfall: 0, noData: 0 }));
    if (f.status === 'met') (u.met++, t.met++);
    else if (f.status === 'shortfall') (u.shortfall++, t.shortfall++);
    else (u.noData++, t.noData++);
  }
  const order: number[] = [];
  for (const list of members.values()) for (const i of list) order.push(i);
  return { order, units: [...members.keys()], counts, byUnit: [...unitCounts].map(([unit, c]) => ({ unit, ...c })), byTarget };
}

/** A line a supervisor still has to look at: not met, and not reviewed or changed since its review. */
export function stillToReview(f: Finding, state: ReviewState | undefined): boolean {
  return f.status !== 'met' && (!state || state.changed);
}

/** The findings the filters let through, in list order: one pass over indices, no objects made. */
export function visibleIndices(
  findings: ReadonlyArray<Finding>,
  index: ResultIndex,
  filter: FindingFilter,
  reviews?: ReadonlyMap<Finding, ReviewState>,
): number[] {
  const out: number[] = [];
  for (const i of index.order) {
    const f = findings[i];
    if (!filter.statuses.has(f.status)) continue;
    if (filter.unit !== undefined && unitOf(f) !== filter.unit) continue;
    if (filter.unreviewed && !stillToReview(f, reviews?.get(f))) continue;
    out.push(i);
  }
  return out;
}
