import pkg from '../package.json';
import { checkAudit, workbookAudit } from '../src/report/audit';
import { Consolidation } from '../src/report/consolidation';
import { buildScorecard } from '../src/report/scorecard';
import { matchReviews } from '../src/review/reviewState';
import { ScorecardRequest } from './paneHost';

/**
 * The open workbook as a cluster of one: the same Consolidation the CLI builds for
 * `check --scorecard`, so `scorecardSheets` gives the add-in the same sheets. There is no file to
 * hash in Excel, so the audit has the digest of the figures read but no file digest.
 */
export function workbookConsolidation(request: ScorecardRequest & { readonly workbook: string }): Consolidation {
  const { pack, findings, reviews, checkedAt, workbook } = request;
  const audit = workbookAudit(workbook, findings, reviews);
  const checked = { workbook, findings, reviews: matchReviews(findings, reviews), audit };
  return {
    pack,
    audit: checkAudit(pack, checkedAt, pkg.version, [audit]),
    workbooks: [checked],
    unreadable: [],
    scorecard: buildScorecard(pack, [checked]),
  };
}
