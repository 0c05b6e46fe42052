import { Binding, Bindings } from '../../src/bindings/binding';
import { BindingsFormatError } from '../../src/bindings/bindingsXml';
import { readPackageBindings } from '../../src/bindings/workbookBindings';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { Finding } from '../../src/evaluate/finding';
import { Lang } from '../../src/evaluate/format';
import { WorkbookGrid } from '../../src/grid/grid';
import { Localized } from '../../src/packs/rulePack';
import { highlightPlanFor } from '../../src/report/highlightPlan';
import { openPackage, WorkbookFormatError } from '../../src/xlsx/package';
import { readPackage } from '../../src/xlsx/readWorkbook';
import { writeHighlightedCopy } from '../../src/xlsx/writeHighlightedCopy';
import { bindingsUnreadable, noIndicatorTable, outcomeVerdict } from '../messages';
import { PackChoice } from '../packChoice';
import { CheckReport, OnProgress, PaneHost, PaneMessage } from '../paneHost';
import { FORMATS, STRINGS } from '../taskpane/strings';
import { SheetView } from './sheetView';

interface LoadedWorkbook {
  readonly name: string;
  readonly bytes: Uint8Array;
  grid?: WorkbookGrid;
  /** The bindings stored in the file (the add-in's "point to the figure"), honoured as the CLI honours them. */
  bindings?: Binding[];
  bindingsProblem?: BindingsFormatError;
}

/** Lets the browser draw the progress bar before a long synchronous step (unzipping, parsing). */
const nextPaint = () => new Promise<void>((resolve) => setTimeout(resolve, 16));

/**
 * The pane in a plain browser: the workbook is a file the person dropped, read in memory with the
 * same core as the CLI (readWorkbook → PledgeChecker → highlightPlanFor), shown as a table, and
 * given back as a highlighted copy made by writeHighlightedCopy. The file never leaves the page.
 */
export class PreviewHost implements PaneHost {
  readonly mode = 'preview' as const;
  private workbook?: LoadedWorkbook;
  private findings: Finding[] = [];
  private lang: Lang = 'vi';
  /** The pack chosen in this page; the preview has no workbook settings to keep it in. */
  private chosen?: PackChoice;

  /** `changed` runs whenever the loaded workbook or its findings change (the download button follows it). */
  constructor(
    private readonly view: SheetView,
    private readonly changed: () => void = () => undefined,
  ) {}

  load(name: string, bytes: Uint8Array): void {
    this.workbook = { name, bytes };
    this.findings = [];
    this.changed();
  }

  get fileName(): string | undefined {
    return this.workbook?.name;
  }

  canCheck(): boolean {
    return this.workbook !== undefined;
  }

  hasFindings(): boolean {
    return this.findings.length > 0;
  }

  async check(checker: PledgeChecker, lang: Lang, onProgress: OnProgress): Promise<CheckReport> {
    const wb = this.workbook;
    if (!wb) return { findings: [], messages: [] };
    this.lang = lang;
    this.findings = [];
    this.changed();
    onProgress({ step: 1, of: 3, label: STRINGS.stepFile });
    await nextPaint();
    if (!wb.grid) {
      const pkg = openPackage(wb.bytes);
      wb.grid = readPackage(pkg);
      try {
        wb.bindings = readPackageBindings(pkg);
      } catch (e) {
        // As in Excel: a damaged bindings part does not stop the check, the figures are found by their labels.
        if (!(e instanceof BindingsFormatError)) throw e;
        wb.bindings = [];
        wb.bindingsProblem = e;
      }
    }
    onProgress({ step: 2, of: 3, label: STRINGS.stepEvaluate });
    await nextPaint();
    const result = await checker.check(wb.grid, new Bindings(wb.bindings));
    this.findings = result.findings;
    this.changed();
    onProgress({ step: 3, of: 3, label: STRINGS.stepSheetView });
    await nextPaint();
    this.view.show(wb.grid, highlightPlanFor(result.findings, lang).marks, lang);
    const count = (s: Finding['status']) => result.findings.filter((f) => f.status === s).length;
    const head =
      result.tables.length === 0
        ? { text: noIndicatorTable(checker.pack), tone: 'warning' as const }
        : { text: withVerdict(FORMATS.previewChecked(wb.name, result.tables.length, count('shortfall'), count('no-data'), count('met')), result), tone: 'info' as const };
    const notes: PaneMessage[] = wb.bindingsProblem ? [{ text: bindingsUnreadable(wb.bindingsProblem), tone: 'warning' }] : [];
    return { findings: result.findings, messages: [head, ...notes] };
  }

  /** The highlighted copy in the pane's current language (reasons and findings sheet). */
  highlightedCopy(lang: Lang): { name: string; bytes: Uint8Array } | undefined {
    const wb = this.workbook;
    if (!wb || this.findings.length === 0) return undefined;
    const base = wb.name.replace(/\.xlsx$/i, '');
    return { name: FORMATS.copyName(base)[lang], bytes: writeHighlightedCopy(wb.bytes, highlightPlanFor(this.findings, lang)) };
  }

  async goTo(sheet: string, cell: string): Promise<void> {
    this.view.reveal(sheet, cell);
  }

  problem(e: unknown): Localized {
    const name = this.workbook?.name ?? '';
    if (e instanceof WorkbookFormatError) return FORMATS.readFailed(name, { vi: e.message, en: e.messageEn });
    const detail = e instanceof Error ? e.message : String(e);
    return FORMATS.readFailed(name, { vi: detail, en: detail });
  }

  rememberedPack(): PackChoice | undefined {
    return this.chosen;
  }

  async rememberPack(choice: PackChoice): Promise<void> {
    this.chosen = choice;
  }

  languageChanged(lang: Lang): void {
    this.lang = lang;
    if (this.findings.length > 0) this.view.relabel(highlightPlanFor(this.findings, lang).marks, lang);
  }

  get language(): Lang {
    return this.lang;
  }
}

/** The counts, then whether the pledge is met (no data is not met), as in Excel. */
function withVerdict(counts: Localized, result: { findings: Finding[] }): Localized {
  const verdict = outcomeVerdict(result);
  return verdict ? { vi: `${counts.vi} ${verdict.vi}`, en: `${counts.en} ${verdict.en}` } : counts;
}
