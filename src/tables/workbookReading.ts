import { Binding, Bindings } from '../bindings/binding';
import { columnOfA1, parseA1, toA1 } from '../grid/address';
import { cellText } from '../grid/cell';
import { forEachValue, rowCount, WorkbookGrid } from '../grid/grid';
import { RulePack } from '../packs/rulePack';
import { ColumnRole, IndicatorTable, Observation, SkippedLabel, TableProblem } from './indicatorTable';
import { LabelMatcher } from './labelMatcher';
import { ColumnTableFigures, FigurePlace } from './columnTableFigures';
import { Localized } from '../words/lang';

/**
 * How the reader understood one workbook, for `explain` and the JSON: every table with its header
 * and what each column was taken to be, and for every indicator of the pack where it was read
 * from — or why it was not. Plain data, no wording: the report layer words it in two languages.
 */
export interface WorkbookReading {
  readonly workbook: string;
  readonly tables: TableReading[];
  readonly indicators: IndicatorReading[];
  readonly bindings: ReadonlyArray<Binding>;
}

export interface TableReading {
  readonly sheet: string;
  readonly layout: IndicatorTable['layout'];
  readonly anchor: string;
  readonly tableName?: string;
  readonly units: string[];
  /** Header rows as Excel numbers them (`[6, 7]`). */
  readonly headerRows: number[];
  readonly columns: ReadonlyArray<{ readonly cell: string; readonly text: string; readonly role: ColumnRole; readonly indicator?: string }>;
  readonly skipped: ReadonlyArray<SkippedLabel>;
  readonly problems: ReadonlyArray<TableProblem>;
}

export interface IndicatorSource {
  readonly sheet: string;
  /** The row label's cell (indicators as rows) or the column heading's cell (units as rows). */
  readonly cell: string;
  readonly label: string;
  readonly current: string[];
  readonly baseline: string[];
  readonly bound: boolean;
}

export interface IndicatorReading {
  readonly id: string;
  readonly label: Localized;
  /** `found` once; `duplicate` when the same unit and period has several figures; `ambiguous` when labels matched it and another equally; `not-found`. */
  readonly outcome: 'found' | 'duplicate' | 'ambiguous' | 'not-found';
  readonly sources: IndicatorSource[];
  /** Labels that tied with another indicator (`ambiguous`). */
  readonly ambiguousAt: ReadonlyArray<{ readonly sheet: string; readonly cell: string; readonly candidates: string[] }>;
  /** For `not-found`: the workbook's texts closest to the indicator's words, to copy into the pack as a synonym. */
  readonly nearest: ReadonlyArray<{ readonly sheet: string; readonly cell: string; readonly text: string }>;
}

/** A few examples of a long column are enough to follow it (a national table has thousands of rows). */
const CELLS_SHOWN = 6;

export function readingOf(workbook: string, grid: WorkbookGrid, tables: ReadonlyArray<IndicatorTable>, pack: RulePack, bindings: Bindings): WorkbookReading {
  const matcher = new LabelMatcher(pack);
  const tableReadings: TableReading[] = tables.map((t) => ({
    sheet: t.sheet,
    layout: t.layout,
    anchor: t.anchor,
    ...(t.tableName ? { tableName: t.tableName } : {}),
    units: t.units,
    headerRows: (t.header?.rows ?? [parseA1(t.anchor).row]).map((r) => r + 1),
    columns: t.header?.columns ?? [],
    skipped: t.skipped ?? [],
    problems: t.problems,
  }));
  const wanted = Object.entries(pack.indicators).filter(([, ind]) => !ind.catalogueOnly);
  const figures = figuresOf(
    tables,
    wanted.map(([id]) => id),
    bindings,
  );
  const indicators = wanted.map(([id, ind]): IndicatorReading => {
    const f = figures.get(id) as IndicatorFigures;
    const sources = [...f.sources.values()];
    const ambiguousAt = tables.flatMap((t) =>
      t.problems.filter((p) => p.detail.split(', ').includes(id)).map((p) => ({ sheet: p.sheet, cell: p.cell, candidates: p.detail.split(', ') })),
    );
    const outcome = sources.length === 0 ? (ambiguousAt.length ? 'ambiguous' : 'not-found') : f.duplicate ? 'duplicate' : 'found';
    return { id, label: ind.label, outcome, sources, ambiguousAt, nearest: outcome === 'not-found' ? nearestTexts(grid, matcher, pack, id) : [] };
  });
  return { workbook, tables: tableReadings, indicators, bindings: bindings.list };
}

type MutableSource = { sheet: string; cell: string; label: string; current: string[]; baseline: string[]; bound: boolean };

/**
 * What one indicator's figures say, gathered in table and reading order: where they were read (by
 * the cell naming them) and whether a unit (and its own period) has two figures for one period.
 */
class IndicatorFigures {
  readonly sources = new Map<string, MutableSource>();
  duplicate = false;
  /** By subject (see Subjects): the periods seen, 1 current, 2 baseline. */
  private seen = new Uint8Array(1024);

  constructor(readonly id: string) {}

  count(subject: number, period: Observation['period']): void {
    if (subject >= this.seen.length) {
      const more = new Uint8Array(Math.max(this.seen.length * 2, subject + 1));
      more.set(this.seen);
      this.seen = more;
    }
    const bit = period === 'current' ? 1 : 2;
    if (this.seen[subject] & bit) this.duplicate = true;
    else this.seen[subject] |= bit;
  }
}

/**
 * A number for each unit and its own period, shared by all indicators: no key string per figure, and
 * the figures of one row, which come one after the other, are looked up once.
 */
class Subjects {
  private readonly ids = new Map<string, Map<string, number>>();
  private next = 0;
  private unit = '';
  private own = '';
  private last = -1;

  of(o: Pick<Observation, 'unit' | 'subjectPeriod'>): number {
    const own = o.subjectPeriod ?? '';
    if (this.last >= 0 && o.unit === this.unit && own === this.own) return this.last;
    let byOwn = this.ids.get(o.unit);
    if (!byOwn) this.ids.set(o.unit, (byOwn = new Map()));
    let id = byOwn.get(own);
    if (id === undefined) byOwn.set(own, (id = this.next++));
    this.unit = o.unit;
    this.own = own;
    return (this.last = id);
  }
}

/**
 * A units-as-rows table's column: the heading cell naming its figures. Apart from the visit that
 * calls it: a function with a closure over its own variables makes a context on every call, and
 * visit runs once per figure (a national table has a million and a half).
 */
function columnNamingCell(t: IndicatorTable, col: number, sheet: string): NamingCell {
  const c = t.header?.columns.find((h) => parseA1(h.cell).col === col)?.cell ?? toA1(parseA1(t.anchor).row, col);
  return { cell: c, key: `${sheet}!${c}` };
}

/** The cell naming a figure (a column's heading, or a row's label) and its key among an indicator's sources. */
interface NamingCell {
  readonly cell: string;
  readonly key: string;
  /** The source it was last found for, and whose: a column's figures are all one indicator's. */
  figures?: IndicatorFigures;
  source?: MutableSource;
}

/**
 * Every wanted indicator's figures, in one pass over the tables' observations (a national table has
 * a million and a half): no list of them per indicator, and each column's heading found once.
 */
function figuresOf(tables: ReadonlyArray<IndicatorTable>, ids: ReadonlyArray<string>, bindings: Bindings): Map<string, IndicatorFigures> {
  const out = new Map(ids.map((id) => [id, new IndicatorFigures(id)]));
  const subjects = new Subjects();
  // A column's current and baseline figures of an indicator are usually side by side.
  let lastIndicator: string | undefined;
  let lastFigures: IndicatorFigures | undefined;
  for (const t of tables) {
    // Units as rows: each column's heading names the indicator, looked up once per column.
    const columns = new Map<number, NamingCell>();
    let labelCol: number | undefined;
    const visit = (o: FigurePlace) => {
      const indicator = o.indicator;
      const figures = indicator === lastIndicator ? lastFigures : out.get(indicator);
      lastIndicator = indicator;
      lastFigures = figures;
      if (!figures) return;
      let named: NamingCell | undefined;
      if (t.layout === 'C') {
        const col = o.col ?? columnOfA1(o.cell);
        named = columns.get(col);
        if (named === undefined) columns.set(col, (named = columnNamingCell(t, col, o.sheet)));
      } else {
        // Indicators as rows: the row's label.
        labelCol ??= parseA1(t.anchor).col;
        const cell = toA1(parseA1(o.cell).row, labelCol);
        named = { cell, key: `${o.sheet}!${cell}` };
      }
      let s = named.figures === figures ? named.source : undefined;
      if (!s) {
        s = figures.sources.get(named.key);
        if (!s) {
          s = { sheet: o.sheet, cell: named.cell, label: o.label, current: [], baseline: [], bound: bindings.indicatorFor(o.sheet, o.label) === figures.id };
          figures.sources.set(named.key, s);
        }
        named.figures = figures;
        named.source = s;
      }
      const cells = s[o.period];
      if (cells.length < CELLS_SHOWN) cells.push(o.cell);
      if (!figures.duplicate) figures.count(subjects.of(o), o.period);
    };
    // A layout C table's figures are not made to be read here: only their places are.
    if (t.observations instanceof ColumnTableFigures) t.observations.forEachPlace(visit);
    else for (const o of t.observations) visit(o);
  }
  return out;
}

/** Texts sharing most of the indicator's words (abbreviations expanded), best first. */
function nearestTexts(grid: WorkbookGrid, matcher: LabelMatcher, pack: RulePack, id: string): IndicatorReading['nearest'] {
  const patterns = pack.indicators[id].match.map((p) => (typeof p === 'string' ? p : p.text).replace(/\*/g, ' ')).map((p) => new Set(matcher.words(p)));
  const scored: Array<{ sheet: string; cell: string; text: string; score: number }> = [];
  for (const s of grid.sheets) {
    let looked = 0;
    for (let r = 0; r < rowCount(s) && looked < 20_000; r++) {
      forEachValue(s, r, (col, value) => {
        const text = cellText(value);
        if (text.length < 3 || text.length > 150 || /^[\d\s.,%-]+$/.test(text)) return;
        looked++;
        const words = new Set(matcher.words(text));
        let score = 0;
        for (const p of patterns) {
          let hit = 0;
          for (const w of p) if (words.has(w)) hit++;
          // Two shared words at least: `án` alone is also the last word of every `Công an`.
          if (hit >= Math.min(2, p.size)) score = Math.max(score, hit / p.size);
        }
        if (score >= 0.5) scored.push({ sheet: s.name, cell: toA1(r, col), text, score });
      });
    }
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map(({ sheet, cell, text }) => ({ sheet, cell, text }));
}
