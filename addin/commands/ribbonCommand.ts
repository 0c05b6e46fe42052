import { formatNumber } from '../../src/evaluate/format';
import { excelProblem } from '../messages';
import { showOutcome } from './showOutcome';
import { Localized } from '../../src/words/lang';

/**
 * One ribbon command (ExecuteFunction, no pane). Office runs it in a runtime of its own and cuts it
 * off 5 minutes after it starts, so it: shows its outcome or its error in a dialog (there is no pane
 * to show it in; the console alone would tell nobody), and always ends with `event.completed()`
 * before the cut-off, or Excel would keep the button busy.
 */

/** Office ends a command's runtime 5 minutes after it started. */
export const COMMAND_TIME_LIMIT_MS = 5 * 60_000;
/** Kept free for the dialog and `event.completed()` at the end. */
const MARGIN_MS = 20_000;

/**
 * Past this many cells the ribbon does not start a check and sends the person to the pane. The
 * bench's national workbook (39,828 rows × 40 columns, 1.6 million cells) is over it. Not measured
 * in real Excel: a third of the 5 minutes for the read alone at Microsoft's 5k–20k rows per request
 * gives roughly this; the pane, which has no time limit, checks any size.
 */
export const RIBBON_MAX_CELLS = 1_000_000;

export class TooLargeForRibbon extends Error {
  constructor(readonly cells: number) {
    super(`${cells} cells`);
  }
}

export function tooLargeForRibbon(cells: number): Localized {
  return {
    vi: `Sổ có khoảng ${formatNumber(cells, 'vi', 0)} ô, quá lớn để kiểm tra từ nút trên ruy-băng (Office dừng lệnh sau 5 phút). Hãy bấm Mở ngăn kết quả rồi Kiểm tra trong ngăn.`,
    en: `The workbook has about ${formatNumber(cells, 'en', 0)} cells, too many to check from the ribbon button (Office stops a command after 5 minutes). Open the pane and press Check there.`,
  };
}

export type Action = () => Promise<Localized[]>;

export function command(action: Action, now: () => number = Date.now): (event: Office.AddinCommands.Event) => Promise<void> {
  return async (event) => {
    const started = now();
    let lines: Localized[];
    try {
      lines = await action();
    } catch (e) {
      console.error('Pledge Check:', e);
      lines = [e instanceof TooLargeForRibbon ? tooLargeForRibbon(e.cells) : excelProblem(e)];
    }
    try {
      await showOutcome(lines, Math.max(0, COMMAND_TIME_LIMIT_MS - MARGIN_MS - (now() - started)));
    } finally {
      event.completed();
    }
  };
}
