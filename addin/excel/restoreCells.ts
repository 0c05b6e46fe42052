import { addressChunks, areasForCells } from './addressList';
import { fillKey, queueRestoreFill } from './cellFill';
import { cellKey, ExistingReason } from './cellReasons';
import { groupBy } from './groupBy';
import { RememberedCell } from './memoryXml';
import { RoundTrips } from './roundTrips';
import { SheetProxies } from './sheetProxies';

/**
 * Queue putting remembered cells back as they were: one command per distinct original fill and
 * chunk of addresses (most cells had no fill, so usually one per sheet), and each reason we
 * attached removed while its text is still ours, except a comment thread someone has replied to:
 * deleting it would delete their replies too, so it stays (and is reported).
 */
export async function queueRestore(
  trips: RoundTrips,
  sheets: SheetProxies,
  cells: ReadonlyArray<RememberedCell>,
  existing: ReadonlyMap<string, ExistingReason>,
): Promise<RestoredReasons> {
  for (const [sheet, onSheet] of groupBy(cells, (c) => c.sheet)) {
    for (const group of groupBy(onSheet, (c) => fillKey(c.fill)).values()) {
      for (const address of addressChunks(areasForCells(group.map((c) => c.cell)))) {
        await trips.reserve(address.length + 300);
        queueRestoreFill(sheets.get(sheet).getRanges(address).format, group[0].fill);
      }
    }
  }
  let removed = 0;
  const threadsKept: string[] = [];
  for (const c of cells) {
    const key = cellKey(c.sheet, c.cell);
    const there = c.attached && existing.get(key);
    if (!there || !c.attached || there.kind !== c.attached.kind || there.hash !== c.attached.hash) continue;
    if (there.replies > 0) {
      threadsKept.push(key);
      continue;
    }
    await trips.reserve(100);
    there.item.delete();
    removed++;
  }
  return { removed, threadsKept };
}

export interface RestoredReasons {
  /** Reasons of ours removed. */
  readonly removed: number;
  /** `Sheet!A1` of our comment threads left in place because someone replied under them. */
  readonly threadsKept: string[];
}
