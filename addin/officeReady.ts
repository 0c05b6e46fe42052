import { OPENED_BY_OFFICE_KEY } from './officeSigns';

/** Where the page runs: in Excel, in another Office application, or in a plain browser (the preview). */
export type Where = 'excel' | 'other-office' | 'browser';

/** Office.js answers within a second inside Office on most PCs; past this a page with no sign of Office is treated as a plain browser. */
export const OFFICE_READY_TIMEOUT_MS = 3000;

/**
 * How long to wait when the page shows it was opened by Office: `Office.onReady` on a slow PC, or
 * on a busy Excel opening a large workbook, can take well over 3 s, and falling into the browser
 * preview inside Excel would offer a file picker where the open workbook should be.
 */
export const OFFICE_HOSTED_TIMEOUT_MS = 30_000;

/**
 * Asks Office.js where it is. A plain browser shows up three ways, all treated alike: the script
 * did not load (offline, blocked: no `Office`), Office.js loaded but reports no host, or it never
 * answers within the timeout.
 */
export async function whereAmI(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<Where> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return 'browser';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  const info = await Promise.race([Office.onReady().catch(() => null), late]);
  clearTimeout(timer);
  return hostOf(info);
}

function hostOf(info: { host?: unknown } | null): Where {
  if (!info || !info.host || typeof Office === 'undefined' || !Office.context || !Office.context.host) return 'browser';
  return String(info.host) === 'Excel' ? 'excel' : 'other-office';
}

/**
 * After the page fell into the preview: if Office.js answers after all and says Excel, remember it
 * for the session and call `restart` (the page reloads and, with the flag set, waits for Office
 * long enough to start as the pane). Nothing happens in a plain browser, where Office never answers.
 */
export function lateOffice(restart: () => void, storage: Pick<Storage, 'setItem'> | undefined): void {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return;
  Office.onReady()
    .then((info) => {
      if (hostOf(info) !== 'excel') return;
      try {
        storage?.setItem(OPENED_BY_OFFICE_KEY, '1');
      } catch {
        // storage blocked: the reload waits the usual time, and Office, now started, answers in it
      }
      restart();
    })
    .catch(() => undefined);
}
