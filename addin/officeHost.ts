import { PledgeChecker } from '../src/evaluate/checkGrid';
import { scorecardSheets } from '../src/report/scorecardSheets';
import { checkWorkbook, CheckPhase } from './excel/checkWorkbook';
import { clearHighlights } from './excel/clearHighlights';
import { reasonSupport, scorecardSupport } from './excel/hostSupport';
import { readPackSetting, writePackSetting } from './excel/packSetting';
import { runExcel } from './excel/runExcel';
import { selectCell } from './excel/selectCell';
import { writeScorecard } from './excel/writeScorecard';
import { checkSummary, checkWarnings, clearSummary, editedDuringCheck, excelProblem, noIndicatorTable, scorecardSummary } from './messages';
import { OfficeBindings } from './officeBindings';
import { OfficeReviews, ReviewsAlong } from './officeReviews';
import { PackChoice } from './packChoice';
import { CheckReport, OnProgress, PaneHost, PaneMessage, ScorecardRequest } from './paneHost';
import { FORMATS, STRINGS } from './taskpane/strings';
import { workbookConsolidation } from './workbookConsolidation';
import { Lang } from '../src/words/lang';

const CHECK_STEPS: Record<CheckPhase, number> = { sheets: 1, ranges: 2, cells: 3, evaluate: 4, highlight: 5 };
const CHECK_LABELS = {
  sheets: STRINGS.stepSheets,
  ranges: STRINGS.stepRanges,
  cells: STRINGS.stepCells,
  evaluate: STRINGS.stepEvaluate,
  highlight: STRINGS.stepHighlight,
} as const;

/** The pane inside Excel: every action is one Excel.run batch through addin/excel/. */
export class OfficeHost implements PaneHost {
  readonly mode = 'excel' as const;
  readonly reviews = new OfficeReviews();
  readonly bindings = new OfficeBindings();

  canCheck(): boolean {
    return true;
  }

  async check(checker: PledgeChecker, lang: Lang, onProgress: OnProgress): Promise<CheckReport> {
    const reasons = reasonSupport();
    const reviews = new ReviewsAlong();
    const outcome = await runExcel((context) =>
      checkWorkbook(
        context,
        checker,
        lang,
        reasons,
        (phase, detail) =>
          onProgress({
            step: CHECK_STEPS[phase],
            of: 5,
            label: CHECK_LABELS[phase],
            ...(detail ? { detail: FORMATS.cellsRead(detail.cells, detail.sheets) } : {}),
          }),
        { alongside: reviews.queue(context) },
      ),
    );
    // Findings from figures that have since changed would mislead: none are shown, nothing was written.
    if (outcome.edited) return { findings: [], messages: [{ text: editedDuringCheck(), tone: 'warning', action: 'check-again' }] };
    const head: PaneMessage =
      outcome.tables.length === 0 ? { text: noIndicatorTable(checker.pack), tone: 'warning' } : { text: checkSummary(outcome), tone: 'info' };
    return reviews.attach({ findings: outcome.findings, messages: [head, ...checkWarnings(outcome).map((text) => ({ text, tone: 'warning' as const }))] });
  }

  async clear(onProgress: OnProgress): Promise<PaneMessage[]> {
    onProgress({ step: 1, of: 1, label: STRINGS.clearing });
    const reasons = reasonSupport();
    const report = await runExcel((context) => clearHighlights(context, reasons));
    return clearSummary(report).map((text, i) => ({ text, tone: i === 0 ? 'info' : 'warning' }));
  }

  async writeScorecard(request: ScorecardRequest, lang: Lang, onProgress: OnProgress): Promise<PaneMessage[]> {
    onProgress({ step: 1, of: 1, label: STRINGS.writingScorecard });
    const support = scorecardSupport();
    let units = 0;
    const report = await runExcel((context) =>
      writeScorecard(
        context,
        (workbook) => {
          const consolidation = workbookConsolidation({ ...request, workbook });
          units = consolidation.scorecard.rows.length;
          return scorecardSheets(consolidation, lang);
        },
        support,
      ),
    );
    return scorecardSummary(report, units).map((text, i) => ({ text, tone: i === 0 && !report.structureProtected ? 'info' : 'warning' }));
  }

  goTo(sheet: string, cell: string): Promise<void> {
    return runExcel((context) => selectCell(context, sheet, cell));
  }

  problem(e: unknown) {
    return excelProblem(e);
  }

  rememberedPack(): PackChoice | undefined {
    return readPackSetting();
  }

  rememberPack(choice: PackChoice): Promise<void> {
    return writePackSetting(choice);
  }
}

/** Office's display language and theme, read once when the pane opens. */
export function officeDisplay(): { displayLanguage: string | undefined; theme: Office.OfficeTheme | undefined } {
  return { displayLanguage: Office.context.displayLanguage, theme: Office.context.officeTheme };
}
