/** Where the page runs: in Excel, in another Office application, or in a plain browser (the preview). */
export type Where = 'excel' | 'other-office' | 'browser';

/** Office.js answers within a second inside Office; past this the page is treated as a plain browser. */
export const OFFICE_READY_TIMEOUT_MS = 3000;

/**
 * Asks Office.js where it is. A plain browser shows up three ways, all treated alike: the CDN
 * script did not load (offline, blocked: no `Office`), Office.js loaded but reports no host, or it
 * never answers within the timeout.
 */
export async function whereAmI(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<Where> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return 'browser';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  const info = await Promise.race([Office.onReady().catch(() => null), late]);
  clearTimeout(timer);
  if (!info || !info.host || !Office.context || !Office.context.host) return 'browser';
  return String(info.host) === 'Excel' ? 'excel' : 'other-office';
}
