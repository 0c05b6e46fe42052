import { CellReasons, ReasonSupport } from './cellReasons';
import { HighlightMemory } from './highlightMemory';
import { queueRestore } from './restoreCells';
import { RoundTrips } from './roundTrips';
import { SheetProxies } from './sheetProxies';

export interface ClearReport {
  /** Cells given back their own fill. */
  readonly restored: number;
  /** Reasons (notes or comments) Pledge Check had attached and removed. */
  readonly removedReasons: number;
  /** Protected sheets whose highlights stay until the protection is lifted (they stay remembered). */
  readonly protectedSheets: string[];
  /** Sheets remembered but no longer in the workbook (deleted or renamed): nothing to restore there. */
  readonly missingSheets: string[];
  /** `Sheet!A1` of our comment threads kept because someone replied under them (deleting a thread deletes its replies). */
  readonly threadsKept: string[];
}

/**
 * Puts every highlighted cell back exactly as it was, from the memory stored in the workbook, so
 * it also works after the file was saved, closed and reopened, or on another computer. Three
 * syncs: find the memory, notes and sheets; read them; restore and only then forget.
 */
export async function clearHighlights(context: Excel.RequestContext, support: ReasonSupport): Promise<ClearReport> {
  const trips = new RoundTrips(context);
  const memory = HighlightMemory.queueFind(context);
  const reasons = CellReasons.queueFind(context, support);
  const worksheets = context.workbook.worksheets.load('items/name,items/protection/protected');
  await trips.flush();

  await memory.queueRead(trips);
  await reasons.queueLocate(trips);
  await trips.flush();

  const cells = memory.cells();
  const names = new Set(worksheets.items.map((s) => s.name));
  const locked = new Set(worksheets.items.filter((s) => s.protection.protected).map((s) => s.name));
  const restore = cells.filter((c) => names.has(c.sheet) && !locked.has(c.sheet));
  const kept = cells.filter((c) => locked.has(c.sheet));
  const missing = [...new Set(cells.filter((c) => !names.has(c.sheet)).map((c) => c.sheet))];
  const report = { restored: restore.length, protectedSheets: [...new Set(kept.map((c) => c.sheet))], missingSheets: missing };
  if (!memory.stored) return { ...report, removedReasons: 0, threadsKept: [] };

  const { removed: removedReasons, threadsKept } = await queueRestore(trips, new SheetProxies(context), restore, reasons.byCell());
  // Forget last: if restoring fails part-way the memory is still there and Clear can run again.
  await memory.queueWrite(kept, trips);
  await trips.flush();
  return { ...report, removedReasons, threadsKept };
}
