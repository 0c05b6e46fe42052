import { openedByOffice } from './officeSigns';

/**
 * The first script of every page: loads Office.js (CDN or self-hosted, the page's
 * `data-office-js`) when Office opened the page, and nothing in a plain browser (officeSigns.ts).
 * `document.write` while the head is parsed makes it the same parser-blocking script a static tag
 * would be, so Office.js is ready before the page's own (deferred) bundle runs, as Office requires.
 */
const me = document.currentScript;
const officeJs = me?.getAttribute('data-office-js');
if (officeJs && openedByOffice(window as unknown as Parameters<typeof openedByOffice>[0])) {
  document.write(`<script src="${officeJs.replace(/[&"<>]/g, '')}"></script>`);
}
