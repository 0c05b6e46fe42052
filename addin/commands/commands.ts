import { checkTargets, clearTargets } from '../actions';
import { languageOf } from '../language';
import { checkSummary } from '../messages';

/**
 * The ribbon's Check targets and Clear highlights (ExecuteFunction, no pane). Each always ends
 * with `event.completed()`, or Excel would keep the button busy. A failure is logged: without a
 * pane there is nowhere to show it, and the workbook is left as the batch left it (the memory is
 * written before any cell changes, so Clear can always undo what was done).
 */

type Action = () => Promise<unknown>;

export function command(action: Action): (event: Office.AddinCommands.Event) => Promise<void> {
  return async (event) => {
    try {
      await action();
    } catch (e) {
      console.error('Pledge Check:', e);
    } finally {
      event.completed();
    }
  };
}

/**
 * The outcome goes to the log in Office's language, the pane's summary sentence: with "no data"
 * counted as not met, so a run with no shortfall but missing figures never reads as all met.
 */
async function checkFromRibbon(): Promise<void> {
  const lang = languageOf(Office.context.displayLanguage);
  const outcome = await checkTargets(lang);
  if (outcome.edited) console.warn('Pledge Check: the workbook kept changing during the check; nothing was highlighted.');
  else console.info(`Pledge Check: ${checkSummary(outcome)[lang]}`);
}

export function registerCommands(): void {
  Office.actions.associate('checkTargets', command(checkFromRibbon));
  Office.actions.associate('clearHighlights', command(() => clearTargets()));
}

Office.onReady(() => registerCommands());
