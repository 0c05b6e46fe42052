import { Bindings, NO_BINDINGS } from '../bindings/binding';
import { WorkbookGrid } from '../grid/grid';
import { RulePack } from '../packs/rulePack';
import { findIndicatorTables } from '../tables/findIndicatorTables';
import { IndicatorTable } from '../tables/indicatorTable';
import { LabelMatcher } from '../tables/labelMatcher';
import { PackEvaluator } from './evaluatePack';
import { CompactFindings } from './compactFindings';
import { Finding } from './finding';

export interface CheckResult {
  readonly tables: IndicatorTable[];
  readonly findings: Finding[];
}

/**
 * The whole check on a grid: find the indicator tables, evaluate the pack. The CLI (from an .xlsx
 * file), the add-in (from Excel) and the browser preview all call this and nothing else.
 */
export class PledgeChecker {
  private readonly matcher: LabelMatcher;
  private readonly evaluator: PackEvaluator;

  constructor(readonly pack: RulePack) {
    this.matcher = new LabelMatcher(pack);
    this.evaluator = new PackEvaluator(pack);
  }

  /** `bindings`: where people said figures are (stored in the workbook, given on the command line). */
  async check(grid: WorkbookGrid, bindings: Bindings = NO_BINDINGS): Promise<CheckResult> {
    const tables = findIndicatorTables(grid, this.matcher, bindings);
    const findings = await this.evaluator.evaluate(tables);
    return { tables, findings };
  }

  /** The same check with the findings kept as columns, each made into an object when read: the CLI's, for national workbooks. */
  async checkCompactly(grid: WorkbookGrid, bindings: Bindings = NO_BINDINGS): Promise<{ tables: IndicatorTable[]; findings: CompactFindings }> {
    const tables = findIndicatorTables(grid, this.matcher, bindings);
    const findings = await this.evaluator.evaluateCompactly(tables);
    return { tables, findings };
  }
}
