import { PledgeChecker } from '../src/evaluate/checkGrid';
import { Lang } from '../src/evaluate/format';
import { defaultPack } from '../src/packs/builtinPacks';
import { checkWorkbook, CheckOutcome } from './excel/checkWorkbook';
import { clearHighlights, ClearReport } from './excel/clearHighlights';
import { reasonSupport } from './excel/hostSupport';
import { runExcel } from './excel/runExcel';
import { selectCell } from './excel/selectCell';

/** The add-in's three actions, shared by the ribbon commands and the task pane. No UI here. */

let checker: PledgeChecker | undefined;

/** The default pack, checked once per runtime (the pack is validated when it is built). */
export function pledgeChecker(): PledgeChecker {
  return (checker ??= new PledgeChecker(defaultPack()));
}

export function checkTargets(lang: Lang): Promise<CheckOutcome> {
  const reasons = reasonSupport();
  return runExcel((context) => checkWorkbook(context, pledgeChecker(), lang, reasons));
}

export function clearTargets(): Promise<ClearReport> {
  const reasons = reasonSupport();
  return runExcel((context) => clearHighlights(context, reasons));
}

export function goToCell(sheet: string, cell: string): Promise<void> {
  return runExcel((context) => selectCell(context, sheet, cell));
}
