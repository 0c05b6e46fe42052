import { CheckResult, PledgeChecker } from '../../src/evaluate/checkGrid';
import { Lang } from '../../src/evaluate/format';
import { highlightPlanFor } from '../../src/report/highlightPlan';
import { ReasonSupport } from './cellReasons';
import { readWorkbookGrid } from './readWorkbookGrid';
import { writeHighlights, WriteReport } from './writeHighlights';

export interface CheckOutcome extends CheckResult {
  readonly write: WriteReport;
}

/** The phases of a check, in order, for a progress bar; `cells` comes with how much is being read. */
export type CheckPhase = 'sheets' | 'ranges' | 'cells' | 'evaluate' | 'highlight';
export type OnCheckPhase = (phase: CheckPhase, detail?: { cells: number; sheets: number }) => void;

/**
 * The ribbon's and the pane's Check: read the open workbook into the core's grid, run the same
 * PledgeChecker as the CLI, turn the findings into the same highlight plan, and write it. With no
 * indicator table the plan is empty, which still replaces (removes) highlights of an earlier check.
 * `onPhase` only reports; it adds no sync.
 */
export async function checkWorkbook(
  context: Excel.RequestContext,
  checker: PledgeChecker,
  lang: Lang,
  reasons: ReasonSupport,
  onPhase: OnCheckPhase = () => undefined,
): Promise<CheckOutcome> {
  const read = await readWorkbookGrid(context, onPhase);
  onPhase('evaluate');
  const result = await checker.check(read.grid);
  const plan = highlightPlanFor(result.findings, lang);
  onPhase('highlight');
  const write = await writeHighlights(context, plan, {
    reasons,
    sheets: read.grid.sheets.map((s) => s.name),
    protectedSheets: read.protectedSheets,
  });
  return { ...result, write };
}
