import { sheetRef } from '../grid/address';
import { showCell } from '../grid/cell';
import { DerivedFact, RulePack } from '../packs/rulePack';
import { ColumnTableFigures, FigurePlace, forEachSubjectRun } from '../tables/columnTableFigures';
import { IndicatorTable, Observation } from '../tables/indicatorTable';
import { PeriodRole } from '../tables/periods';
import { fold } from '../tables/text';
import { FindingInput, NoDataReason } from './finding';
import { FigureInput } from './figureInput';
import { ColumnFigure } from '../tables/columnFigure';
import { settle } from './precision';

/** Every figure a workbook holds for one subject (a unit, or a unit and period), by indicator and period. */
export interface UnitFigures {
  readonly unit: string;
  /** Set when the table has one row per unit and period. */
  readonly period?: string;
  readonly sheet: string;
  /** Whether the subject has a figure of `indicator` for either period. */
  has(indicator: string): boolean;
  /** The subject's figures of `indicator` for `period`, in table order; empty when it has none. */
  list(indicator: string, period: PeriodRole): ReadonlyArray<Observation>;
}

/**
 * Groups observations by subject — a unit, or a unit and period in a table with a period column —
 * folded so `Hà Nội` and `HÀ NỘI` are one unit; in table order. Each subject's figures are its own.
 */
export function figuresByUnit(tables: ReadonlyArray<IndicatorTable>): UnitFigures[] {
  const groups = new UnitGroups(tables);
  const cursor = groups.cursor();
  return Array.from({ length: groups.length }, (_, u) => {
    cursor.moveTo(u);
    const lists = new Map<string, ReadonlyArray<Observation>>();
    for (const indicator of groups.indicators) for (const p of PERIODS) lists.set(`${p}\u0000${indicator}`, [...cursor.list(indicator, p)]);
    const present = new Set(groups.indicators.filter((i) => cursor.has(i)));
    return {
      unit: cursor.unit,
      period: cursor.period,
      sheet: cursor.sheet,
      has: (indicator: string) => present.has(indicator),
      list: (indicator: string, period: PeriodRole) => lists.get(`${period}\u0000${indicator}`) ?? NO_FIGURES,
    };
  });
}

const PERIODS: ReadonlyArray<PeriodRole> = ['current', 'baseline'];

/** A period with no figure (never pushed to). */
const NO_FIGURES: ReadonlyArray<Observation> = Object.freeze([]);

/**
 * The subjects of some tables, in the order they first appear, each one's figures gathered only
 * when asked for. A national workbook has tens of thousands of subjects, each with some forty
 * figures: gathered into lists and maps of their own, subject after subject, they were most of the
 * garbage a check made. Where each subject's figures are, and what each is a figure of, is kept in
 * typed arrays; a cursor (one per evaluation) reads one subject at a time into arrays it reuses,
 * and makes a figure only when a target reads it.
 */
export class UnitGroups {
  /** How many subjects. */
  readonly length: number;
  /** Every indicator some figure is of; a figure's kind is its indicator's place here, twice, plus 1 for the baseline. */
  readonly indicators: string[] = [];
  private readonly indicatorIds = new Map<string, number>();
  private readonly first: Array<{ unit: string; period: string | undefined; sheet: string }> = [];
  /** Subject u's figures are slots start[u] to start[u + 1] of tableAt/indexAt/kindAt, in table order. */
  private readonly start: Int32Array;
  private readonly tableAt: Int32Array;
  private readonly indexAt: Int32Array;
  private readonly kindAt: Int32Array;

  constructor(private readonly tables: ReadonlyArray<IndicatorTable>) {
    let total = 0;
    for (const t of tables) total += t.observations.length;
    const subjectOf = new Int32Array(total);
    const kindOf = new Int32Array(total);
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
            const o = t.observations.at(from)!;
            this.first.push({ unit: o.unit, period: o.subjectPeriod, sheet: o.sheet });
          } else u = known;
        }
        subjectOf.fill(u, base + from, base + to);
      });
      // What each figure is of, read without making the figures of a layout C table.
      let i = base;
      const visit = (o: FigurePlace | Observation) => {
        kindOf[i++] = this.kindOf(o.indicator, o.period);
      };
      if (t.observations instanceof ColumnTableFigures) t.observations.forEachPlace(visit);
      else for (const o of t.observations) visit(o);
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
    this.kindAt = new Int32Array(total);
    k = 0;
    for (let t = 0; t < tables.length; t++) {
      const n = tables[t].observations.length;
      for (let i = 0; i < n; i++, k++) {
        const slot = next[subjectOf[k]]++;
        this.tableAt[slot] = t;
        this.indexAt[slot] = i;
        this.kindAt[slot] = kindOf[k];
      }
    }
  }

  private kindOf(indicator: string, period: PeriodRole): number {
    let id = this.indicatorIds.get(indicator);
    if (id === undefined) this.indicatorIds.set(indicator, (id = this.indicators.push(indicator) - 1));
    return id * 2 + (period === 'baseline' ? 1 : 0);
  }

  /** A cursor over the subjects, for one evaluation (it reuses its arrays from subject to subject). */
  cursor(): SubjectCursor {
    return new SubjectCursor(this.tables, this.first, this.indicatorIds, this.start, this.tableAt, this.indexAt, this.kindAt);
  }
}

/**
 * One subject's figures at a time (UnitGroups.cursor). The lists it gives belong to it and change
 * when it moves: read them, never keep them.
 */
export class SubjectCursor implements UnitFigures {
  unit = '';
  period: string | undefined = undefined;
  sheet = '';
  /** Bumped at each move: a kind's entries are the current subject's only when stamped with it. */
  private visit = 0;
  /** Per kind: the visit that last saw it, its first slot, its last slot. */
  private readonly seen: Int32Array;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  /** Per slot: the subject's next slot of the same kind, or -1. */
  private readonly nextOfKind: Int32Array;
  /** Per kind: the figures made for the current subject (listed marks which visit made them). */
  private readonly lists: Observation[][];
  private readonly listed: Int32Array;

  constructor(
    private readonly tables: ReadonlyArray<IndicatorTable>,
    private readonly first: ReadonlyArray<{ unit: string; period: string | undefined; sheet: string }>,
    private readonly indicatorIds: ReadonlyMap<string, number>,
    private readonly start: Int32Array,
    private readonly tableAt: Int32Array,
    private readonly indexAt: Int32Array,
    private readonly kindAt: Int32Array,
  ) {
    const kinds = indicatorIds.size * 2;
    this.seen = new Int32Array(kinds);
    this.head = new Int32Array(kinds);
    this.tail = new Int32Array(kinds);
    this.listed = new Int32Array(kinds);
    this.lists = Array.from({ length: kinds }, () => []);
    this.nextOfKind = new Int32Array(kindAt.length);
  }

  /** Makes subject u the current one. */
  moveTo(u: number): void {
    const v = ++this.visit;
    const f = this.first[u];
    this.unit = f.unit;
    this.period = f.period;
    this.sheet = f.sheet;
    for (let slot = this.start[u]; slot < this.start[u + 1]; slot++) {
      const kind = this.kindAt[slot];
      this.nextOfKind[slot] = -1;
      if (this.seen[kind] !== v) {
        this.seen[kind] = v;
        this.head[kind] = slot;
      } else this.nextOfKind[this.tail[kind]] = slot;
      this.tail[kind] = slot;
    }
  }

  has(indicator: string): boolean {
    const id = this.indicatorIds.get(indicator);
    return id !== undefined && (this.seen[id * 2] === this.visit || this.seen[id * 2 + 1] === this.visit);
  }

  list(indicator: string, period: PeriodRole): ReadonlyArray<Observation> {
    const id = this.indicatorIds.get(indicator);
    if (id === undefined) return NO_FIGURES;
    const kind = id * 2 + (period === 'baseline' ? 1 : 0);
    const v = this.visit;
    if (this.seen[kind] !== v) return NO_FIGURES;
    const list = this.lists[kind];
    if (this.listed[kind] !== v) {
      // Made once per subject, however many facts read it: the same figure is the same object.
      this.listed[kind] = v;
      // Written over, then cut to length: emptied with `length = 0`, the list would give up its
      // storage and allocate it again at the first push (V8), for every subject.
      let n = 0;
      for (let slot = this.head[kind]; slot >= 0; slot = this.nextOfKind[slot])
        list[n++] = this.tables[this.tableAt[slot]].observations.at(this.indexAt[slot])!;
      list.length = n;
    }
    return list;
  }
}

/**
 * A fact's value for a unit, or why there is none. A class, not an object literal: V8 may decide
 * that a literal's objects live long (when most of those it sees at a collection are alive) and
 * make them in the old generation from then on. A fact's value lives for one subject; made old, each
 * kept its young inputs alive through the young collections until the next full one. In about one
 * national check in four, some 50 MB were promoted that way, ~50 ms more collecting. V8 keeps no
 * such record for a class: its objects are made young, and promoted only if they live.
 */
export class FactValue {
  constructor(
    readonly value: number | undefined,
    readonly inputs: FindingInput[],
    readonly noData?: NoDataReason,
  ) {}
}

function toInput(o: Observation): FindingInput {
  if (o instanceof ColumnFigure) return new FigureInput(o);
  const input = { indicator: o.indicator, period: o.period, sheet: o.sheet, cell: o.cell, value: o.value ?? null, shown: showCell(o.raw) };
  return o.pledged ? { ...input, pledged: o.pledged } : input;
}

/**
 * One figure a fact reads, or why it cannot be read. Written over (see READS): a fact is worked
 * out from its reads at once, and a national check reads a figure for each of a million facts.
 */
interface FigureRead {
  obs: Observation | undefined;
  noData: NoDataReason | undefined;
}

/** Reads written over fact after fact (computeFact is never re-entered): as many as the longest sum has terms. */
const READS: FigureRead[] = [];

function readsFor(n: number): FigureRead[] {
  while (READS.length < n) READS.push({ obs: undefined, noData: undefined });
  return READS;
}

function figure(u: UnitFigures, indicator: string, period: PeriodRole, out: FigureRead): FigureRead {
  const list = u.list(indicator, period);
  out.obs = list.length === 0 ? undefined : list[0];
  out.noData = whyNoFigure(list, indicator, period);
  return out;
}

/** Why the figures of an indicator for a period give no number; undefined when they give one. */
function whyNoFigure(list: ReadonlyArray<Observation>, indicator: string, period: PeriodRole): NoDataReason | undefined {
  if (list.length === 0) return { kind: 'no-period', indicator, period };
  // The same figure in several places (a cluster's summary sheet and the unit's own sheet) agrees with
  // itself: any copy gives the same verdict, and the first is named.
  if (list.length > 1 && list[0].value !== undefined && allAgree(list)) return undefined;
  // The same indicator twice with different figures: report the ambiguity instead of picking one.
  if (list.length > 1) return { kind: 'duplicate', indicator, cells: copiesNamed(list) };
  const obs = list[0];
  // Marked at the merged area's top-left cell: that is where Excel shows the area's fill.
  if (obs.value === undefined && obs.merged) return { kind: 'merged', cell: obs.merged.split(':')[0], range: obs.merged };
  if (obs.value === undefined) return { kind: 'blank', cell: obs.cell, shown: showCell(obs.raw) };
  return undefined;
}

// Closures apart from `figure`, which runs for every fact of every subject: a function with a
// closure over its own variables makes a context on every call, used or not.

/** Whether every copy of a figure holds the first one's value. */
function allAgree(list: ReadonlyArray<Observation>): boolean {
  for (let i = 1; i < list.length; i++) if (list[i].value !== list[0].value) return false;
  return true;
}

/** The cells of a figure's copies; copies on different sheets (a hidden one, say) are named with their sheet. */
function copiesNamed(list: ReadonlyArray<Observation>): string[] {
  const sheets = new Set(list.map((o) => o.sheet));
  return list.map((o) => (sheets.size > 1 ? sheetRef(o.sheet, o.cell) : o.cell));
}

/** The indicators a fact reads (a plain indicator id reads itself). */
export function indicatorsOfFact(pack: RulePack, fact: string): string[] {
  const d: DerivedFact | undefined = pack.facts?.[fact];
  if (!d) return [fact];
  if ('changePercent' in d) return [d.changePercent];
  if ('ratioPercent' in d) return [...d.ratioPercent];
  return [...d.sum];
}

/**
 * Computes a fact for a unit. Inputs are listed current period first, numerator first. Written
 * with plain loops and no closures: a national check computes a few hundred thousand facts.
 */
export function computeFact(pack: RulePack, u: UnitFigures, fact: string): FactValue {
  const d = pack.facts?.[fact];
  if (!d) {
    const f = figure(u, fact, 'current', readsFor(1)[0]);
    return factValue(READS, 1, f.obs?.value, f.noData);
  }
  if ('changePercent' in d) {
    const reads = readsFor(2);
    const cur = figure(u, d.changePercent, 'current', reads[0]);
    const base = figure(u, d.changePercent, 'baseline', reads[1]);
    if (cur.noData || base.noData) return factValue(reads, 2, undefined);
    if (base.obs!.value === 0) return factValue(reads, 2, undefined, { kind: 'zero-baseline', cell: base.obs!.cell });
    return factValue(reads, 2, ((cur.obs!.value! - base.obs!.value!) / base.obs!.value!) * 100);
  }
  if ('ratioPercent' in d) {
    const reads = readsFor(2);
    const num = figure(u, d.ratioPercent[0], 'current', reads[0]);
    const den = figure(u, d.ratioPercent[1], 'current', reads[1]);
    if (num.noData || den.noData) return factValue(reads, 2, undefined);
    if (den.obs!.value === 0) return factValue(reads, 2, undefined, { kind: 'zero-denominator', cell: den.obs!.cell });
    return factValue(reads, 2, (num.obs!.value! * 100) / den.obs!.value!);
  }
  const reads = readsFor(d.sum.length);
  let sum = 0;
  let complete = true;
  for (let i = 0; i < d.sum.length; i++) {
    const t = figure(u, d.sum[i], 'current', reads[i]);
    if (t.noData) complete = false;
    else sum += t.obs!.value!;
  }
  return factValue(reads, d.sum.length, complete ? sum : undefined);
}

/** A fact's value from the first `count` figures it read (in order), with why there is none when there is none. */
function factValue(reads: ReadonlyArray<FigureRead>, count: number, value: number | undefined, noData?: NoDataReason): FactValue {
  // An array of the right length: one grown by push starts with room for seventeen.
  let n = 0;
  for (let i = 0; i < count; i++) if (reads[i].obs) n++;
  const inputs: FindingInput[] = new Array<FindingInput>(n);
  let firstNoData: NoDataReason | undefined;
  n = 0;
  for (let i = 0; i < count; i++) {
    const p = reads[i];
    if (p.obs) inputs[n++] = toInput(p.obs);
    if (firstNoData === undefined && p.noData) firstNoData = p.noData;
  }
  // Figures so large the arithmetic overflows are not evidence of anything.
  if (!noData && value !== undefined && !Number.isFinite(value)) noData = { kind: 'out-of-range', cell: inputs[0]?.cell ?? '' };
  return new FactValue(noData || value === undefined ? undefined : settle(value), inputs, noData ?? firstNoData);
}

export function factUnit(pack: RulePack, fact: string): string {
  const d = pack.facts?.[fact];
  if (d && ('changePercent' in d || 'ratioPercent' in d)) return '%';
  const ind = d && 'sum' in d ? d.sum[0] : fact;
  return pack.indicators[ind]?.unit ?? '';
}
