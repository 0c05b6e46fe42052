import { Binding, Bindings } from '../bindings/binding';
import { columnOfA1, parseA1, toA1 } from '../grid/address';
import { cellText } from '../grid/cell';
import { WorkbookGrid } from '../grid/grid';
import { RulePack } from '../packs/rulePack';
import { ColumnRole, IndicatorTable, Observation, SkippedLabel, TableProblem } from './indicatorTable';
import { LabelMatcher } from './labelMatcher';
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
  const observations = observationsByIndicator(tables);
  const indicators = Object.entries(pack.indicators)
    .filter(([, ind]) => !ind.catalogueOnly)
    .map(([id, ind]): IndicatorReading => {
      const sources = sourcesOf(observations, id, bindings);
      const ambiguousAt = tables.flatMap((t) =>
        t.problems.filter((p) => p.detail.split(', ').includes(id)).map((p) => ({ sheet: p.sheet, cell: p.cell, candidates: p.detail.split(', ') })),
      );
      const outcome = sources.length === 0 ? (ambiguousAt.length ? 'ambiguous' : 'not-found') : isDuplicate(observations, id) ? 'duplicate' : 'found';
      return { id, label: ind.label, outcome, sources, ambiguousAt, nearest: outcome === 'not-found' ? nearestTexts(grid, matcher, pack, id) : [] };
    });
  return { workbook, tables: tableReadings, indicators, bindings: bindings.list };
}

/**
 * Each indicator's observations with their tables, in table and reading order: looked up once, not
 * once per indicator. Two parallel lists, not an object per figure (a national table has a million).
 */
type ObservationsOf = ReadonlyMap<string, { readonly tables: IndicatorTable[]; readonly obs: Observation[] }>;

function observationsByIndicator(tables: ReadonlyArray<IndicatorTable>): ObservationsOf {
  const out = new Map<string, { tables: IndicatorTable[]; obs: Observation[] }>();
  for (const table of tables) {
    for (const o of table.observations) {
      let list = out.get(o.indicator);
      if (!list) out.set(o.indicator, (list = { tables: [], obs: [] }));
      list.tables.push(table);
      list.obs.push(o);
    }
  }
  return out;
}

function sourcesOf(observations: ObservationsOf, id: string, bindings: Bindings): IndicatorSource[] {
  const out = new Map<string, { sheet: string; cell: string; label: string; current: string[]; baseline: string[]; bound: boolean }>();
  // Per table, the cell naming each column (units as rows) and its key, or the label column (indicators as rows).
  const cellOfColumn = new Map<IndicatorTable, Map<number, { cell: string; key: string }>>();
  const labelColumn = new Map<IndicatorTable, number>();
  const list = observations.get(id);
  if (!list) return [];
  for (let i = 0; i < list.obs.length; i++) {
    const t = list.tables[i];
    const o = list.obs[i];
    let cell: string;
    let key: string;
    if (t.layout === 'C') {
      let cells = cellOfColumn.get(t);
      if (!cells) cellOfColumn.set(t, (cells = new Map()));
      const col = columnOfA1(o.cell);
      let named = cells.get(col);
      // Units as rows: the column's heading names the indicator.
      if (named === undefined) {
        const c = t.header?.columns.find((h) => parseA1(h.cell).col === col)?.cell ?? toA1(parseA1(t.anchor).row, col);
        cells.set(col, (named = { cell: c, key: `${o.sheet}!${c}` }));
      }
      cell = named.cell;
      key = named.key;
    } else {
      // Indicators as rows: the row's label.
      let labelCol = labelColumn.get(t);
      if (labelCol === undefined) labelColumn.set(t, (labelCol = parseA1(t.anchor).col));
      cell = toA1(parseA1(o.cell).row, labelCol);
      key = `${o.sheet}!${cell}`;
    }
    let s = out.get(key);
    if (!s) out.set(key, (s = { sheet: o.sheet, cell, label: o.label, current: [], baseline: [], bound: bindings.indicatorFor(o.sheet, o.label) === id }));
    const cells = s[o.period];
    if (cells.length < CELLS_SHOWN) cells.push(o.cell);
  }
  return [...out.values()];
}

/** Whether a unit (and its own period) has two figures for one period of the indicator. */
function isDuplicate(observations: ObservationsOf, id: string): boolean {
  // Unit → its own period → the periods seen (1 current, 2 baseline): no key string per figure.
  const seen = new Map<string, Map<string, number>>();
  for (const o of observations.get(id)?.obs ?? []) {
    let periods = seen.get(o.unit);
    if (!periods) seen.set(o.unit, (periods = new Map()));
    const own = o.subjectPeriod ?? '';
    const bit = o.period === 'current' ? 1 : 2;
    const had = periods.get(own) ?? 0;
    if (had & bit) return true;
    periods.set(own, had | bit);
  }
  return false;
}

/** Texts sharing most of the indicator's words (abbreviations expanded), best first. */
function nearestTexts(grid: WorkbookGrid, matcher: LabelMatcher, pack: RulePack, id: string): IndicatorReading['nearest'] {
  const patterns = pack.indicators[id].match.map((p) => (typeof p === 'string' ? p : p.text).replace(/\*/g, ' ')).map((p) => new Set(matcher.words(p)));
  const scored: Array<{ sheet: string; cell: string; text: string; score: number }> = [];
  for (const s of grid.sheets) {
    let looked = 0;
    for (let r = 0; r < s.rows.length && looked < 20_000; r++) {
      const row = s.rows[r];
      if (!row) continue;
      for (const k of Object.keys(row)) {
        const text = cellText(row[Number(k)]);
        if (text.length < 3 || text.length > 150 || /^[\d\s.,%-]+$/.test(text)) continue;
        looked++;
        const words = new Set(matcher.words(text));
        let score = 0;
        for (const p of patterns) {
          let hit = 0;
          for (const w of p) if (words.has(w)) hit++;
          // Two shared words at least: `án` alone is also the last word of every `Công an`.
          if (hit >= Math.min(2, p.size)) score = Math.max(score, hit / p.size);
        }
        if (score >= 0.5) scored.push({ sheet: s.name, cell: toA1(r, Number(k)), text, score });
      }
    }
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map(({ sheet, cell, text }) => ({ sheet, cell, text }));
}
