import type { Page } from 'playwright-core';

/** What a person waits for in the preview, in milliseconds (see PreviewHost's performance marks). */
export interface PreviewTimings {
  /** From choosing the file to the workbook read (unzipped and parsed, in the worker). */
  readMs: number;
  /** From the workbook read to its tables found and cut into batches of units (in the worker, before any finding). */
  tablesMs: number;
  /** From the workbook read to the check's findings back on the page. */
  checkMs: number;
  /** From the workbook read to the first findings on screen: the 2 s goal. */
  firstFindingsAfterReadMs: number;
  /** From choosing the file to the first findings on screen. */
  firstFindingsMs: number;
  /** The longest task on the page between the first findings and the last (a click then waits at most this long; 0: none over 50 ms). */
  longestTaskDuringCheckMs: number;
  /** Each interaction, from the event to the next frame drawn (the median of three): the 100 ms goal. */
  filterMs: number;
  unfilterMs: number;
  languageMs: number;
  clickFindingMs: number;
  showMoreMs: number;
  findingsDrawn: number;
  elements: number;
}

/**
 * Loads a workbook in an open preview page and times it, then times the interactions a person
 * makes first. Each interaction is measured inside the page, from the click to the next animation
 * frame after it (the handler, the redraw and the layout), so the figure does not include
 * Playwright's own round trips.
 */
export async function timePreview(page: Page, file: string, timeoutMs = 240_000): Promise<PreviewTimings> {
  await page.evaluate(() => {
    performance.clearMarks();
    // Long tasks on the page while the check runs: how long a click could wait then.
    const w = window as unknown as { longTasks: Array<{ start: number; ms: number }> };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask' });
  });
  await page.setInputFiles('#file-input', file);
  await page.waitForSelector('li.finding', { timeout: timeoutMs });
  // Interactions are timed once the whole check is in: later batches redraw the list as they come.
  await page.waitForSelector('#app[aria-busy="false"]', { timeout: timeoutMs });
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name.replace('pledge-check:', ''), m.startTime])),
  );
  const interact = (selector: string) =>
    page.evaluate(async (sel) => {
      const target = document.querySelector<HTMLElement>(sel);
      if (!target) throw new Error(`nothing matches ${sel}`);
      const t0 = performance.now();
      target.click();
      await new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      return performance.now() - t0;
    }, selector);
  // Each interaction three times, the median kept: the machines these run on are shared, one slow frame is noise.
  // (An odd number of language switches: the page ends in the other language, as after one.)
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const filters: number[] = [];
  const unfilters: number[] = [];
  const languages: number[] = [];
  const clicks: number[] = [];
  for (let i = 0; i < 3; i++) {
    filters.push(await interact('button.toggle.met'));
    unfilters.push(await interact('button.toggle.met'));
    languages.push(await interact('#language'));
  }
  // A finding of each status (its cell is elsewhere in the sheet each time), those the list has.
  for (const status of ['shortfall', 'no-data', 'met']) {
    const sel = `li.finding.${status} button.finding-main`;
    if (await page.$(sel)) clicks.push(await interact(sel));
  }
  const [filterMs, unfilterMs, languageMs, clickFindingMs] = [filters, unfilters, languages, clicks].map(median);
  const showMoreMs = (await page.$('button.more')) ? await interact('button.more') : 0;
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: Array<{ start: number; ms: number }> }).longTasks);
  const duringCheck = longTasks.filter((t) => t.start >= marks['first-findings'] && t.start < marks['checked']).map((t) => t.ms);
  const counts = await page.evaluate(() => ({
    findingsDrawn: document.querySelectorAll('li.finding').length,
    elements: document.getElementsByTagName('*').length,
  }));
  return {
    readMs: marks['workbook-read'] - marks['file-chosen'],
    tablesMs: marks['tables-found'] - marks['workbook-read'],
    checkMs: marks['checked'] - marks['workbook-read'],
    firstFindingsAfterReadMs: marks['first-findings'] - marks['workbook-read'],
    firstFindingsMs: marks['first-findings'] - marks['file-chosen'],
    longestTaskDuringCheckMs: duringCheck.reduce((a, b) => Math.max(a, b), 0),
    filterMs,
    unfilterMs,
    languageMs,
    clickFindingMs,
    showMoreMs,
    ...counts,
  };
}
