import { withWorkbookLock } from './workbookLock';

/**
 * Every batch runs with `delayForCellEdit`: when someone is typing in a cell, Excel waits until
 * they leave the cell instead of failing the batch (hosts that predate the option ignore it).
 * Batches run one at a time (workbookLock); none may start another inside itself.
 */
export function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return withWorkbookLock(() => Excel.run({ delayForCellEdit: true }, batch));
}
