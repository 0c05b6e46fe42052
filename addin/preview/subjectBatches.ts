import { IndicatorTable, Observation } from '../../src/tables/indicatorTable';
import { fold } from '../../src/tables/text';

/** Subjects in the first batch (on screen at once), then in each later one. */
export const FIRST_BATCH = 100;
/** A batch's findings are copied to the page in one task: 1,000 units (7,000 findings) keep it short. */
export const LATER_BATCH = 1000;

export function batchOfSubject(n: number): number {
  return n < FIRST_BATCH ? 0 : 1 + Math.floor((n - FIRST_BATCH) / LATER_BATCH);
}

export interface SubjectBatch {
  readonly tables: IndicatorTable[];
  /** Subjects in this batch. */
  readonly subjects: number;
}

/**
 * The indicator tables cut into batches of subjects (a unit, or a unit in one period), so the
 * preview can show the first units' findings while the rest are evaluated. A subject's
 * observations all go to one batch, from every table, under the key figuresByUnit gathers them
 * by, and batches follow the subjects' first appearance: evaluating the batches one after the
 * other gives the same findings in the same order as evaluating all the tables at once.
 */
export function subjectBatches(tables: ReadonlyArray<IndicatorTable>, batchOf: (subject: number) => number = batchOfSubject): SubjectBatch[] {
  const ordinal = new Map<string, number>();
  // batch → table → runs of consecutive observations (sliced, not copied one by one: a national
  // workbook has a million observations, and the first batch waits for this cut).
  const runs: Observation[][][][] = [];
  const subjects: number[] = [];
  tables.forEach((t, ti) => {
    // A layout C table's figures are made when read (ColumnTableFigures): made here once, then sliced.
    const all = Array.isArray(t.observations) ? (t.observations as Observation[]) : Array.from(t.observations);
    let lastUnit: string | undefined;
    let lastPeriod: string | undefined;
    let batch = -1;
    let runStart = 0;
    const flush = (end: number) => {
      if (batch >= 0 && end > runStart) runs[batch][ti].push(all.slice(runStart, end));
      runStart = end;
    };
    for (let k = 0; k < all.length; k++) {
      const o = all[k];
      if (o.unit === lastUnit && o.subjectPeriod === lastPeriod) continue;
      lastUnit = o.unit;
      lastPeriod = o.subjectPeriod;
      const key = o.subjectPeriod === undefined ? fold(o.unit) : `${fold(o.unit)}\u0000${fold(o.subjectPeriod)}`;
      let n = ordinal.get(key);
      const seen = n !== undefined;
      if (n === undefined) ordinal.set(key, (n = ordinal.size));
      const next = batchOf(n);
      while (runs.length <= next) {
        runs.push(tables.map(() => []));
        subjects.push(0);
      }
      if (!seen) subjects[next]++;
      if (next !== batch) {
        flush(k);
        batch = next;
      }
    }
    flush(all.length);
  });
  return runs.map((perTable, b) => ({
    tables: tables.map((t, ti) => ({ ...t, observations: joined(perTable[ti]) })).filter((t) => t.observations.length > 0),
    subjects: subjects[b],
  }));
}

function joined(runs: Observation[][]): Observation[] {
  if (runs.length === 1) return runs[0];
  const out: Observation[] = [];
  for (const r of runs) for (const o of r) out.push(o);
  return out;
}
