import { readFileSync, writeFileSync } from 'fs';
import { basename, join } from 'path';
import { unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { MARK_FILL } from '../../src/xlsx/write/highlightPlan';
import { ExpectedWorkbook, loadExpectations } from '../helpers/expectations';
import { hasSharedFixtures, SAMPLES, SHARED_FIXTURES } from '../helpers/paths';
import { artifactPath, e2eUnavailable, launchBrowser, serveDist } from './harness';

/**
 * The built pane in a real headless Chromium, opened as a plain web page: Office.js cannot load,
 * so it is the preview. For every workbook layout it loads the file, and checks what a person sees
 * (findings and their statuses as samples/expected.json and the shared fixtures list them, the
 * marked cells of the sheet, both languages) and what they download (the highlighted copy, read
 * back with the core's reader). Screenshots go to test-artifacts/e2e/.
 */
const unavailable = e2eUnavailable();
const describeE2e = unavailable ? describe.skip : describe;
if (unavailable) console.warn(`end-to-end tests skipped: ${unavailable}`);

const workbooks: { dir: string; file: string; exp: ExpectedWorkbook }[] = [
  ...Object.entries(loadExpectations(SAMPLES)).map(([file, exp]) => ({ dir: SAMPLES, file, exp })),
  ...(hasSharedFixtures ? Object.entries(loadExpectations(SHARED_FIXTURES)).map(([file, exp]) => ({ dir: SHARED_FIXTURES, file, exp })) : []),
];

const nfc = (s: string) => s.normalize('NFC');
const shotName = (file: string, what: string) => artifactPath(`${basename(file, '.xlsx')}-${what}.png`);

describeE2e('the pane in a browser without Excel (preview)', () => {
  let server: Awaited<ReturnType<typeof serveDist>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchBrowser(server.url.replace(/\/$/, ''));
    context = browser.context;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh page with the workbook loaded and checked; collects what the console says about security. */
  async function openWorkbook(path: string, width = 320): Promise<{ page: Page; problems: string[] }> {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      // Office.js's CDN is blocked on purpose; anything else logged as an error is a failure.
      if (m.type() === 'error' && !/Failed to load resource: net::ERR_FAILED/.test(m.text())) problems.push(m.text());
    });
    await page.goto(`${server.url}taskpane.html`);
    await page.waitForSelector('#drop-section:not([hidden])', { timeout: 15_000 });
    await page.setInputFiles('#file-input', path);
    await page.waitForFunction(
      () => !document.getElementById('results')!.hidden || document.querySelector('#status .message.warning, #status .message.error'),
      undefined,
      {
        timeout: 20_000,
      },
    );
    return { page, problems };
  }

  it('opens as the preview when Office.js is absent, under the CSP, with the loader, the pane and the preview chunk only', async () => {
    const page = await context.newPage();
    const scripts: string[] = [];
    const violations: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && violations.push(m.text()));
    await page.goto(`${server.url}taskpane.html`);
    await page.waitForSelector('#drop-section:not([hidden])', { timeout: 15_000 });
    expect(await page.getAttribute('#app', 'data-mode')).toBe('preview');
    expect(await page.isVisible('#preview-badge')).toBe(true);
    expect(await page.isHidden('#clear')).toBe(true);
    const local = scripts.filter((u) => u.startsWith(server.url)).map((u) => u.slice(server.url.length).replace(/\.[0-9a-f]{8}\.js$/, '.js'));
    // office-loader.js decides not to load Office.js outside Office (addin/officeSigns.ts): no Office.js request at all.
    expect(local.sort()).toEqual(['office-loader.js', 'preview.js', 'taskpane.js']);
    expect(scripts.filter((u) => /office\.js/.test(u))).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });

  describe.each(workbooks)('$file', ({ dir, file, exp }) => {
    it('shows every finding with its expected status, marks the cells, switches language, and downloads the highlighted copy', async () => {
      const path = join(dir, file);
      const { page, problems } = await openWorkbook(path);
      await page.screenshot({ path: shotName(file, 'pane-en-320') });

      // Findings: one list item per (rule, unit), with the expected status.
      const shown = await page.$$eval('li.finding', (items) =>
        items.map((li) => ({ rule: li.getAttribute('data-rule')!, unit: li.getAttribute('data-unit')!, status: li.className.replace('finding', '').trim() })),
      );
      expect(shown).toHaveLength(exp.expected.length);
      for (const e of exp.expected) {
        const f = shown.find((s) => s.rule === e.ruleId && nfc(s.unit).startsWith(nfc(e.unit)));
        expect({ rule: e.ruleId, unit: e.unit, status: f?.status }).toEqual({ rule: e.ruleId, unit: e.unit, status: e.status });
      }

      // The summary counts what the list shows.
      const totals = await page.$$eval('table.summary tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => Number(td.textContent))));
      const sum = totals.reduce((t, r) => [t[0] + r[0], t[1] + r[1], t[2] + r[2]], [0, 0, 0]);
      const count = (s: string) => exp.expected.filter((e) => e.status === s).length;
      expect(sum).toEqual([count('shortfall'), count('no-data'), count('met')]);

      // The sheet: each flagged finding's cell is marked, with its reason as title and accessible description.
      const flagged = exp.expected.filter((e) => e.status !== 'met');
      if (flagged.length > 0) {
        const sheetName = await page.$eval('#sheet-select', (s) => (s as HTMLSelectElement).selectedOptions[0].textContent);
        expect(sheetName).toBe(flagged[0].sheet);
        const marks = await page.$$eval('td[data-mark]', (tds) =>
          tds.map((td) => ({
            cell: td.getAttribute('data-cell')!,
            status: td.getAttribute('data-mark')!,
            title: td.getAttribute('title') ?? '',
            described: document.getElementById(td.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
            focusable: td.tabIndex === 0,
          })),
        );
        for (const e of flagged.filter((x) => x.sheet === flagged[0].sheet)) {
          const m = marks.find((x) => e.cells.includes(x.cell));
          expect({ rule: e.ruleId, unit: e.unit, marked: Boolean(m) }).toEqual({ rule: e.ruleId, unit: e.unit, marked: true });
          if (e.status === 'shortfall') expect(m!.status).toBe('shortfall');
          expect(m!.title).toMatch(e.status === 'shortfall' ? /Shortfall/ : /Shortfall|No data/);
          expect(m!.described).toBe(m!.title);
          expect(m!.focusable).toBe(true);
        }

        // Clicking a finding, or Enter on it, shows its cell in the sheet.
        const first = flagged[0];
        const index = shown.findIndex((s) => s.rule === first.ruleId && nfc(s.unit).startsWith(nfc(first.unit)));
        await page.locator('li.finding button.finding-main').nth(index).focus();
        await page.keyboard.press('Enter');
        const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-cell'));
        expect(first.cells).toContain(focused);
      }

      // Filters: hiding met targets leaves only what needs attention.
      await page.click('button.toggle.met');
      expect(await page.locator('li.finding.met').count()).toBe(0);
      expect(await page.locator('li.finding').count()).toBe(flagged.length);
      await page.click('button.toggle.met');

      // Language: English first (the browser's), then Vietnamese with Vietnamese numbers.
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.textContent('#check')).toBe('Check targets');
      await page.click('#language');
      expect(await page.getAttribute('html', 'lang')).toBe('vi');
      expect(await page.textContent('#check')).toBe('Kiểm tra');
      const chips = await page.$$eval('li.finding .chip', (c) => [...new Set(c.map((x) => x.textContent))]);
      for (const c of chips) expect(['Đạt', 'Chưa đạt', 'Không có số liệu']).toContain(c);
      const figures = await page.$$eval('.figures .figure', (f) => f.map((x) => x.textContent ?? ''));
      const decimals = figures.filter((f) => /\d[.,]\d/.test(f) && /%$/.test(f));
      for (const d of decimals) expect(d).toMatch(/^[-−≥≤<>=\u00a0]*[\d.]+(,\d+)?\u00a0(điểm\u00a0)?%$/); // 93,1 % — comma decimals, dot thousands, no-break spaces
      if (flagged.length > 0) expect(await page.$eval('td[data-mark]', (td) => td.getAttribute('title'))).toMatch(/Chưa đạt|Không có số liệu/);
      await page.screenshot({ path: shotName(file, 'pane-vi-320') });

      // The download: the copy made by writeHighlightedCopy, in the pane's language.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      expect(download.suggestedFilename()).toBe(`${basename(file, '.xlsx')}-kiem-tra.xlsx`);
      const saved = artifactPath(download.suggestedFilename());
      await download.saveAs(saved);
      const copy = new Uint8Array(readFileSync(saved));
      const before = readWorkbook(new Uint8Array(readFileSync(path)));
      const after = readWorkbook(copy);
      expect(after.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), 'Kết quả kiểm tra']);
      for (const s of before.sheets) expect(after.sheets.find((x) => x.name === s.name)!.rows).toEqual(s.rows); // no value changed
      const marked = markedCells(copy);
      for (const e of flagged)
        expect({ rule: e.ruleId, cells: e.cells, marked: e.cells.some((c) => marked.has(`${e.sheet}!${c}`)) }).toEqual({
          rule: e.ruleId,
          cells: e.cells,
          marked: true,
        });

      // The wide layout a plain browser gets: findings beside the sheet.
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: shotName(file, 'preview-vi-1280') });

      expect(problems).toEqual([]);
      await page.close();
    });
  });
});

/**
 * Cells (`sheet!A1`) of the copy whose style now fills with one of the mark colours: the copy's
 * worksheets and styles read as the patcher wrote them.
 */
function markedCells(copy: Uint8Array): Set<string> {
  const parts = unzipSync(copy);
  const text = (name: string) => Buffer.from(parts[name]).toString('utf8');
  const wbXml = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  const styles = text('xl/styles.xml');
  const fills = [...styles.matchAll(/<fill>([\s\S]*?)<\/fill>/g)].map((m) => m[1]);
  const markFills = new Set(fills.flatMap((f, i) => (Object.values(MARK_FILL).some((argb) => f.includes(argb)) ? [i] : [])));
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1];
  const xfFill = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => Number(/fillId="(\d+)"/.exec(m[0])?.[1] ?? 0));
  const out = new Set<string>();
  for (const m of wbXml.matchAll(/<sheet\b[^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels);
    const path = `xl/${(target?.[1] ?? target?.[2] ?? '').replace(/^\/?xl\//, '')}`;
    if (!parts[path]) continue;
    for (const c of text(path).matchAll(/<c r="([A-Z]+\d+)"[^>]*?\ss="(\d+)"/g)) {
      if (markFills.has(xfFill[Number(c[2])])) out.add(`${unescapeXml(m[1])}!${c[1]}`);
    }
  }
  return out;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

// Keep the artefacts folder discoverable from a failed run's output.
afterAll(() => {
  if (!unavailable) writeFileSync(artifactPath('README.txt'), 'Screenshots and downloads of test/e2e/preview.test.ts (git-ignored).\n');
});
