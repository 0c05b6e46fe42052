import { outcomeFragment } from '../outcome/outcomeLines';
import { Localized } from '../../src/words/lang';

/**
 * A ribbon command runs without a pane, so its outcome — or its error — is shown in a small dialog
 * (Office's dialog API, ExcelApi-independent DialogApi 1.1) instead of only the console, where
 * nobody would see it. Resolves when the person closes the dialog, or after `waitMs` (the command's
 * runtime is cut off 5 minutes after it started, so it must call `event.completed()` before that),
 * or at once when no dialog can be opened (then the console is all there is).
 */
export function showOutcome(lines: ReadonlyArray<Localized>, waitMs: number, pageUrl = outcomePageUrl()): Promise<void> {
  return new Promise((resolve) => {
    const text = lines.map((l) => `${l.vi} / ${l.en}`).join('\n');
    const ui = typeof Office !== 'undefined' ? Office.context?.ui : undefined;
    if (!ui?.displayDialogAsync) {
      console.error('Pledge Check:', text);
      resolve();
      return;
    }
    let dialog: Office.Dialog | undefined;
    const timer = setTimeout(() => {
      dialog?.close();
      resolve();
    }, waitMs);
    const done = () => {
      clearTimeout(timer);
      dialog?.close();
      resolve();
    };
    ui.displayDialogAsync(pageUrl + outcomeFragment(lines), { height: 35, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        // E.g. 12007, another dialog is open: the console is left.
        console.error('Pledge Check:', text, result.error?.message);
        done();
        return;
      }
      dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, done); // closed with ✕
    });
  });
}

/** outcome.html next to the commands page, whatever URL the add-in is served from. */
function outcomePageUrl(): string {
  return new URL('outcome.html', globalThis.location?.href ?? 'https://localhost/').href.replace(/#.*$/, '');
}
