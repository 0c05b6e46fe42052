import { Binding, Bindings } from '../../src/bindings/binding';
import { BindingsFormatError } from '../../src/bindings/bindingsXml';
import { readPackageBindings } from '../../src/bindings/workbookBindings';
import { PackEvaluator } from '../../src/evaluate/evaluatePack';
import { Finding } from '../../src/evaluate/finding';
import { WorkbookGrid } from '../../src/grid/grid';
import { RulePack } from '../../src/packs/rulePack';
import { highlightPlanFor } from '../../src/report/highlightPlan';
import { findIndicatorTables } from '../../src/tables/findIndicatorTables';
import { LabelMatcher } from '../../src/tables/labelMatcher';
import { openPackage, WorkbookFormatError } from '../../src/xlsx/package';
import { readPackage } from '../../src/xlsx/read/readWorkbook';
import { writeHighlightedCopy } from '../../src/xlsx/write/writeHighlightedCopy';
import { CheckStep, toWire, WireFinding, WireProblem } from './checkProtocol';
import { PackedSheet, packSheet } from './packedSheet';
import { percentCells } from './percentCells';
import { subjectBatches } from './subjectBatches';
import { Lang, Localized } from '../../src/words/lang';

/** What the page needs before any finding: how many tables and subjects there are. */
export interface SessionStart {
  readonly tables: number;
  readonly subjects: number;
}

/** The sheets to draw, packed (see PackedSheet): sent after the first findings. */
export interface SessionSheet {
  readonly sheets: ReadonlyArray<PackedSheet>;
  readonly percentCells: Array<[string, number]>;
  /** Why the bindings part stored in the file could not be used (plain text: it crosses from the worker). */
  readonly bindingsUnreadable?: Localized;
}

export interface SessionProgress {
  /** Called once the tables are found, before the first batch. */
  start(s: SessionStart): void;
  sheet(s: SessionSheet): void;
  /** Each batch of findings, in order; `done` subjects evaluated so far. */
  batch(findings: WireFinding[], done: number): void;
  step(step: CheckStep): void;
}

/**
 * One workbook in the preview: its bytes, its grid once read, the last check's findings. The same
 * code runs in the check worker (the page stays responsive) and, where there are no workers
 * (jsdom in tests), on the page itself.
 */
export class CheckSession {
  private bytes?: Uint8Array;
  private grid?: WorkbookGrid;
  /** The grid as the page draws it, packed once per workbook. */
  private packed?: PackedSheet[];
  private percent?: Array<[string, number]>;
  /** The bindings stored in the file (the add-in's "point to the figure"), honoured as the CLI honours them. */
  private bindings: Binding[] = [];
  private bindingsUnreadable?: Localized;
  private findings: Finding[] = [];

  load(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.grid = undefined;
    this.packed = undefined;
    this.percent = undefined;
    this.bindings = [];
    this.bindingsUnreadable = undefined;
    this.findings = [];
  }

  /** Reads (once), finds the tables, then evaluates batch after batch, handing each over as it is done. */
  async check(pack: RulePack, progress: SessionProgress): Promise<void> {
    if (!this.bytes) throw new Error('no workbook loaded');
    progress.step('file');
    if (!this.grid || !this.percent) {
      const pkg = openPackage(this.bytes);
      this.grid = readPackage(pkg);
      this.percent = percentCells(pkg);
      this.readBindings(pkg);
    }
    const grid = this.grid;
    progress.step('tables');
    const tables = findIndicatorTables(grid, new LabelMatcher(pack), new Bindings(this.bindings));
    const batches = subjectBatches(tables);
    let subjects = 0;
    for (const b of batches) subjects += b.subjects;
    progress.start({ tables: tables.length, subjects });
    const unreadable = this.bindingsUnreadable ? { bindingsUnreadable: this.bindingsUnreadable } : {};
    progress.step('evaluate');
    const evaluator = new PackEvaluator(pack);
    this.findings = [];
    let done = 0;
    for (const b of batches) {
      const found = await evaluator.evaluate(b.tables);
      for (const f of found) this.findings.push(f);
      done += b.subjects;
      progress.batch(found.map(toWire), done);
      if (b === batches[0]) progress.sheet({ sheets: this.packedSheets(grid), percentCells: this.percent, ...unreadable });
    }
    if (batches.length === 0) progress.sheet({ sheets: this.packedSheets(grid), percentCells: this.percent, ...unreadable });
    progress.step('sheet');
  }

  private packedSheets(grid: WorkbookGrid): PackedSheet[] {
    return (this.packed ??= grid.sheets.map(packSheet));
  }

  /** As in Excel: a damaged bindings part does not stop the check, the figures are then found by their labels. */
  private readBindings(pkg: ReturnType<typeof openPackage>): void {
    try {
      this.bindings = readPackageBindings(pkg);
    } catch (e) {
      if (!(e instanceof BindingsFormatError)) throw e;
      this.bindingsUnreadable = { vi: e.vi, en: e.en };
    }
  }

  /** The highlighted copy of the last check, in one language. */
  copy(lang: Lang): Uint8Array {
    if (!this.bytes || this.findings.length === 0) throw new Error('nothing checked');
    return writeHighlightedCopy(this.bytes, highlightPlanFor(this.findings, lang));
  }
}

/** A failure as it may cross to the page: the reader's sentence for a bad file, never a raw engine message. */
export function wireProblem(e: unknown): WireProblem {
  if (e instanceof WorkbookFormatError) return { kind: 'format', text: e.text };
  return { kind: 'internal' };
}
