import { checkTargets, clearTargets } from '../actions';
import { CheckPhase } from '../excel/checkWorkbook';
import { languageOf } from '../language';
import { checkSummary, checkWarnings, clearSummary } from '../messages';
import { command, RIBBON_MAX_CELLS, TooLargeForRibbon } from './ribbonCommand';
import { Localized } from '../../src/words/lang';

/**
 * The ribbon's Check targets and Clear highlights, each run by `command` (ribbonCommand.ts: a dialog
 * with the outcome, done before Office's 5-minute cut-off). Check refuses a workbook too large to
 * check in that time (the pane has no such limit). The workbook is left as the batch left it (the
 * memory is written before any cell changes, so Clear can always undo).
 */

/** The ribbon checks again once by itself (actions.ts); this is after the second time. */
function keptChanging(): Localized {
  return {
    vi: 'Sổ liên tục được sửa trong khi kiểm tra nên chưa tô màu ô nào. Hãy bấm Kiểm tra lại khi không còn ai sửa sổ.',
    en: 'The workbook kept changing during the check, so no cell was highlighted. Press Check targets again once nobody is editing it.',
  };
}

async function checkFromRibbon(): Promise<Localized[]> {
  const refuseLarge = (phase: CheckPhase, detail?: { cells: number }) => {
    if (phase === 'cells' && detail && detail.cells > RIBBON_MAX_CELLS) throw new TooLargeForRibbon(detail.cells);
  };
  const outcome = await checkTargets(languageOf(Office.context.displayLanguage), refuseLarge);
  if (outcome.edited) return [keptChanging()];
  return [checkSummary(outcome), ...checkWarnings(outcome)];
}

export function registerCommands(): void {
  Office.actions.associate('checkTargets', command(checkFromRibbon));
  Office.actions.associate(
    'clearHighlights',
    command(async () => clearSummary(await clearTargets())),
  );
}

Office.onReady(() => registerCommands());
