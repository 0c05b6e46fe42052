import { Binding } from '../src/bindings/binding';
import { PledgeChecker } from '../src/evaluate/checkGrid';
import { bindSelectedCell } from './excel/bindSelectedCell';
import { runExcel } from './excel/runExcel';
import { BindingHost } from './paneHost';

/** "Point to the figure" in Excel: one Excel.run that reads the selection with the workbook and stores the binding. */
export class OfficeBindings implements BindingHost {
  async bindSelection(checker: PledgeChecker, target: string): Promise<Binding> {
    const { binding } = await runExcel((context) => bindSelectedCell(context, checker, target));
    return binding;
  }
}
