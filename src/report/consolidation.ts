import { FindingList } from '../evaluate/finding';
import { RulePack } from '../packs/rulePack';
import { ReviewMatch } from '../review/reviewState';
import { CheckAudit, WorkbookAudit } from './audit';
import { Scorecard } from './scorecard';

/** One workbook of a cluster, checked: its findings, their reviews and what was read. */
export interface CheckedWorkbook {
  /** The name shown for it (the path as given on the command line, or the open workbook's name). */
  readonly workbook: string;
  readonly findings: FindingList;
  readonly reviews: ReviewMatch;
  readonly audit: WorkbookAudit;
}

/** A workbook that could not be checked, with the one sentence that says why. */
export interface UnreadableWorkbook {
  readonly workbook: string;
  readonly message: string;
}

/** Everything a cluster head's outputs are made from: the scorecard sheets, the HTML report, the JSON. */
export interface Consolidation {
  readonly pack: RulePack;
  readonly audit: CheckAudit;
  readonly workbooks: ReadonlyArray<CheckedWorkbook>;
  readonly unreadable: ReadonlyArray<UnreadableWorkbook>;
  readonly scorecard: Scorecard;
}
