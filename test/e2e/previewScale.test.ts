import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { writeNationalWorkbook } from '../../bench/endToEnd';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { defaultPack } from '../../src/packs/builtinPacks';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { artifactPath, e2eUnavailable, launchBrowser, serveDist } from './harness';
import { timePreview } from './previewTimings';

/**
 * The preview with a large workbook (the bench generator's layout, 300 units × 12 months: 3,600
 * rows, 25,200 findings) and at the pane's narrowest. The times are asserted loosely — CI machines
 * are shared; `npm run bench -- --only preview` measures them at national size against the goals
 * (first findings within 2 s of the read, each interaction under 100 ms). What is asserted
 * exactly is what keeps them small: a bounded number of elements drawn, whatever the workbook.
 */
const unavailable = e2eUnavailable();
/** Units in the large workbook: 300 by default; PLEDGE_E2E_UNITS=3319 runs the same test at national size (minutes). */
const UNITS = Number(process.env.PLEDGE_E2E_UNITS) || 300;
const LONG = Math.max(240_000, UNITS * 400);
const describeE2e = unavailable ? describe.skip : describe;

describeE2e('the preview with a large workbook, and at 350 px', () => {
  let server: Awaited<ReturnType<typeof serveDist>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let dir: string;
  let large: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pledge-e2e-large-'));
    large = join(dir, `toan-quoc-${UNITS}.xlsx`);
    await writeNationalWorkbook(large, UNITS);
    server = await serveDist();
    browser = await launchBrowser(server.url.replace(/\/$/, ''));
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(width: number): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource: net::ERR_FAILED/.test(m.text())) problems.push(m.text());
    });
    await page.goto(`${server.url}taskpane.html`);
    await page.waitForSelector('#drop-section:not([hidden])', { timeout: 15_000 });
    return { page, problems };
  }

  it(
    'shows the first units while the rest are checked, draws a bounded page, and answers at once',
    async () => {
      const { page, problems } = await open(1280);
      const t = await timePreview(page, large, LONG);
      await page.screenshot({ path: artifactPath('large-preview-1280.png') });
      // Loose bounds (see above); the bench holds the real goals.
      expect(t.firstFindingsAfterReadMs).toBeLessThan(30_000);
      expect(t.firstFindingsAfterReadMs).toBeLessThan(t.checkMs + 5_000);
      for (const ms of [t.filterMs, t.unfilterMs, t.languageMs, t.clickFindingMs, t.showMoreMs]) expect(ms).toBeLessThan(5_000);
      // All 25,200 findings are counted (grouped the reader's way: the language is Vietnamese by now), a page of them is drawn, a window of the sheet.
      // The same counts the core gives on the same file (vi-VN separators).
      const { findings } = await new PledgeChecker(defaultPack()).check(readWorkbook(readFileSync(large)));
      const n = (s: string) => findings.filter((f) => f.status === s).length.toLocaleString('de-DE');
      expect(await page.textContent('#status')).toContain(`${n('shortfall')} chưa đạt, ${n('no-data')} không có số liệu, ${n('met')} đạt`);
      expect(t.findingsDrawn).toBeLessThanOrEqual(200);
      expect(await page.locator('#sheet-grid td').count()).toBeLessThanOrEqual(40 * 42);
      expect(await page.locator('table.summary tbody tr').count()).toBeLessThanOrEqual(30);
      expect(await page.getAttribute('#unit-filter', 'type')).toBe('search'); // 3,600 unit rows: a search box, not a drop-down
      expect(problems).toEqual([]);
      await page.close();
    },
    LONG,
  );

  it('reads well at 350 px: whole words in the sheet, chips on one line, opaque sticky headers, the sample to try', async () => {
    const { page, problems } = await open(350);
    await page.click('#try-sample');
    await page.waitForSelector('#app[aria-busy="false"] li.finding', { timeout: 30_000 });
    await page.waitForSelector('#sheet-view:not([hidden]) td[data-mark]');
    await page.screenshot({ path: artifactPath('sample-350.png'), fullPage: true });
    const check = await page.evaluate(() => {
      const broken: string[] = [];
      for (const td of document.querySelectorAll('#sheet-grid td')) {
        const node = td.firstChild;
        if (!node || node.nodeType !== Node.TEXT_NODE) continue;
        const textOf = node.textContent ?? '';
        for (const m of textOf.matchAll(/\S+/g)) {
          const r = document.createRange();
          r.setStart(node, m.index!);
          r.setEnd(node, m.index! + m[0].length);
          if ([...r.getClientRects()].filter((x) => x.width > 0).length > 1) broken.push(m[0]);
        }
      }
      const wrappedChips = [...document.querySelectorAll('.chip')]
        .filter((c) => c.getClientRects().length > 1 || (c as HTMLElement).offsetHeight > 24)
        .map((c) => c.textContent);
      const header = document.querySelector('#sheet-grid thead th:not(.corner)')!;
      return { broken, wrappedChips, headerBackground: getComputedStyle(header).backgroundColor, headerPosition: getComputedStyle(header).position };
    });
    expect(check.broken).toEqual([]);
    expect(check.wrappedChips).toEqual([]);
    expect(check.headerPosition).toBe('sticky');
    expect(check.headerBackground).toMatch(/^rgb\(/); // not rgba(…, 0): the cells scrolled under it do not show through
    // Go to a cell, then back to the list with Escape.
    await page.locator('li.finding.shortfall button.finding-main').first().focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('D29');
    // The sticky row number beside the cell hides what scrolls under it, right to its edges.
    const showThrough = await page.evaluate(() => {
      const th = document.activeElement!.parentElement!.querySelector('th')!;
      const r = th.getBoundingClientRect();
      return [r.left + 0.5, r.left + r.width / 2, r.right - 0.5]
        .map((x) => document.elementFromPoint(x, r.top + r.height / 2))
        .filter((e) => !e || !th.contains(e)).length;
    });
    expect(showThrough).toBe(0);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.closest('li.finding')?.getAttribute('data-rule'))).toBe('traffic-deaths-down-10pct');
    expect(await page.textContent('#file-name')).toBe('bao-cao-ninh-binh-2025.xlsx');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
