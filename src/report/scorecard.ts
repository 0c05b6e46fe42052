import { readHeadsOneAtATime } from '../evaluate/compactFindings';
import { Finding, FindingList, FindingStatus } from '../evaluate/finding';
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
  readonly findings: FindingList;
}

/** Points are sums of weights such as 0,1: compared after rounding so 0,1 + 0,2 ties with 0,3. */
const round = (x: number) => Math.round(x * 1e9) / 1e9;

export function buildScorecard(pack: RulePack, sources: ReadonlyArray<ScorecardSource>): Scorecard {
  const targets: ScorecardTarget[] = pack.rules.map((r) => {
    const severity = r.severity ?? 'shortfall';
    return { ruleId: r.id, title: r.title, severity, weight: r.weight ?? 1, scored: severity === 'shortfall' };
  });
  const maxPoints = round(targets.reduce((sum, t) => sum + (t.scored ? t.weight : 0), 0));
  // Each target's place among a row's findings; a rule id listed twice reads the same finding twice.
  const slotOfRule = new Map<string, number>();
  targets.forEach((t, i) => slotOfRule.has(t.ruleId) || slotOfRule.set(t.ruleId, i));
  const slots = targets.map((t) => slotOfRule.get(t.ruleId) as number);

  const { groups, found } = groupsOf(sources, slotOfRule, targets.length);
  const nameOrder = nameOrderOf(groups.map((g) => g.unit));
  // Each row's cells, read from the slots when asked for (see ScoreRow).
  const cells = new ScoreCells(found, targets, slots);
  const countsOf = sharedCounts();
  const unranked = groups.map((g, gi): Unranked => {
    let met = 0;
    let shortfall = 0;
    let warning = 0;
    let noData = 0;
    let notReported = 0;
    let points = 0;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      const status = cells.statusOf(gi, i);
      if (status === 'met') met++;
      else if (status === 'shortfall') shortfall++;
      else if (status === 'warning') warning++;
      else if (status === 'no-data') noData++;
      else if (status === 'not-reported') notReported++;
      points += status === 'met' && t.scored ? t.weight : 0;
    }
    return { g, gi, counts: countsOf(met, shortfall, warning, noData, notReported), points: round(points), nameOrder: nameOrder(g.unit) };
  });

  const periods = orderPeriods(unranked.filter((u) => u.g.period !== undefined).map((u) => u.g.period as string));
  const periodIndex = new Map(periods.map((p, i) => [p, i]));
  const byPeriod = new Map<string | undefined, Unranked[]>();
  for (const u of unranked) {
    const list = byPeriod.get(u.g.period);
    if (list) list.push(u);
    else byPeriod.set(u.g.period, [u]);
  }
  // Only a unit reported by several workbooks is also in another: with one workbook there is nothing to look up.
  const alsoIn = new Set(sources.map((s) => s.workbook)).size > 1 ? otherWorkbooks(groups) : () => NOWHERE_ELSE;

  const rows: ScorecardRow[] = [];
  const rowGroups: Group[] = [];
  for (const p of [undefined, ...periods]) {
    const group = (byPeriod.get(p) ?? []).sort((a, b) => b.points - a.points || a.nameOrder - b.nameOrder);
    for (let i = 0; i < group.length; i++) {
      const u = group[i];
      const rank = i > 0 && u.points === group[i - 1].points ? rows[rows.length - 1].rank : i + 1;
      const { workbook, unit, period } = u.g;
      const { counts, points } = u;
      const percent = maxPoints > 0 ? round((points / maxPoints) * 100) : 0;
      const fields = { unit, period, workbook, counts, points, maxPoints, percent, rank, rankedWith: group.length, alsoIn: alsoIn(u.g) };
      rows.push(new ScoreRow(fields, cells, u.gi, u.g.list));
      rowGroups.push(u.g);
    }
  }

  return {
    pack: { id: pack.id, version: pack.version, title: pack.title, basedOn: pack.basedOn ?? [] },
    targets,
    periods,
    rows,
    trends: trendsOf(rows, rowGroups, periodIndex, nameOrder),
    maxPoints,
  };
}

/** A row reported by one workbook only is in no other: one frozen empty list for all of them. */
const NOWHERE_ELSE: ReadonlyArray<string> = Object.freeze([]);

/**
 * Rows' counts, one frozen object for each different five numbers: a national scorecard's tens of
 * thousands of rows come out in a few hundred ways, and an object each was kept until the last
 * output was written.
 */
function sharedCounts(): (met: number, shortfall: number, warning: number, noData: number, notReported: number) => ScoreCounts {
  const known = new Map<string, ScoreCounts>();
  return (met, shortfall, warning, noData, notReported) => {
    const key = `${met} ${shortfall} ${warning} ${noData} ${notReported}`;
    let counts = known.get(key);
    if (!counts) known.set(key, (counts = Object.freeze({ met, shortfall, warning, noData, notReported })));
    return counts;
  };
}

/** The findings of one row of the scorecard, by target. */
interface Group {
  /** Its place in groupsOf's order. */
  readonly index: number;
  readonly workbook: string;
  readonly unit: string;
  readonly period: string | undefined;
  /** The unit and period as compared (see normalSubject); no period is ``. */
  readonly normalUnit: string;
  readonly normalPeriod: string;
  /** The workbook's findings (the group's, by target slot, are in FoundSlots at the group's place). */
  readonly list: FindingList;
  /** The groups of the same workbook and unit, one per period. */
  readonly ofUnit: UnitGroups;
  /** The spelling of the unit and period last looked up for this row. */
  seenUnit: string;
  seenPeriod: string | undefined;
}

interface Unranked {
  readonly g: Group;
  /** The group's place in groupsOf's order (and in FoundSlots and ScoreCells). */
  readonly gi: number;
  readonly counts: ScoreCounts;
  readonly points: number;
  /** The unit's place in alphabetical order (see nameOrderOf). */
  readonly nameOrder: number;
}

/** A unit's groups in one workbook by period (as compared), and its rows once ranked, for its trend. */
interface UnitGroups {
  readonly byPeriod: Map<string, Group>;
  readonly rows: ScorecardRow[];
}

/**
 * One group per (workbook, unit, period), in the order units first appear; within it, each
 * target's worst finding. Looked up by workbook, then unit, then period, each as compared.
 */
function groupsOf(sources: ReadonlyArray<ScorecardSource>, slotOfRule: ReadonlyMap<string, number>, slotCount: number): { groups: Group[]; found: FoundSlots } {
  const groups: Group[] = [];
  const found = new FoundSlots(slotCount);
  const byWorkbook = new Map<string, Map<string, UnitGroups>>();
  for (const src of sources) {
    let byUnit = byWorkbook.get(src.workbook);
    if (!byUnit) byWorkbook.set(src.workbook, (byUnit = new Map()));
    // A unit's findings come one after another (one per target): its group is looked up once, not once per finding.
    let g: Group | undefined;
    const list = src.findings;
    const heads = readHeadsOneAtATime(list);
    for (let i = 0; i < list.length; i++) {
      const f = heads.at(i)!;
      if (!g || f.unit !== g.seenUnit || f.period !== g.seenPeriod) {
        const normalUnit = normalSubject(f.unit);
        const normalPeriod = f.period === undefined ? '' : normalSubject(f.period);
        let ofUnit = byUnit.get(normalUnit);
        if (!ofUnit) byUnit.set(normalUnit, (ofUnit = { byPeriod: new Map(), rows: [] }));
        g = ofUnit.byPeriod.get(normalPeriod);
        if (!g) {
          g = {
            index: groups.length,
            workbook: src.workbook,
            unit: f.unit,
            period: f.period,
            normalUnit,
            normalPeriod,
            list,
            ofUnit,
            seenUnit: f.unit,
            seenPeriod: f.period,
          };
          ofUnit.byPeriod.set(normalPeriod, g);
          groups.push(g);
          found.addGroup();
        }
        g.seenUnit = f.unit;
        g.seenPeriod = f.period;
      }
      const slot = slotOfRule.get(f.ruleId);
      if (slot === undefined) continue;
      // Two findings for one target (a unit in two tables of one workbook): the worse one stands.
      found.keepWorse(g.index, slot, i, f.status);
    }
  }
  return { groups, found };
}

/** The other workbooks that report a group's unit and period. */
function otherWorkbooks(groups: ReadonlyArray<Group>): (g: Group) => string[] {
  const key = (g: Group) => `${g.normalUnit}\u0000${g.normalPeriod}`;
  const workbooks = new Map<string, Set<string>>();
  for (const g of groups) workbooks.set(key(g), (workbooks.get(key(g)) ?? new Set()).add(g.workbook));
  return (g) => [...(workbooks.get(key(g)) as Set<string>)].filter((w) => w !== g.workbook);
}

/** `rowGroups[i]`: the group of `rows[i]`, whose unit's rows (of its workbook) make a trend. */
function trendsOf(
  rows: ReadonlyArray<ScorecardRow>,
  rowGroups: ReadonlyArray<Group>,
  periodIndex: ReadonlyMap<string, number>,
  nameOrder: (unit: string) => number,
): ScorecardTrend[] {
  const lists: ScorecardRow[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.period === undefined) continue;
    const list = rowGroups[i].ofUnit.rows;
    if (list.length === 0) lists.push(list);
    list.push(r);
  }
  const out: ScorecardTrend[] = [];
  for (const list of lists) {
    if (list.length < 2) continue;
    const steps = list
      .sort((a, b) => (periodIndex.get(a.period as string) as number) - (periodIndex.get(b.period as string) as number))
      .map((r) => ({ period: r.period as string, points: r.points, percent: r.percent, rank: r.rank }));
    const [prev, last] = steps.slice(-2);
    const direction: TrendDirection = last.points > prev.points ? 'up' : last.points < prev.points ? 'down' : 'same';
    out.push({ unit: list[0].unit, workbook: list[0].workbook, steps, direction });
  }
  return out.sort((a, b) => nameOrder(a.unit) - nameOrder(b.unit));
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

const FINDING_STATUSES: ReadonlyArray<FindingStatus> = ['met', 'shortfall', 'no-data'];

/**
 * Each group's finding for each target slot, as numbers: its place in the workbook's list (-1:
 * none) and its status. Typed arrays rather than two arrays per group: a national scorecard has
 * tens of thousands of groups, all alive until the scorecard is made.
 */
class FoundSlots {
  private finding = new Int32Array(0);
  private status = new Uint8Array(0);
  private groups = 0;

  constructor(private readonly width: number) {}

  addGroup(): void {
    const n = ++this.groups * this.width;
    if (n > this.finding.length) {
      const finding = new Int32Array(Math.max(n, this.finding.length * 2)).fill(-1);
      finding.set(this.finding);
      this.finding = finding;
      const status = new Uint8Array(finding.length);
      status.set(this.status);
      this.status = status;
    }
  }

  /** Keeps finding `i` for group g's slot unless the one kept is worse (shortfall over no data over met). */
  keepWorse(g: number, slot: number, i: number, status: FindingStatus): void {
    const at = g * this.width + slot;
    if (this.finding[at] >= 0 && severityRank(status) <= severityRank(FINDING_STATUSES[this.status[at]])) return;
    this.finding[at] = i;
    this.status[at] = FINDING_STATUSES.indexOf(status);
  }

  /** The place in its list of the finding kept for group g's slot; -1 when there is none. */
  findingAt(g: number, slot: number): number {
    return this.finding[g * this.width + slot];
  }

  statusAt(g: number, slot: number): FindingStatus {
    return FINDING_STATUSES[this.status[g * this.width + slot]];
  }
}

/** Every row's cells by group and target, worked out from the findings kept in the slots. */
class ScoreCells {
  constructor(
    private readonly found: FoundSlots,
    private readonly targets: ReadonlyArray<ScorecardTarget>,
    /** Each target's slot (a rule id listed twice reads the same finding twice). */
    private readonly slots: ReadonlyArray<number>,
  ) {}

  /** Group g's status for target t: a soft target missed is a warning; no finding, not reported. */
  statusOf(g: number, t: number): ScoreStatus {
    const found = this.found.findingAt(g, this.slots[t]);
    if (found < 0) return 'not-reported';
    const status = this.found.statusAt(g, this.slots[t]);
    return status === 'shortfall' && !this.targets[t].scored ? 'warning' : status;
  }

  /** Group g's cells, in target order, made now. */
  cellsOf(g: number, list: FindingList): ScorecardCell[] {
    const out: ScorecardCell[] = new Array(this.targets.length);
    for (let t = 0; t < this.targets.length; t++) {
      const ruleId = this.targets[t].ruleId;
      const status = this.statusOf(g, t);
      out[t] = status === 'not-reported' ? { ruleId, status } : new FoundCell(ruleId, status, list, this.found.findingAt(g, this.slots[t]));
    }
    return out;
  }
}

/**
 * A scorecard row, its cells made when read (the writers read them once or twice): a national
 * scorecard's rows live until the last output is written, and as objects their cells were a
 * quarter of a million more, copied by the young collector and marked by every full one. `cells`
 * is still an own, enumerable property, in its place among the others: a row spread or
 * stringified has its cells, as a plain one does.
 */
class ScoreRow implements ScorecardRow {
  declare readonly unit: string;
  declare readonly period?: string;
  declare readonly workbook: string;
  declare readonly cells: ScorecardCell[];
  declare readonly counts: ScoreCounts;
  declare readonly points: number;
  declare readonly maxPoints: number;
  declare readonly percent: number;
  declare readonly rank: number;
  declare readonly rankedWith: number;
  declare readonly alsoIn: ReadonlyArray<string>;
  readonly #table: ScoreCells;
  readonly #group: number;
  readonly #list: FindingList;

  constructor(fields: Omit<ScorecardRow, 'cells'>, table: ScoreCells, group: number, list: FindingList) {
    this.#table = table;
    this.#group = group;
    this.#list = list;
    const self = this as unknown as Record<string, unknown>;
    self.unit = fields.unit;
    if (fields.period !== undefined) self.period = fields.period;
    self.workbook = fields.workbook;
    Object.defineProperty(this, 'cells', { get: ScoreRow.cellsOf, enumerable: true, configurable: true });
    self.counts = fields.counts;
    self.points = fields.points;
    self.maxPoints = fields.maxPoints;
    self.percent = fields.percent;
    self.rank = fields.rank;
    self.rankedWith = fields.rankedWith;
    self.alsoIn = fields.alsoIn;
  }

  /** One getter for every row (so every row has the same shape). */
  private static cellsOf(this: ScoreRow): ScorecardCell[] {
    return this.#table.cellsOf(this.#group, this.#list);
  }

  /** The status of the row's cell for target t, without making the cells. */
  statusAt(t: number): ScoreStatus {
    return this.#table.statusOf(this.#group, t);
  }
}

/**
 * A row's cells' rule ids and statuses in order, read without making the cells when buildScorecard
 * made the row (the JSON's lines read every row's statuses and nothing else of its cells).
 */
export function forEachCellStatus(
  row: ScorecardRow,
  targets: ReadonlyArray<ScorecardTarget>,
  each: (ruleId: string, status: ScoreStatus, i: number) => void,
): void {
  if (row instanceof ScoreRow) for (let t = 0; t < targets.length; t++) each(targets[t].ruleId, row.statusAt(t), t);
  else {
    const cells = row.cells;
    for (let i = 0; i < cells.length; i++) each(cells[i].ruleId, cells[i].status, i);
  }
}

function severityRank(status: FindingStatus): number {
  return status === 'shortfall' ? 2 : status === 'no-data' ? 1 : 0;
}

/**
 * A scorecard cell with a finding, which it keeps by its place in the workbook's list and makes
 * when read: a national scorecard has a cell for each of hundreds of thousands of findings.
 */
class FoundCell implements ScorecardCell {
  readonly #list: FindingList;
  readonly #index: number;

  constructor(
    readonly ruleId: string,
    readonly status: ScoreStatus,
    list: FindingList,
    index: number,
  ) {
    this.#list = list;
    this.#index = index;
  }

  get finding(): Finding {
    return this.#list.at(this.#index)!;
  }
}

/**
 * Units in Vietnamese alphabetical order (of their NFC form), as a number to compare: the names are
 * sorted once, not compared again in every period's ranking. Names the collation holds equal share
 * a number, so ties keep their order as a comparison of the names would.
 */
function nameOrderOf(units: ReadonlyArray<string>): (unit: string) => number {
  const collator = new Intl.Collator('vi');
  const nfc = new Map<string, string>();
  for (const u of units) if (!nfc.has(u)) nfc.set(u, u.normalize('NFC'));
  const sorted = [...nfc].sort((a, b) => collator.compare(a[1], b[1]));
  const order = new Map<string, number>();
  sorted.forEach(([unit, name], i) => order.set(unit, i > 0 && collator.compare(sorted[i - 1][1], name) === 0 ? (order.get(sorted[i - 1][0]) as number) : i));
  return (unit) => order.get(unit) as number;
}
