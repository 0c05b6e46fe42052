import { Scorecard } from './scorecard';

/** The scorecard in the `--json` document: the model without the findings it points at (they are listed per workbook). */
export function scorecardJson(s: Scorecard) {
  return {
    targets: s.targets.map((t) => ({ ruleId: t.ruleId, severity: t.severity, weight: t.weight, scored: t.scored })),
    maxPoints: s.maxPoints,
    ...(s.periods.length ? { periods: s.periods } : {}),
    rows: s.rows.map((r) => ({
      rank: r.rank,
      unit: r.unit,
      ...(r.period === undefined ? {} : { period: r.period }),
      workbook: r.workbook,
      points: r.points,
      percent: Math.round(r.percent * 100) / 100,
      counts: r.counts,
      statuses: Object.fromEntries(r.cells.map((c) => [c.ruleId, c.status])),
      ...(r.alsoIn.length ? { alsoIn: r.alsoIn } : {}),
    })),
    ...(s.trends.length ? { trends: s.trends.map((t) => ({ unit: t.unit, workbook: t.workbook, direction: t.direction, steps: t.steps })) } : {}),
  };
}
