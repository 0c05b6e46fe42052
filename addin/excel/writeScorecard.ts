import { FindingsSheet } from '../../src/xlsx/write/highlightPlan';
import { ScorecardSupport } from './hostSupport';
import { RoundTrips } from './roundTrips';
import { ExistingSheet, planScorecardSheets, SHEET_MARK_KEY, sheetMarkValue } from './scorecardSheetPlan';
import { queueFindingsSheet, queuePageSetup } from './writeFindingsSheet';

export interface ScorecardWriteReport {
  /** Review › Protect Workbook is on: no sheet can be added, nothing was written. */
  readonly structureProtected: boolean;
  /** The sheets written, in order: the name each should have had and the one it got. */
  readonly sheets: ReadonlyArray<{ readonly wanted: string; readonly name: string }>;
  /** Pledge Check's earlier scorecard sheets, replaced. */
  readonly replaced: ReadonlyArray<string>;
}

/**
 * Writes the scorecard sheets into the open workbook as new sheets, replacing Pledge Check's own
 * earlier ones (see scorecardSheetPlan) and never a sheet of the person's. `build` makes the sheets
 * once the workbook's name is known. Three syncs whatever the number of units (more only past a
 * payload, see RoundTrips): the sheets and the workbook's protection; the marks on the sheets; the
 * writes. The first sheet is shown when done.
 */
export async function writeScorecard(
  context: Excel.RequestContext,
  build: (workbookName: string) => ReadonlyArray<FindingsSheet>,
  support: ScorecardSupport,
): Promise<ScorecardWriteReport> {
  const workbook = context.workbook;
  workbook.load('name');
  workbook.protection.load('protected');
  const worksheets = workbook.worksheets.load('items/name,items/visibility,items/protection/protected');
  await context.sync();
  if (workbook.protection.protected) return { structureProtected: true, sheets: [], replaced: [] };

  const items = worksheets.items.slice();
  let marks: (Excel.WorksheetCustomProperty | undefined)[] = items.map(() => undefined);
  if (support.marks) {
    marks = items.map((ws) => ws.customProperties.getItemOrNullObject(SHEET_MARK_KEY).load('value'));
    await context.sync();
  }
  const existing: ExistingSheet[] = items.map((ws, i) => {
    const mark = marks[i];
    return {
      name: ws.name,
      visible: ws.visibility === 'Visible',
      protected: ws.protection.protected,
      ...(mark && !mark.isNullObject ? { mark: mark.value } : {}),
    };
  });

  const sheets = build(workbook.name);
  // Without marks nothing can be proven ours, so nothing is replaced.
  const plan = planScorecardSheets(
    existing,
    sheets.map((s) => s.name),
  );
  const trips = new RoundTrips(context);
  for (const name of plan.remove) items.find((ws) => ws.name === name)?.delete();
  const added: Excel.Worksheet[] = [];
  for (const [i, target] of plan.add.entries()) {
    const ws = workbook.worksheets.add(target.name);
    if (support.marks) ws.customProperties.add(SHEET_MARK_KEY, sheetMarkValue(target.name));
    await queueFindingsSheet(ws, sheets[i], trips);
    added.push(ws);
  }
  // Page setup (ExcelApi 1.9) last, once every value and fill is queued: nothing a host might
  // refuse in it can keep the sheets from being written.
  if (support.pageLayout) added.forEach((ws, i) => queuePageSetup(ws, sheets[i]));
  added[0]?.activate();
  await trips.flush();
  return { structureProtected: false, sheets: plan.add, replaced: plan.remove };
}
