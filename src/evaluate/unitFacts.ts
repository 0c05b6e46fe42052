import { sheetRef } from '../grid/address';
import { showCell } from '../grid/cell';
import { DerivedFact, RulePack } from '../packs/rulePack';
import { forEachSubjectRun } from '../tables/columnTableFigures';
import { IndicatorTable, Observation } from '../tables/indicatorTable';
import { PeriodRole } from '../tables/periods';
import { fold } from '../tables/text';
import { FindingInput, NoDataReason } from './finding';
import { settle } from './precision';

/** Every figure a workbook holds for one unit, by indicator and period. */
export interface UnitFigures {
  readonly unit: string;
  /** Set when the table has one row per unit and period. */
  readonly period?: string;
  readonly sheet: string;
  readonly byIndicator: Map<string, { current: Observation[]; baseline: Observation[] }>;
}

/** A period with no figure, shared by every unit (never pushed to: replaced by the first figure's list). */
const NO_FIGURES: Observation[] = Object.freeze([]) as unknown as Observation[];

/**
 * Groups observations by subject — a unit, or a unit and period in a table with a period column —
 * folded so `Hà Nội` and `HÀ NỘI` are one unit; in table order.
 */
export function figuresByUnit(tables: ReadonlyArray<IndicatorTable>): UnitFigures[] {
  const groups = new UnitGroups(tables);
  return Array.from({ length: groups.length }, (_, u) => groups.figuresOf(u));
}

/**
 * The subjects of some tables, in the order they first appear, each one's figures gathered only
 * when asked for. A national workbook has tens of thousands of units: gathered all at once, their
 * lists and maps outlive many young-generation collections and are copied into the old one, only
 * to be dropped unit by unit; gathered one at a time, each dies young. Where each subject's
 * observations are is kept in typed arrays, out of the collector's way.
 */
export class UnitGroups {
  /** How many subjects. */
  readonly length: number;
  private readonly first: Observation[] = [];
  /** Subject u's observations are slots start[u] to start[u + 1] of tableAt/indexAt, in table order. */
  private readonly start: Int32Array;
  private readonly tableAt: Int32Array;
  private readonly indexAt: Int32Array;

  constructor(private readonly tables: ReadonlyArray<IndicatorTable>) {
    let total = 0;
    for (const t of tables) total += t.observations.length;
    const subjectOf = new Int32Array(total);
    const subjects = new Map<string, number>();
    // A row's observations come together: the subject is looked up once per run, not per figure.
    let lastUnit: string | undefined;
    let lastPeriod: string | undefined;
    let u = -1;
    let k = 0;
    for (const t of tables) {
      const base = k;
      forEachSubjectRun(t.observations, (from, to, unit, period) => {
        if (u < 0 || unit !== lastUnit || period !== lastPeriod) {
          lastUnit = unit;
          lastPeriod = period;
          const key = period === undefined ? fold(unit) : `${fold(unit)}\u0000${fold(period)}`;
          const known = subjects.get(key);
          if (known === undefined) {
            u = this.first.length;
            subjects.set(key, u);
            this.first.push(t.observations.at(from)!);
          } else u = known;
        }
        subjectOf.fill(u, base + from, base + to);
      });
      k += t.observations.length;
    }
    this.length = this.first.length;
    // Counting sort by subject, stable: each subject's slots keep table order.
    this.start = new Int32Array(this.length + 1);
    for (let i = 0; i < total; i++) this.start[subjectOf[i] + 1]++;
    for (let s = 0; s < this.length; s++) this.start[s + 1] += this.start[s];
    const next = this.start.slice(0, this.length);
    this.tableAt = new Int32Array(total);
    this.indexAt = new Int32Array(total);
    k = 0;
    for (let t = 0; t < tables.length; t++) {
      const n = tables[t].observations.length;
      for (let i = 0; i < n; i++) {
        const slot = next[subjectOf[k++]]++;
        this.tableAt[slot] = t;
        this.indexAt[slot] = i;
      }
    }
  }

  /** Subject u's figures by indicator and period, gathered now. */
  figuresOf(u: number): UnitFigures {
    const o0 = this.first[u];
    const byIndicator: UnitFigures['byIndicator'] = new Map();
    for (let slot = this.start[u]; slot < this.start[u + 1]; slot++) {
      const o = this.tables[this.tableAt[slot]].observations.at(this.indexAt[slot])!;
      // One figure per list is the rule, and a list grown by push from empty keeps room for
      // seventeen, so a list starts as exactly its first figure.
      const ind = byIndicator.get(o.indicator);
      if (!ind) byIndicator.set(o.indicator, o.period === 'current' ? { current: [o], baseline: NO_FIGURES } : { current: NO_FIGURES, baseline: [o] });
      else if (ind[o.period] === NO_FIGURES) ind[o.period] = [o];
      else ind[o.period].push(o);
    }
    return { unit: o0.unit, period: o0.subjectPeriod, sheet: o0.sheet, byIndicator };
  }
}

/** A fact's value for a unit, or why there is none. */
export interface FactValue {
  readonly value: number | undefined;
  readonly inputs: FindingInput[];
  readonly noData?: NoDataReason;
}

function toInput(o: Observation): FindingInput {
  const input = { indicator: o.indicator, period: o.period, sheet: o.sheet, cell: o.cell, value: o.value ?? null, shown: showCell(o.raw) };
  return o.pledged ? { ...input, pledged: o.pledged } : input;
}

function figure(u: UnitFigures, indicator: string, period: PeriodRole): { obs?: Observation; noData?: NoDataReason } {
  const list = u.byIndicator.get(indicator)?.[period] ?? [];
  if (list.length === 0) return { noData: { kind: 'no-period', indicator, period } };
  // The same figure in several places (a cluster's summary sheet and the unit's own sheet) agrees with
  // itself: any copy gives the same verdict, and the first is named.
  if (list.length > 1 && list[0].value !== undefined && list.every((o) => o.value === list[0].value)) return { obs: list[0] };
  if (list.length > 1) {
    // The same indicator twice with different figures: report the ambiguity instead of picking one.
    // Copies on different sheets (a hidden one, say) are named with their sheet.
    const sheets = new Set(list.map((o) => o.sheet));
    const cells = list.map((o) => (sheets.size > 1 ? sheetRef(o.sheet, o.cell) : o.cell));
    return { obs: list[0], noData: { kind: 'duplicate', indicator, cells } };
  }
  const obs = list[0];
  // Marked at the merged area's top-left cell: that is where Excel shows the area's fill.
  if (obs.value === undefined && obs.merged) return { obs, noData: { kind: 'merged', cell: obs.merged.split(':')[0], range: obs.merged } };
  if (obs.value === undefined) return { obs, noData: { kind: 'blank', cell: obs.cell, shown: showCell(obs.raw) } };
  return { obs };
}

/** The indicators a fact reads (a plain indicator id reads itself). */
export function indicatorsOfFact(pack: RulePack, fact: string): string[] {
  const d: DerivedFact | undefined = pack.facts?.[fact];
  if (!d) return [fact];
  if ('changePercent' in d) return [d.changePercent];
  if ('ratioPercent' in d) return [...d.ratioPercent];
  return [...d.sum];
}

/** Computes a fact for a unit. Inputs are listed current period first, numerator first. */
export function computeFact(pack: RulePack, u: UnitFigures, fact: string): FactValue {
  const d = pack.facts?.[fact];
  const parts: { obs?: Observation; noData?: NoDataReason }[] = [];
  const want = (indicator: string, period: PeriodRole) => {
    const f = figure(u, indicator, period);
    parts.push(f);
    return f;
  };
  const result = (value: number | undefined, noData?: NoDataReason): FactValue => {
    const inputs = parts.filter((p) => p.obs).map((p) => toInput(p.obs!));
    // Figures so large the arithmetic overflows are not evidence of anything.
    if (!noData && value !== undefined && !Number.isFinite(value)) noData = { kind: 'out-of-range', cell: inputs[0]?.cell ?? '' };
    return {
      value: noData || value === undefined ? undefined : settle(value),
      inputs,
      noData: noData ?? parts.find((p) => p.noData)?.noData,
    };
  };

  if (!d) {
    const f = want(fact, 'current');
    return result(f.obs?.value, f.noData);
  }
  if ('changePercent' in d) {
    const cur = want(d.changePercent, 'current');
    const base = want(d.changePercent, 'baseline');
    if (cur.noData || base.noData) return result(undefined);
    if (base.obs!.value === 0) return result(undefined, { kind: 'zero-baseline', cell: base.obs!.cell });
    return result(((cur.obs!.value! - base.obs!.value!) / base.obs!.value!) * 100);
  }
  if ('ratioPercent' in d) {
    const num = want(d.ratioPercent[0], 'current');
    const den = want(d.ratioPercent[1], 'current');
    if (num.noData || den.noData) return result(undefined);
    if (den.obs!.value === 0) return result(undefined, { kind: 'zero-denominator', cell: den.obs!.cell });
    return result((num.obs!.value! * 100) / den.obs!.value!);
  }
  const terms = d.sum.map((i) => want(i, 'current'));
  if (terms.some((t) => t.noData)) return result(undefined);
  return result(terms.reduce((s, t) => s + t.obs!.value!, 0));
}

export function factUnit(pack: RulePack, fact: string): string {
  const d = pack.facts?.[fact];
  if (d && ('changePercent' in d || 'ratioPercent' in d)) return '%';
  const ind = d && 'sum' in d ? d.sum[0] : fact;
  return pack.indicators[ind]?.unit ?? '';
}
