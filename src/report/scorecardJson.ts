import { Scorecard } from './scorecard';

/** The scorecard in the `--json` document: the model without the findings it points at (they are listed per workbook). */
export function scorecardJson(s: Scorecard) {
  return {
    targets: s.targets.map((t) => ({ ruleId: t.ruleId, severity: t.severity, weight: t.weight, scored: t.scored })),
    maxPoints: s.maxPoints,
    ...(s.periods.length ? { periods: s.periods } : {}),
    rows: s.rows.map(rowJson),
    ...(s.trends.length ? { trends: s.trends.map((t) => ({ unit: t.unit, workbook: t.workbook, direction: t.direction, steps: t.steps })) } : {}),
  };
}

/**
 * One unit's row, built field by field in the document's order: a national scorecard has tens of
 * thousands, and spread objects and an entry list per row are slower to make.
 */
function rowJson(r: Scorecard['rows'][number]) {
  const out: Record<string, unknown> = { rank: r.rank, unit: r.unit };
  if (r.period !== undefined) out.period = r.period;
  out.workbook = r.workbook;
  out.points = r.points;
  out.percent = Math.round(r.percent * 100) / 100;
  out.counts = r.counts;
  const statuses: Record<string, string> = {};
  for (const c of r.cells) statuses[c.ruleId] = c.status;
  out.statuses = statuses;
  if (r.alsoIn.length) out.alsoIn = r.alsoIn;
  return out;
}
