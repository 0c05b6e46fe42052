import { browserLanguage, languageOf } from '../language';
import { OfficeHost, officeDisplay } from '../officeHost';
import { lateOffice, OFFICE_HOSTED_TIMEOUT_MS, OFFICE_READY_TIMEOUT_MS, whereAmI } from '../officeReady';
import { openedByOffice } from '../officeSigns';
import { byId } from './dom';
import { Pane } from './pane';
import { renderStatus } from './renderStatus';
import { renderStrings } from './renderStrings';
import { STRINGS } from './strings';
import { applyTheme } from './theme';

/**
 * Starts the pane. In Excel it works on the open workbook; in a plain browser (Office.js
 * absent or silent) it becomes the preview, whose code — the .xlsx reader and patcher — is a
 * separate chunk loaded only then, so the pane Excel loads stays small. A page Office opened
 * waits longer for Office.js; and if Office answers after the page became the preview, the page
 * starts again as the pane.
 */
export async function boot(doc: Document = document): Promise<Pane | undefined> {
  const win = doc.defaultView ?? undefined;
  const storage = sessionStorageOf(win);
  const where = await whereAmI(openedByOffice(win as Parameters<typeof openedByOffice>[0] | undefined) ? OFFICE_HOSTED_TIMEOUT_MS : OFFICE_READY_TIMEOUT_MS);
  if (where === 'excel') {
    const { displayLanguage, theme } = officeDisplay();
    applyTheme(doc.documentElement, theme);
    const pane = new Pane(new OfficeHost(), languageOf(displayLanguage), doc);
    pane.start();
    return pane;
  }
  const lang = where === 'other-office' ? languageOf(officeDisplay().displayLanguage) : browserLanguage(navigator.languages);
  renderStrings(doc, lang);
  if (where === 'other-office') {
    renderStatus(byId('status', doc), [{ text: STRINGS.notInExcel, tone: 'warning' }], lang);
    return undefined;
  }
  if (doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches) doc.documentElement.setAttribute('data-theme', 'dark');
  renderStatus(byId('status', doc), [{ text: STRINGS.previewLoading, tone: 'info' }], lang);
  lateOffice(() => win?.location.reload(), storage);
  const { startPreview } = await import(/* webpackChunkName: "preview" */ '../preview/startPreview');
  return startPreview(doc, lang);
}

function sessionStorageOf(win: Window | undefined): Storage | undefined {
  try {
    return win?.sessionStorage;
  } catch {
    return undefined; // blocked by the browser's settings
  }
}
