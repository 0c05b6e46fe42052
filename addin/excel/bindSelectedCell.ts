import { Binding, Bindings, mergeBindings } from '../../src/bindings/binding';
import { resolveBinding } from '../../src/bindings/resolveBinding';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { BindingStore } from './bindingStore';
import { readWorkbookGrid } from './readWorkbookGrid';

export interface BoundCell {
  /** The binding just stored. */
  readonly binding: Binding;
  /** Every binding stored in the workbook now. */
  readonly stored: ReadonlyArray<Binding>;
}

/**
 * "This cell is `target`": the person selected a figure (or its row label, or its column heading)
 * and pressed Use selected cell. The selected cell is read with the workbook, the binding is keyed
 * by the label the core's resolveBinding finds for it (not by address, so inserted rows do not
 * break it) and stored in the bindings part. The whole workbook is read again rather than trusting
 * the last check's grid: the person may have edited it since, and a label read from a stale grid
 * would bind the wrong row. Four syncs: the read's three (the selection and the bindings part ride
 * on them) and the write. No cell is changed. A bindings part that cannot be read is never
 * overwritten: BindingsFormatError is thrown instead, as BindingError is for a cell that names nothing.
 */
export async function bindSelectedCell(context: Excel.RequestContext, checker: PledgeChecker, target: string): Promise<BoundCell> {
  const active = context.workbook.getActiveCell().load('address');
  const activeSheet = active.worksheet.load('name');
  const store = BindingStore.queueFind(context);
  const read = await readWorkbookGrid(context, undefined, { alongside: [store] });
  const known = store.list();
  const { tables } = await checker.check(read.grid, new Bindings(known));
  const binding = resolveBinding(read.grid, tables, { sheet: activeSheet.name, cell: cellOf(active.address), target }, Object.keys(checker.pack.indicators));
  const stored = mergeBindings(known, [binding]);
  store.queueWrite(stored);
  await context.sync();
  return { binding, stored };
}

/** `'Biểu 01'!B12` → `B12`: the cell part of an address; a sheet name may hold `!`, an A1 reference never does. */
export function cellOf(address: string): string {
  return address
    .slice(address.lastIndexOf('!') + 1)
    .replace(/\$/g, '')
    .split(':')[0]
    .toUpperCase();
}
