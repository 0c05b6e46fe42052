import { Severity } from '../packs/rulePack';
import { CellValue } from '../grid/cell';
import { PeriodRole } from '../tables/periods';
import { PledgedInWorkbook } from './pledgedTarget';
import { Localized } from '../words/lang';

/** Three outcomes, never two: no data is never a pass and never zero. */
export type FindingStatus = 'met' | 'shortfall' | 'no-data';

/** A cell a finding was computed from. */
export interface FindingInput {
  readonly indicator: string;
  readonly period: PeriodRole;
  readonly sheet: string;
  readonly cell: string;
  /** The number read, or null when the cell held no data. */
  readonly value: number | null;
  /** The cell as written, for reasons (`chưa thống kê`, `#DIV/0!`, ``). */
  readonly shown: string;
  /** The plan cell on this figure's row (`Giảm 5%`), when the table has a plan column. */
  readonly pledged?: { readonly cell: string; readonly raw: CellValue };
}

export type NoDataReason =
  | { readonly kind: 'blank'; readonly cell: string; readonly shown: string }
  /** `cell` is the top-left of the merged area `range`, where its fill shows. */
  | { readonly kind: 'merged'; readonly cell: string; readonly range: string }
  | { readonly kind: 'zero-baseline'; readonly cell: string }
  | { readonly kind: 'zero-denominator'; readonly cell: string }
  | { readonly kind: 'out-of-range'; readonly cell: string }
  | { readonly kind: 'no-period'; readonly indicator: string; readonly period: PeriodRole }
  | { readonly kind: 'duplicate'; readonly indicator: string; readonly cells: string[] };

/** The verdict on one target for one unit, with everything needed to answer "why is this red?". */
export interface Finding {
  readonly ruleId: string;
  readonly title: Localized;
  readonly severity: Severity;
  readonly unit: string;
  /** The row's period in a table with one row per unit and period; absent otherwise. */
  readonly period?: string;
  readonly status: FindingStatus;
  /**
   * Sheet and A1 cell the finding marks: the current-period figure of the first indicator the rule
   * reads, or for no data the cell that holds no number (a blank, a zero denominator). The JSON,
   * the console, the pane and the copy all name this one cell.
   */
  readonly sheet: string;
  readonly cell: string;
  readonly inputs: FindingInput[];
  /** The computed value compared with the target (percent for ratios and changes), null for no data. */
  readonly actual: number | null;
  readonly target: number | null;
  readonly operator: string | null;
  /** How far the actual value is from the target, in the fact's unit; 0 when met, null for no data. */
  readonly gap: number | null;
  readonly fact: string;
  readonly factLabel: Localized;
  /** `%` for ratios and changes (gaps are then percentage points), else the indicator's unit. */
  readonly factUnit: string;
  readonly noData?: NoDataReason;
  /** The target the workbook itself states for this rule (its plan column), reported beside the pack's, never used. */
  readonly pledgedInWorkbook?: PledgedInWorkbook;
  readonly message: Localized;
}

/**
 * A workbook's findings in order, each read by position: an array of findings is one, and so is
 * CompactFindings (a national check's, made into objects one at a time as outputs read them).
 * Outputs read a finding, use it, and let it go; what they keep, they keep by position.
 */
export interface FindingList extends Iterable<Finding> {
  readonly length: number;
  at(index: number): Finding | undefined;
}
