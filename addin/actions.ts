import { PledgeChecker } from '../src/evaluate/checkGrid';
import { RulePackError } from '../src/packs/packProblem';
import { checkWorkbook, CheckOutcome, OnCheckPhase } from './excel/checkWorkbook';
import { clearHighlights, ClearReport } from './excel/clearHighlights';
import { reasonSupport } from './excel/hostSupport';
import { readPackSetting } from './excel/packSetting';
import { runExcel } from './excel/runExcel';
import { checkPackChoice, choiceKey, DEFAULT_CHOICE } from './packChoice';
import { Lang } from '../src/words/lang';

/** The ribbon's actions (the pane works through OfficeHost). No UI here. */

const checkers = new Map<string, PledgeChecker>();

/**
 * The pack remembered in the workbook (the pane's choice), else the default, checked once per
 * runtime. A remembered pack that no longer passes the checks is refused, not swapped silently for
 * another: the ribbon would otherwise mark cells by targets nobody chose.
 */
export function pledgeChecker(): PledgeChecker {
  const choice = readPackSetting() ?? DEFAULT_CHOICE;
  const key = choiceKey(choice) + (choice.kind === 'file' ? `\u0000${choice.text}` : '');
  let checker = checkers.get(key);
  if (!checker) {
    const { pack, problems } = checkPackChoice(choice);
    if (!pack) throw new RulePackError(problems.filter((p) => p.severity === 'error'));
    checkers.set(key, (checker = new PledgeChecker(pack)));
  }
  return checker;
}

/** The ribbon has nowhere to ask "check again?": when the workbook was edited during the check, it checks again, once. */
export async function checkTargets(lang: Lang, onPhase?: OnCheckPhase): Promise<CheckOutcome> {
  const reasons = reasonSupport();
  const checker = pledgeChecker();
  const check = () => runExcel((context) => checkWorkbook(context, checker, lang, reasons, onPhase));
  const outcome = await check();
  return outcome.edited ? check() : outcome;
}

export function clearTargets(): Promise<ClearReport> {
  const reasons = reasonSupport();
  return runExcel((context) => clearHighlights(context, reasons));
}
