import { Finding } from '../../src/evaluate/finding';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { WorkbookGrid } from '../../src/grid/grid';
import { RulePack } from '../../src/packs/rulePack';
import { checkAudit, workbookAudit } from '../../src/report/audit';
import { CheckedWorkbook, Consolidation } from '../../src/report/consolidation';
import { buildScorecard } from '../../src/report/scorecard';
import { EMPTY_REVIEW_BOOK, ReviewBook } from '../../src/review/review';
import { matchReviews } from '../../src/review/reviewState';

/** What the CLI assembles from files, built from grids: for report tests that need no .xlsx. */
export async function consolidationOf(
  pack: RulePack,
  workbooks: Array<{ name: string; grid: WorkbookGrid; reviews?: (findings: Finding[]) => ReviewBook }>,
  unreadable: Consolidation['unreadable'] = [],
): Promise<Consolidation> {
  const checker = new PledgeChecker(pack);
  const checked: CheckedWorkbook[] = [];
  for (const w of workbooks) {
    const { findings } = await checker.check(w.grid);
    const book = w.reviews ? w.reviews(findings) : EMPTY_REVIEW_BOOK;
    checked.push({ workbook: w.name, findings, reviews: matchReviews(findings, book), audit: workbookAudit(w.name, findings, book) });
  }
  return {
    pack,
    audit: checkAudit(
      pack,
      new Date(Date.UTC(2026, 10, 5, 3, 0)),
      '0.1.0',
      checked.map((c) => c.audit),
    ),
    workbooks: checked,
    unreadable,
    scorecard: buildScorecard(pack, checked),
  };
}
