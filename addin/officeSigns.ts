/**
 * Whether Office opened this page, decided from the same signs Office.js reads when it starts
 * (office.js `_retrieveHostInfo`, and `parseXdmInfo` / `window.external.GetContext` for the
 * Office 2013 path). A page with none of them is one Office.js itself treats as a plain browser:
 * it resolves `Office.onReady` with no host — but only after loading its Office 2013 file map,
 * which frames Microsoft's telemetry proxy three seconds later. On an intranet that frame can
 * never load and the page's policy refuses it, so such a page does not load Office.js at all.
 *
 * test/addin/officeSigns.test.ts checks the installed Office.js still reads these signs.
 */

/** Set by this add-in for the rest of the session when Office answered after the page had given up on it. */
export const OPENED_BY_OFFICE_KEY = 'pledge-check:opened-by-office';

/** The parts of `window` the signs are read from; every one may be missing or throw. */
export interface PageContext {
  location?: { search?: string; hash?: string };
  name?: string;
  sessionStorage?: Pick<Storage, 'getItem'>;
  external?: unknown;
  agaveHost?: unknown;
}

export function openedByOffice(page: PageContext | undefined): boolean {
  if (!page) return false;
  const search = page.location?.search ?? '';
  const hash = page.location?.hash ?? '';
  const name = typeof page.name === 'string' ? page.name : '';
  return (
    /[?&]_host_Info=/i.test(search) || // Office on Windows, Mac and the web: `_host_Info=Excel$Win32$16.01$vi-VN$…`
    hostInfoInName(name) || // Office on the web names the frame with a JSON object holding hostInfo
    stored(page, 'hostInfoValue') || // Office.js keeps the host for pages navigated to within the pane
    stored(page, OPENED_BY_OFFICE_KEY) ||
    answers(page.agaveHost, 'GetHostInfo') ||
    answers(page.external, 'GetHostInfo') || // a host that exposes itself to the page (dialogs on Windows)
    hash.includes('&_xdm_Info=') || // Office 2013-era web hosts
    name.includes('_xdm_') ||
    answers(page.external, 'GetContext') // Office 2013-era Windows hosts
  );
}

function hostInfoInName(name: string): boolean {
  if (!name.startsWith('{')) return false;
  try {
    const parsed: unknown = JSON.parse(name);
    return typeof parsed === 'object' && parsed !== null && Boolean((parsed as { hostInfo?: unknown }).hostInfo);
  } catch {
    return false;
  }
}

function stored(page: PageContext, key: string): boolean {
  try {
    const value = page.sessionStorage?.getItem(key);
    return value !== null && value !== undefined && value !== '';
  } catch {
    return false; // storage blocked by the browser's settings
  }
}

/** Calls `object[method]()` as Office.js does; a host object may not report itself as a function (old COM objects say 'unknown'). */
function answers(object: unknown, method: string): boolean {
  if (object === null || object === undefined) return false;
  try {
    const fn = (object as Record<string, unknown>)[method];
    if (fn === undefined || fn === null) return false;
    const value: unknown = (fn as () => unknown).call(object);
    return value !== undefined && value !== null && value !== '';
  } catch {
    return false;
  }
}
