import { forEachCellStatus, Scorecard } from './scorecard';
import { JsonBatches, joinedLines, LineParts } from './jsonBatches';
import { jsonNames, jsonNumber, memoText } from './jsonLiteral';

type Row = Scorecard['rows'][number];

/** The scorecard in the `--json` document: the model without the findings it points at (they are listed per workbook). */
export function scorecardJson(s: Scorecard) {
  return {
    targets: s.targets.map((t) => ({ ruleId: t.ruleId, severity: t.severity, weight: t.weight, scored: t.scored })),
    maxPoints: s.maxPoints,
    ...(s.periods.length ? { periods: s.periods } : {}),
    // A national scorecard has tens of thousands of rows: made a batch at a time as the document is written.
    rows: new JsonBatches(s.rows.length, (from, to) => s.rows.slice(from, to).map(rowJson), rowTexts(s)),
    ...(s.trends.length ? { trends: s.trends.map((t) => ({ unit: t.unit, workbook: t.workbook, direction: t.direction, steps: t.steps })) } : {}),
  };
}

/**
 * One unit's row, built field by field in the document's order: a national scorecard has tens of
 * thousands, and spread objects and an entry list per row are slower to make.
 */
function rowJson(r: Row) {
  const out: Record<string, unknown> = { rank: r.rank, unit: r.unit };
  if (r.period !== undefined) out.period = r.period;
  out.workbook = r.workbook;
  out.points = r.points;
  out.percent = percentShown(r);
  out.counts = r.counts;
  const statuses: Record<string, string> = {};
  for (const c of r.cells) statuses[c.ruleId] = c.status;
  out.statuses = statuses;
  if (r.alsoIn.length) out.alsoIn = r.alsoIn;
  return out;
}

function percentShown(r: Row): number {
  return Math.round(r.percent * 100) / 100;
}

/**
 * Rows as their compact JSON text, each exactly `JSON.stringify(rowJson(r))`, a batch's parts joined
 * once. The statuses object is written in the order of the row's cells, which is the object's own
 * order only when no rule id is an array index (those come first) or `__proto__`, and none repeats:
 * any other pack's rows are given by JSON.stringify. test/report/scorecardJson.test.ts holds every
 * text to JSON.stringify's.
 */
function rowTexts(s: Scorecard): (from: number, to: number, separator: string) => string {
  const ids = s.targets.map((t) => t.ruleId);
  const plainIds = new Set(ids).size === ids.length && ids.every((id) => id !== '__proto__' && !/^(0|[1-9]\d*)$/.test(id));
  const name = jsonNames();
  // Rows with the same counts share one object (see buildScorecard): written once each.
  const counts = memoText((c: Row['counts']) => JSON.stringify(c));
  const write = (r: Row, parts: LineParts): void => {
    if (!plainIds) {
      parts.push(JSON.stringify(rowJson(r)));
      return;
    }
    parts.push('{"rank":', jsonNumber(r.rank), ',"unit":', name(r.unit));
    if (r.period !== undefined) parts.push(',"period":', name(r.period));
    parts.push(',"workbook":', name(r.workbook), ',"points":', jsonNumber(r.points), ',"percent":', jsonNumber(percentShown(r)));
    parts.push(',"counts":', counts(r.counts), ',"statuses":{');
    // Read from the scorecard's slots: a row's cells would be made when read (see buildScorecard).
    forEachCellStatus(r, s.targets, (ruleId, status, i) => parts.push(i === 0 ? '' : ',', name(ruleId), ':', name(status)));
    parts.push('}');
    if (r.alsoIn.length) parts.push(',"alsoIn":', JSON.stringify(r.alsoIn));
    parts.push('}');
  };
  return joinedLines(s.rows, write);
}
