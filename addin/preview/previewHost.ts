import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { PackEvaluator } from '../../src/evaluate/evaluatePack';
import { Finding } from '../../src/evaluate/finding';
import { Lang, Localized } from '../../src/words/lang';
import { bindingsUnreadable, noIndicatorTable, outcomeVerdict } from '../messages';
import { PackChoice } from '../packChoice';
import { CheckReport, OnProgress, PaneHost, PaneMessage } from '../paneHost';
import { FORMATS, STRINGS } from '../taskpane/strings';
import { CheckStep } from './checkProtocol';
import { CheckFailed, CheckRunner, InlineRunner } from './checkRunner';
import { SheetCells } from './packedSheet';
import { SheetView } from './sheetView';

const STEPS: Record<CheckStep, { step: number; label: Localized }> = {
  file: { step: 1, label: STRINGS.stepFile },
  tables: { step: 2, label: STRINGS.stepTables },
  evaluate: { step: 3, label: STRINGS.stepTargets },
  sheet: { step: 4, label: STRINGS.stepSheetView },
};

/** Named moments of a check, as Performance marks: the bench and the browser test time the preview with them. */
export function mark(name: 'file-chosen' | 'workbook-read' | 'tables-found' | 'checked' | 'first-findings'): void {
  globalThis.performance?.mark?.(`pledge-check:${name}`);
}

/**
 * The pane in a plain browser: the workbook is a file the person dropped, read in memory with the
 * same core as the CLI (readWorkbook → tables → PackEvaluator), in a Web Worker where there is one
 * so the page keeps answering, shown as a table, and given back as a highlighted copy made by
 * writeHighlightedCopy. The file never leaves the page.
 */
export class PreviewHost implements PaneHost {
  readonly mode = 'preview' as const;
  private name?: string;
  private loaded?: Promise<void>;
  private findings: Finding[] = [];
  /** The sheets of the workbook being checked, as the worker sent them after the first findings. */
  private grid?: { sheets: SheetCells[]; percentCells: Array<[string, number]> };
  private lang: Lang = 'vi';
  /** The pack chosen in this page; the preview has no workbook settings to keep it in. */
  private chosen?: PackChoice;

  /** `changed` runs whenever the loaded workbook or its findings change (the download button follows it). */
  constructor(
    private readonly view: SheetView,
    private readonly changed: () => void = () => undefined,
    private readonly runner: CheckRunner = new InlineRunner(),
  ) {}

  /** Another file: what was shown of the previous one goes at once, before the new one is read. */
  forget(name: string): void {
    this.name = name;
    this.loaded = undefined;
    this.grid = undefined;
    this.findings = [];
    this.view.clear();
    this.changed();
  }

  load(name: string, bytes: Uint8Array): void {
    this.name = name;
    this.findings = [];
    this.grid = undefined;
    this.loaded = this.runner.load(bytes);
    this.changed();
  }

  get fileName(): string | undefined {
    return this.name;
  }

  canCheck(): boolean {
    return this.loaded !== undefined;
  }

  hasFindings(): boolean {
    return this.findings.length > 0;
  }

  async check(checker: PledgeChecker, lang: Lang, onProgress: OnProgress, onFindings?: (findings: Finding[]) => void): Promise<CheckReport> {
    const loaded = this.loaded;
    if (!loaded) return { findings: [], messages: [] };
    this.lang = lang;
    this.findings = [];
    this.changed();
    await loaded;
    const of = Object.keys(STEPS).length;
    const step = (s: CheckStep, detail?: Localized) => onProgress({ step: STEPS[s].step, of, label: STEPS[s].label, ...(detail ? { detail } : {}) });
    // The worker sends plain data; each finding gets its reason back, written only when shown.
    const evaluator = new PackEvaluator(checker.pack);
    const findings: Finding[] = [];
    let tables = 0;
    let subjects = 0;
    let unreadable: Localized | undefined;
    let shown = false;
    await this.runner.check(checker.pack, {
      step: (s) => {
        if (s === 'tables') mark('workbook-read');
        step(s);
      },
      start: (s) => {
        mark('tables-found');
        tables = s.tables;
        subjects = s.subjects;
      },
      // The first findings are drawn before the sheet arrives; the sheet then shows their marks.
      sheet: (s) => {
        unreadable = s.bindingsUnreadable;
        this.grid = { sheets: s.sheets.map((p) => new SheetCells(p)), percentCells: s.percentCells };
        if (findings.length > 0) {
          this.view.show(this.grid, findings, this.lang, s.percentCells);
          shown = true;
        }
      },
      batch: (wire, done) => {
        for (const w of wire) findings.push(evaluator.relink(w));
        // The sheet's marks are indexed batch by batch (drawn once the check ends), not all at the end in one long task.
        if (shown) this.view.grow(findings);
        step('evaluate', FORMATS.unitsChecked(done, subjects));
        if (findings.length > 0) onFindings?.(findings);
      },
    });
    mark('checked');
    this.findings = findings;
    this.changed();
    if (this.grid) {
      if (shown) this.view.update(findings);
      else this.view.show(this.grid, findings, this.lang, this.grid.percentCells);
    }
    const counts = { met: 0, shortfall: 0, 'no-data': 0 };
    for (const f of findings) counts[f.status]++;
    const head =
      tables === 0
        ? { text: noIndicatorTable(checker.pack), tone: 'warning' as const }
        : {
            text: withVerdict(FORMATS.previewChecked(this.name ?? '', tables, counts.shortfall, counts['no-data'], counts.met), findings),
            tone: 'info' as const,
          };
    const notes: PaneMessage[] = unreadable ? [{ text: bindingsUnreadable(unreadable), tone: 'warning' }] : [];
    return { findings, messages: [head, ...notes] };
  }

  /** The highlighted copy in the pane's current language (reasons and findings sheet). */
  async highlightedCopy(lang: Lang): Promise<{ name: string; bytes: Uint8Array } | undefined> {
    if (!this.name || this.findings.length === 0) return undefined;
    const base = this.name.replace(/\.xlsx$/i, '');
    return { name: FORMATS.copyName(base)[lang], bytes: await this.runner.copy(lang) };
  }

  async goTo(sheet: string, cell: string, returnKey?: string): Promise<void> {
    this.view.reveal(sheet, cell, returnKey);
  }

  /** One sentence: the reader's own for a file that is not a workbook, never a raw engine message. */
  problem(e: unknown): Localized {
    const name = this.name ?? '';
    if (e instanceof CheckFailed && e.problem.kind === 'format') return FORMATS.readFailed(name, e.problem.text);
    return FORMATS.checkFailed(name);
  }

  rememberedPack(): PackChoice | undefined {
    return this.chosen;
  }

  async rememberPack(choice: PackChoice): Promise<void> {
    this.chosen = choice;
  }

  languageChanged(lang: Lang): void {
    this.lang = lang;
    this.view.relabel(lang);
  }

  get language(): Lang {
    return this.lang;
  }
}

/** The counts, then whether the pledge is met (no data is not met), as in Excel. */
function withVerdict(counts: Localized, findings: Finding[]): Localized {
  const verdict = outcomeVerdict({ findings });
  return verdict ? { vi: `${counts.vi} ${verdict.vi}`, en: `${counts.en} ${verdict.en}` } : counts;
}
