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
 * attached removed while its text is still ours. Returns how many reasons will be removed.
 */
export async function queueRestore(
  trips: RoundTrips,
  sheets: SheetProxies,
  cells: ReadonlyArray<RememberedCell>,
  existing: ReadonlyMap<string, ExistingReason>,
): Promise<number> {
  for (const [sheet, onSheet] of groupBy(cells, (c) => c.sheet)) {
    for (const group of groupBy(onSheet, (c) => fillKey(c.fill)).values()) {
      for (const address of addressChunks(areasForCells(group.map((c) => c.cell)))) {
        await trips.reserve(address.length + 300);
        queueRestoreFill(sheets.get(sheet).getRanges(address).format, group[0].fill);
      }
    }
  }
  let removed = 0;
  for (const c of cells) {
    const there = c.attached && existing.get(cellKey(c.sheet, c.cell));
    if (there && c.attached && there.kind === c.attached.kind && there.hash === c.attached.hash) {
      await trips.reserve(100);
      there.item.delete();
      removed++;
    }
  }
  return removed;
}
