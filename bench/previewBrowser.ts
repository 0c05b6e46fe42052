/**
 * The browser preview at national size (3,319 units × 12 months, 278,796 findings) in headless
 * Chromium: from choosing the file to the workbook read, its tables found (the core's
 * findIndicatorTables, in the worker) and the first findings on screen (the frame drawn), the
 * whole check with the longest task on the page meanwhile, and each interaction (filter, language,
 * go to cell, show more) from the click to the next frame, the median of three. Goals: tables
 * found within 1.5 s and first findings within 2 s of the workbook read, interactions under
 * 100 ms. Needs Chromium and a build (`npm run build`); skipped without them.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { writeNationalWorkbook } from './endToEnd';
import type { Figure } from './run';

/** The e2e helpers run in the page (DOM types): loaded by a path tsc does not follow, type-checked with test/e2e. */
const HARNESS = '../test/e2e/harness';
const TIMINGS = '../test/e2e/previewTimings';

/** What this section uses of test/e2e/harness.ts and previewTimings.ts (their own types need the DOM library). */
interface Page {
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  goto(url: string): Promise<unknown>;
  waitForSelector(selector: string): Promise<unknown>;
}
interface Harness {
  e2eUnavailable(): string | undefined;
  serveDist(): Promise<{ url: string; close(): Promise<void> }>;
  launchBrowser(origin: string): Promise<{ context: { newPage(): Promise<Page> }; close(): Promise<void> }>;
}
interface Timings {
  readMs: number;
  tablesMs: number;
  checkMs: number;
  firstFindingsAfterReadMs: number;
  firstFindingsMs: number;
  longestTaskDuringCheckMs: number;
  filterMs: number;
  unfilterMs: number;
  languageMs: number;
  clickFindingMs: number;
  showMoreMs: number;
  elements: number;
}

export async function previewFigures(quick: boolean): Promise<Figure[]> {
  const harness = (await import(HARNESS)) as Harness;
  const { timePreview } = (await import(TIMINGS)) as { timePreview(page: unknown, file: string, timeoutMs: number): Promise<Timings> };
  const why = harness.e2eUnavailable();
  if (why) {
    console.log(`preview: skipped (${why})`);
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'pledge-bench-preview-'));
  const units = quick ? 300 : 3319;
  const file = join(dir, 'toan-quoc.xlsx');
  await writeNationalWorkbook(file, units);
  const server = await harness.serveDist();
  const browser = await harness.launchBrowser(server.url.replace(/\/$/, ''));
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}taskpane.html`);
    await page.waitForSelector('#drop-section:not([hidden])');
    const t = await timePreview(page, file, 600_000);
    console.log(
      `preview ${units * 12} rows: read ${t.readMs.toFixed(0)} ms, tables found ${t.tablesMs.toFixed(0)} ms after the read, first findings ${t.firstFindingsAfterReadMs.toFixed(0)} ms after the read ` +
        `(${t.firstFindingsMs.toFixed(0)} ms after choosing), whole check ${t.checkMs.toFixed(0)} ms (longest task on the page meanwhile ${t.longestTaskDuringCheckMs.toFixed(0)} ms); filter ${t.filterMs.toFixed(0)} ms, ` +
        `language ${t.languageMs.toFixed(0)} ms, go to cell ${t.clickFindingMs.toFixed(0)} ms, show more ${t.showMoreMs.toFixed(0)} ms; ${t.elements} elements`,
    );
    const ms = (name: string, measured: number, target: number | null): Figure => ({
      name: `preview.${name}`,
      measured: Math.round(measured),
      target,
      unit: 'ms',
      pass: target === null ? null : measured <= target,
    });
    return [
      ms('read-ms', t.readMs, null),
      // Finding the tables is most of the wait for the first findings: within 1.5 s of the read, the first batch's findings fit in the 2 s goal.
      ms('tables-found-after-read-ms', t.tablesMs, 1500),
      ms('first-findings-after-read-ms', t.firstFindingsAfterReadMs, 2000),
      ms('first-findings-after-choosing-ms', t.firstFindingsMs, null),
      ms('whole-check-ms', t.checkMs, null),
      ms('longest-task-during-check-ms', t.longestTaskDuringCheckMs, null),
      ms('filter-ms', Math.max(t.filterMs, t.unfilterMs), 100),
      ms('language-ms', t.languageMs, 100),
      ms('go-to-cell-ms', t.clickFindingMs, 100),
      ms('show-more-ms', t.showMoreMs, 100),
    ];
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
