/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"], "url": "https://pledge-check.example/taskpane.html?_host_Info=Excel$Win32$16.01$vi-VN$$$$0"}
 */
import { lateOffice, whereAmI } from '../../../addin/officeReady';
import { openedByOffice } from '../../../addin/officeSigns';
import { boot } from '../../../addin/taskpane/boot';
import { FakeExcel } from '../fakeExcel/fakeExcel';
import { fakeFor, gridOf, installExcel, installOffice, workbookFiles } from '../helpers';
import { loadPaneMarkup } from '../paneDom';

/**
 * Issue #13 (6). Office.onReady inside Excel on a slow PC can take longer than 3 s; the pane must
 * not become the browser preview inside Excel.
 */

/** Office.js that answers "Excel" only after `ms`. */
function slowOffice(ms: number): void {
  installOffice();
  const office = (globalThis as Record<string, unknown>).Office as { onReady: unknown };
  office.onReady = () => new Promise((resolve) => setTimeout(() => resolve({ host: 'Excel' }), ms));
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
  sessionStorage.clear();
});

describe('start-up inside Excel', () => {
  it('a page Office opened waits past 3 s for a slow Office.onReady and starts as the pane', async () => {
    loadPaneMarkup();
    slowOffice(3_500);
    const state = fakeFor(gridOf(workbookFiles()[0].path));
    installExcel(() => new FakeExcel(state));
    const pane = await boot(document);
    expect(pane).toBeDefined();
    expect(document.getElementById('preview-badge')!.hidden).toBe(true);
    expect(document.getElementById('drop-section')!.hidden).toBe(true);
  }, 20_000);

  it('when Office answers after the page gave up, the page restarts as the pane and waits longer next time', async () => {
    slowOffice(200);
    expect(await whereAmI(20)).toBe('browser');
    const restarted = new Promise<void>((resolve) => lateOffice(resolve, sessionStorage));
    await restarted;
    expect(openedByOffice({ location: { search: '' }, sessionStorage })).toBe(true);
  });

  it('in a plain browser, where Office never answers, nothing restarts', async () => {
    let restarted = false;
    lateOffice(() => (restarted = true), sessionStorage);
    await new Promise((r) => setTimeout(r, 20));
    expect(restarted).toBe(false);
  });
});
