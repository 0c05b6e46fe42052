import { columnName, SHEET_COLUMNS, USUAL_A1_ROWS, usualA1 } from '../grid/address';
import { Severity } from '../packs/rulePack';
import { Localized } from '../words/lang';
import { Finding, FindingInput, FindingList, FindingStatus, NoDataReason } from './finding';
import { LazyMessageFinding, MessageRenderer } from './lazyMessageFinding';
import { PledgedInWorkbook } from './pledgedTarget';
import { PeriodRole } from '../tables/periods';
import { ints, numbers } from '../compact/growingRows';
import { Interned } from '../compact/interned';
import { FigureInput } from './figureInput';

/** What every finding of one rule shares. */
export interface RuleOfFindings {
  readonly render: MessageRenderer;
  readonly ruleId: string;
  readonly title: Localized;
  readonly severity: Severity;
}

/** What a finding was compared as: the fact, its operator, and what the fact's label and unit are. */
export interface ComparedAs {
  readonly fact: string;
  readonly operator: string | null;
  readonly factLabel: Localized;
  readonly factUnit: string;
}

/** One finding as the evaluator hands it over (its inputs are read, not kept). */
export interface FindingFields {
  readonly rule: RuleOfFindings;
  readonly unit: string;
  readonly period: string | undefined;
  readonly status: FindingStatus;
  readonly sheet: string;
  readonly cell: string;
  readonly inputs: ReadonlyArray<FindingInput>;
  readonly actual: number | null;
  readonly target: number | null;
  readonly gap: number | null;
  readonly comparedAs: ComparedAs;
  readonly noData: NoDataReason | undefined;
  readonly pledgedInWorkbook: PledgedInWorkbook | undefined;
}

const STATUSES: ReadonlyArray<FindingStatus> = ['met', 'shortfall', 'no-data'];
const PERIOD_ROLES: ReadonlyArray<PeriodRole> = ['current', 'baseline'];

/**
 * A workbook's findings kept as columns of numbers, each made into a Finding when read (`at`),
 * equal to the one the evaluator described; the last one read is kept, so reading it again at once
 * gives the same object.
 *
 * A national check has some 280,000 findings with 520,000 inputs: kept as objects from the
 * evaluation until the last output is written, they were about eight objects each, some two
 * million the collector marked again at every full collection and copied through the young
 * generation as they were made (about half of what garbage collection cost a national run).
 * Here they are a few typed arrays, texts once each in small tables, and the rare fields (a no-data
 * reason, a plan cell) in maps; outputs read one finding at a time and let it go.
 */
export class CompactFindings implements FindingList {
  private count = 0;
  private inputCount = 0;
  private readonly rules = new Interned<RuleOfFindings>();
  private readonly compared = new Interned<ComparedAs>();
  private readonly texts = new Interned<string>();
  private readonly cells = new CellTexts();
  /** Subjects (unit and period) in order; a finding names the one it is of. */
  private readonly units: string[] = [];
  private readonly periods: Array<string | undefined> = [];
  /** Per finding, F_WIDTH integers (see the F_ offsets). */
  private readonly ints = ints(F_WIDTH);
  /** Per finding: actual, target, gap (those that are null are flagged in F_FLAGS). */
  private readonly numbers = numbers(3);
  /** Per input, I_WIDTH integers (see the I_ offsets). */
  private readonly inputInts = ints(I_WIDTH);
  /** Per input: the number read (flagged in I_FLAGS when null). */
  private readonly inputValues = numbers(1);
  // The rare fields, by finding or by input.
  private readonly noData = new Map<number, NoDataReason>();
  private readonly pledged = new Map<number, PledgedInWorkbook>();
  private readonly shown = new Map<number, string>();
  private readonly inputPledged = new Map<number, NonNullable<FindingInput['pledged']>>();

  get length(): number {
    return this.count;
  }

  add(f: FindingFields): void {
    const i = this.count++;
    const last = this.units.length - 1;
    if (last < 0 || this.units[last] !== f.unit || this.periods[last] !== f.period) {
      this.units.push(f.unit);
      this.periods.push(f.period);
    }
    const o = this.ints.addRow();
    const d = this.ints.data;
    d[o + F_RULE] = this.rules.of(f.rule);
    d[o + F_SUBJECT] = this.units.length - 1;
    d[o + F_STATUS] = STATUSES.indexOf(f.status);
    d[o + F_SHEET] = this.texts.of(f.sheet);
    d[o + F_CELL] = this.cells.of(f.cell);
    d[o + F_CELL_COL] = this.cells.col;
    d[o + F_COMPARED] = this.compared.of(f.comparedAs);
    d[o + F_INPUTS] = this.inputCount;
    d[o + F_INPUT_COUNT] = f.inputs.length;
    d[o + F_FLAGS] = (f.actual === null ? 1 : 0) | (f.target === null ? 2 : 0) | (f.gap === null ? 4 : 0) | (f.noData ? 8 : 0) | (f.pledgedInWorkbook ? 16 : 0);
    const n = this.numbers.addRow();
    this.numbers.data[n] = f.actual ?? 0;
    this.numbers.data[n + 1] = f.target ?? 0;
    this.numbers.data[n + 2] = f.gap ?? 0;
    if (f.noData) this.noData.set(i, f.noData);
    if (f.pledgedInWorkbook) this.pledged.set(i, f.pledgedInWorkbook);
    for (const x of f.inputs) this.addInput(x);
  }

  private addInput(x: FindingInput): void {
    const k = this.inputCount++;
    // The text shown is kept only when it is not the number written (`chưa thống kê`, `#DIV/0!`, ``).
    const figure = x instanceof FigureInput ? x : undefined;
    const plainShown = figure ? figure.shownIsValue : x.value !== null && x.shown === String(x.value);
    if (!plainShown) this.shown.set(k, x.shown);
    if (x.pledged) this.inputPledged.set(k, x.pledged);
    const o = this.inputInts.addRow();
    const d = this.inputInts.data;
    d[o + I_INDICATOR] = this.texts.of(x.indicator);
    d[o + I_PERIOD] = PERIOD_ROLES.indexOf(x.period);
    d[o + I_SHEET] = this.texts.of(x.sheet);
    d[o + I_CELL] = figure ? this.cells.ofPlace(figure.row, figure.col, figure) : this.cells.of(x.cell);
    d[o + I_CELL_COL] = this.cells.col;
    d[o + I_FLAGS] = (plainShown ? 1 : 0) | (x.value === null ? 2 : 0) | (x.pledged ? 4 : 0);
    const v = this.inputValues.addRow(); // before `data`: adding a row may replace it
    this.inputValues.data[v] = x.value ?? 0;
  }

  /** The status of finding i, without making it. */
  statusAt(i: number): FindingStatus {
    return STATUSES[this.ints.data[i * F_WIDTH + F_STATUS]];
  }

  /** The severity of finding i's rule, without making it. */
  severityAt(i: number): Severity {
    return this.rules.at(this.ints.data[i * F_WIDTH + F_RULE]).severity;
  }

  /** Finding i's head written over `into` (see readHeadsOneAtATime). */
  headInto(i: number, into: ReusedHead): FindingHead {
    const o = i * F_WIDTH;
    this.writeHead(i, into);
    into.place(this.cells, this.ints.data[o + F_CELL], this.ints.data[o + F_CELL_COL]);
    return into;
  }

  /** What finding i is of and how it came out, up to its sheet, written in the order findings have these fields. */
  private writeHead(i: number, f: WritableHead): void {
    const d = this.ints.data;
    const o = i * F_WIDTH;
    const { ruleId, title, severity } = this.rules.at(d[o + F_RULE]);
    f.ruleId = ruleId;
    f.title = title;
    f.severity = severity;
    f.unit = this.units[d[o + F_SUBJECT]];
    f.period = this.periods[d[o + F_SUBJECT]];
    f.status = STATUSES[d[o + F_STATUS]];
    f.sheet = this.texts.at(d[o + F_SHEET]);
  }

  at(index: number): Finding | undefined {
    const i = index < 0 ? index + this.count : index;
    if (!(i >= 0 && i < this.count)) return undefined;
    // The same finding read again at once (a findings sheet's row: its cells, then its link) is made once.
    if (i === this.lastRead) return this.lastFinding;
    this.lastFinding = this.make(i);
    this.lastRead = i;
    return this.lastFinding;
  }

  private lastRead = -1;
  private lastFinding: Finding | undefined;

  private make(i: number): Finding {
    const o = i * F_WIDTH;
    // Made by `new` and written field by field, not as a literal with `__proto__`, which V8 makes
    // through a runtime call (most of what reading a finding cost).
    const f = new LazyMessageFinding(this.rules.at(this.ints.data[o + F_RULE]).render) as unknown as WritableFinding;
    const pledged = this.fill(i, f, this.inputsOf(this.ints.data[o + F_INPUTS], this.ints.data[o + F_INPUT_COUNT]));
    // A finding without a workbook target has no such field at all.
    if (pledged !== undefined) f.pledgedInWorkbook = pledged;
    return f;
  }

  /** Finding i written over `into`, its inputs too: see readOneAtATime. */
  readInto(i: number, into: ReusedFinding): Finding {
    const o = i * F_WIDTH;
    into.renderWith(this.rules.at(this.ints.data[o + F_RULE]).render);
    const f = into as unknown as WritableFinding;
    f.pledgedInWorkbook = this.fill(i, f, this.inputsInto(this.ints.data[o + F_INPUTS], this.ints.data[o + F_INPUT_COUNT], into));
    return into;
  }

  /**
   * Writes finding i's fields into `f` in the order findings always had (their keys come in that
   * order), except its workbook target, which it gives back.
   */
  private fill(i: number, f: WritableFinding, inputs: FindingInput[]): PledgedInWorkbook | undefined {
    const d = this.ints.data;
    const o = i * F_WIDTH;
    const { fact, operator, factLabel, factUnit } = this.compared.at(d[o + F_COMPARED]);
    const flags = d[o + F_FLAGS];
    const x = this.numbers.data;
    this.writeHead(i, f);
    f.cell = this.cells.at(d[o + F_CELL], d[o + F_CELL_COL]);
    f.inputs = inputs;
    f.actual = flags & 1 ? null : x[i * 3];
    f.target = flags & 2 ? null : x[i * 3 + 1];
    f.operator = operator;
    f.gap = flags & 4 ? null : x[i * 3 + 2];
    f.fact = fact;
    f.factLabel = factLabel;
    f.factUnit = factUnit;
    f.noData = flags & 8 ? this.noData.get(i) : undefined;
    return flags & 16 ? this.pledged.get(i) : undefined;
  }

  private inputsOf(from: number, n: number): FindingInput[] {
    const out: FindingInput[] = new Array(n);
    const d = this.inputInts.data;
    for (let j = 0; j < n; j++) {
      const k = from + j;
      const o = k * I_WIDTH;
      const flags = d[o + I_FLAGS];
      const value = flags & 2 ? null : this.inputValues.data[k];
      const input = {
        indicator: this.texts.at(d[o + I_INDICATOR]),
        period: PERIOD_ROLES[d[o + I_PERIOD]],
        sheet: this.texts.at(d[o + I_SHEET]),
        cell: this.cells.at(d[o + I_CELL], d[o + I_CELL_COL]),
        value,
        shown: flags & 1 ? String(value) : (this.shown.get(k) as string),
      };
      const pledged = flags & 4 ? this.inputPledged.get(k) : undefined;
      out[j] = pledged ? { ...input, pledged } : input;
    }
    return out;
  }

  /** Inputs from..from+n written over `into`'s kept input objects, into its inputs array. */
  private inputsInto(from: number, n: number, into: ReusedFinding): FindingInput[] {
    const { kept } = into;
    while (kept.length < n) kept.push({ indicator: '', period: 'current', sheet: '', cell: '', value: null, shown: '', pledged: undefined });
    const inputList = into.inputListOf(n);
    const d = this.inputInts.data;
    for (let j = 0; j < n; j++) {
      const k = from + j;
      const o = k * I_WIDTH;
      const flags = d[o + I_FLAGS];
      const input = kept[j];
      input.indicator = this.texts.at(d[o + I_INDICATOR]);
      input.period = PERIOD_ROLES[d[o + I_PERIOD]];
      input.sheet = this.texts.at(d[o + I_SHEET]);
      input.cell = this.cells.at(d[o + I_CELL], d[o + I_CELL_COL]);
      input.value = flags & 2 ? null : this.inputValues.data[k];
      input.shown = flags & 1 ? String(input.value) : (this.shown.get(k) as string);
      input.pledged = flags & 4 ? this.inputPledged.get(k) : undefined;
      inputList[j] = input;
    }
    return inputList;
  }

  *[Symbol.iterator](): Iterator<Finding> {
    for (let i = 0; i < this.count; i++) yield this.at(i) as Finding;
  }
}

/** The severity of a list's finding i (its rule's), without making the finding when the list is compact. */
export function severityAt(list: FindingList, i: number): Severity {
  return list instanceof CompactFindings ? list.severityAt(i) : list.at(i)!.severity;
}

type WritableFinding = { -readonly [K in keyof Finding]: Finding[K] };
type WritableInput = { -readonly [K in keyof FindingInput]: FindingInput[K] };
type WritableHead = Pick<WritableFinding, 'ruleId' | 'title' | 'severity' | 'unit' | 'period' | 'status' | 'sheet'>;

/** One finding object written over for each finding a reader reads in turn (see readOneAtATime). */
export class ReusedFinding extends LazyMessageFinding {
  /** The input objects written over. */
  readonly kept: WritableInput[] = [];
  /**
   * An array of `n` inputs, one kept for each length: findings have two, three or four inputs in
   * turn, and setting an array's length each time was a call into the runtime per finding read.
   */
  inputListOf(n: number): FindingInput[] {
    return (this.inputLists[n] ??= new Array<FindingInput>(n));
  }

  private readonly inputLists: FindingInput[][] = [];

  constructor() {
    super(() => '');
  }

  renderWith(render: MessageRenderer): void {
    this.render = render;
  }
}

/**
 * A list's findings for a writer that is done with each before it reads the next (the JSON's
 * lines, the inputs digest, a highlight plan's rows): a compact list gives one finding written over each time, equal field for field to the
 * one `at` makes, message included, so writing a national check's 280,000 findings makes no object
 * per finding or input; an array gives its own findings.
 */
export function readOneAtATime(list: FindingList): { at(index: number): Finding | undefined } {
  if (!(list instanceof CompactFindings)) return list;
  const into = new ReusedFinding();
  // The same finding asked again (a row's cells made one by one) is the one already written.
  let last = -1;
  return {
    at: (i) => {
      if (i === last) return into;
      if (i < 0 || i >= list.length) return undefined;
      last = i;
      return list.readInto(i, into);
    },
  };
}

/** The status of a list's finding i, without making the finding when the list is compact. */
export function statusAt(list: FindingList, i: number): FindingStatus {
  return list instanceof CompactFindings ? list.statusAt(i) : list.at(i)!.status;
}

/**
 * What a finding is of and how it came out: what counting and grouping findings read (the
 * console's summary, the scorecard), a small object when the list is compact.
 */
export type FindingHead = Pick<Finding, 'ruleId' | 'title' | 'severity' | 'unit' | 'period' | 'status' | 'sheet' | 'cell'>;

/**
 * A list's findings as FindingHeads for a reader that is done with each before it reads the next
 * (the console's summary, the scorecard's grouping): a compact list gives one head written over
 * each time, its cell spelled only if read; an array gives its own findings.
 */
export function readHeadsOneAtATime(list: FindingList): { at(index: number): FindingHead | undefined } {
  if (!(list instanceof CompactFindings)) return list;
  const into = new ReusedHead();
  return { at: (i) => (i >= 0 && i < list.length ? list.headInto(i, into) : undefined) };
}

/** One head written over for each finding read in turn (see readHeadsOneAtATime). */
class ReusedHead implements FindingHead {
  ruleId = '';
  title: Localized = { vi: '', en: '' };
  severity: Severity = 'shortfall';
  unit = '';
  period: string | undefined = undefined;
  status: FindingStatus = 'met';
  sheet = '';
  private cells: CellTexts | undefined;
  private row = 0;
  private col = 0;

  place(cells: CellTexts, row: number, col: number): void {
    this.cells = cells;
    this.row = row;
    this.col = col;
  }

  get cell(): string {
    return this.cells ? this.cells.at(this.row, this.col) : '';
  }
}

// A finding's integers.
const F_RULE = 0;
const F_SUBJECT = 1;
const F_STATUS = 2;
const F_SHEET = 3;
const F_CELL = 4;
const F_CELL_COL = 5;
const F_COMPARED = 6;
const F_INPUTS = 7;
const F_INPUT_COUNT = 8;
/** Bits 1, 2, 4: actual, target, gap is null; 8: it has a no-data reason; 16: a workbook target. */
const F_FLAGS = 9;
const F_WIDTH = 10;

// An input's integers.
const I_INDICATOR = 0;
const I_PERIOD = 1;
const I_SHEET = 2;
const I_CELL = 3;
const I_CELL_COL = 4;
/** Bit 1: the text shown is the number written; 2: the number is null; 4: it has a plan cell. */
const I_FLAGS = 5;
const I_WIDTH = 6;

/**
 * A cell's A1 text as two numbers, its row and (in `col`, after `of`) its column, made back into
 * the same text when read. A text that is not an address written the usual way (upper-case
 * letters, no leading zero: none a table gives) is kept as it is, under a negative row.
 */
class CellTexts {
  /** The column of the last text given to `of`. */
  col = 0;
  private readonly other = new Interned<string>();

  of(text: string): number {
    const place = usualA1(text);
    if (place >= 0) {
      this.col = place % SHEET_COLUMNS;
      return (place - this.col) / SHEET_COLUMNS;
    }
    this.col = 0;
    return -1 - this.other.of(text);
  }

  /** As `of(input.cell)` for a cell at zero-based `row` and `col`, without its text when the place is one `of` would keep as numbers. */
  ofPlace(row: number, col: number, input: FindingInput): number {
    if (row < 0 || row >= USUAL_A1_ROWS || col < 0 || col >= SHEET_COLUMNS) return this.of(input.cell);
    this.col = col;
    return row;
  }

  at(row: number, col: number): string {
    if (row < 0) return this.other.at(-1 - row);
    // A table's findings are in a few dozen columns: each column's letters are made once.
    const letters = (this.letters[col] ??= columnName(col));
    return `${letters}${row + 1}`;
  }

  private readonly letters: string[] = [];
}
