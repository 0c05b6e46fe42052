/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node's export conditions: the core's dependencies then load as CommonJS, as under the CLI's tests.
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { defaultPack } from '../../src/packs/builtinPacks';
import { IndicatorTable } from '../../src/tables/indicatorTable';
import { checkTargets } from '../../addin/actions';
import { checkWorkbook } from '../../addin/excel/checkWorkbook';
import { clearHighlights } from '../../addin/excel/clearHighlights';
import { OfficeHost } from '../../addin/officeHost';
import { boot } from '../../addin/taskpane/boot';
import { Pane } from '../../addin/taskpane/pane';
import { FakeExcel } from './fakeExcel/fakeExcel';
import { FakeWorkbook } from './fakeExcel/fakeWorkbook';
import { fakeFor, gridOf, installExcel, installOffice, workbookFiles } from './helpers';
import { $, $$, loadPaneMarkup, text, until } from './paneDom';
import { editFigure, hookSyncs, runsOf } from './syncHooks';

/**
 * Two pieces of Excel work started together in one runtime never interleave (workbookLock), the
 * pane ignores a click while it is busy, an edit made during a check is caught and the check can
 * be run again, and checking twice leaves what checking once leaves.
 */

const CLUSTER = workbookFiles().find((f) => f.name === 'tong-hop-cum-2025.xlsx')!.path;
const ALL = { notes: true, comments: true };
const WRITE_SYNC = 4;
const checker = new PledgeChecker(defaultPack());

interface Harness {
  state: FakeWorkbook;
  /** One fake per Excel.run, in the order the batches started. */
  excels: FakeExcel[];
  /** `run#:sync#` as each sync went out, across every batch. */
  timeline: string[];
}

/**
 * `Office` and `Excel` around one workbook; every batch's syncs wait a few milliseconds, so two
 * batches started together overlap unless something keeps them apart. `onRun(i)` may hook the
 * i-th batch's syncs (e.g. to edit the workbook before its write).
 */
function install(onRun: (i: number) => Record<number, () => unknown> | undefined = () => undefined): Harness {
  const state = fakeFor(gridOf(CLUSTER));
  const h: Harness = { state, excels: [], timeline: [] };
  installOffice(ALL, 'vi-VN');
  installExcel(() => {
    const i = h.excels.length + 1;
    const fake = hookSyncs(new FakeExcel(state), { delayMs: 3, timeline: h.timeline, label: `run${i}`, before: onRun(i) });
    h.excels.push(fake);
    return fake;
  });
  return h;
}

async function openPane(onRun?: (i: number) => Record<number, () => unknown> | undefined): Promise<Harness & { pane: Pane }> {
  loadPaneMarkup();
  const h = install(onRun);
  const pane = await boot(document);
  if (!pane) throw new Error('the pane did not start in Excel mode');
  return { ...h, pane };
}

const idle = () => !$<HTMLButtonElement>('#check').disabled && $('#app').getAttribute('aria-busy') === 'false';

/** What one check leaves in a fresh copy of the workbook. */
async function checkedOnce(): Promise<FakeWorkbook> {
  const once = fakeFor(gridOf(CLUSTER));
  await checkWorkbook(new FakeExcel(once).context, checker, 'vi', ALL);
  return once;
}

async function tablesOf(state: FakeWorkbook): Promise<IndicatorTable[]> {
  return (await checkWorkbook(new FakeExcel(state.reopened()).context, checker, 'vi', ALL)).tables;
}

const sameWorkbook = (a: FakeWorkbook, b: FakeWorkbook) => {
  expect(a.snapshot()).toEqual(b.snapshot());
  expect(a.xmlParts.map((p) => p.xml)).toEqual(b.xmlParts.map((p) => p.xml));
};

/** Everything a check writes (the values are the person's). */
function fillsAndNotes(state: FakeWorkbook): unknown {
  const snap = state.snapshot() as { sheets: { fills: unknown }[]; reasons: unknown };
  return [snap.sheets.map((x) => x.fills), snap.reasons, state.xmlParts.map((p) => p.xml)];
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
});

describe('one piece of Excel work at a time (workbookLock)', () => {
  it('the ribbon’s Check pressed twice: the second batch starts after the first ends, and the workbook is as one check leaves it', async () => {
    const h = install();
    const original = h.state.snapshot();
    await Promise.all([checkTargets('vi'), checkTargets('vi')]);
    expect(runsOf(h.timeline)).toEqual(['run1', 'run2']);
    sameWorkbook(h.state, await checkedOnce());
    await clearHighlights(new FakeExcel(h.state).context, ALL);
    expect(h.state.snapshot()).toEqual(original);
  });

  it('the ribbon’s Check while the pane’s Check runs, then Clear: one after another', async () => {
    const h = install();
    const original = h.state.snapshot();
    const host = new OfficeHost();
    const pane = host.check(checker, 'vi', () => undefined);
    const ribbon = checkTargets('vi');
    const clear = host.clear(() => undefined);
    await Promise.all([pane, ribbon, clear]);
    expect(runsOf(h.timeline)).toEqual(['run1', 'run2', 'run3']);
    expect(h.state.snapshot()).toEqual(original);
    expect(h.state.xmlParts).toEqual([]);
  });

  it('a batch that fails does not hold up the next', async () => {
    const h = install((i) => (i === 1 ? { 2: () => Promise.reject(new Error('Excel refused')) } : undefined));
    const results = await Promise.allSettled([checkTargets('vi'), checkTargets('vi')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(runsOf(h.timeline)).toEqual(['run1', 'run2']);
  });
});

describe('the pane while it is busy', () => {
  it('ignores a second Check, a Clear and the preview’s check() that land mid-check', async () => {
    const { pane, excels, state } = await openPane();
    $('#check').click();
    await until(() => excels.length === 1 && excels[0].syncs >= 1, 'the check to be under way');
    expect($<HTMLButtonElement>('#check').disabled).toBe(true);
    // Clicks that land before the button is drawn disabled (a fast double click) reach the listeners.
    $('#check').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    $('#clear').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await pane.check();
    await until(idle, 'the check to end');
    await new Promise((r) => setTimeout(r, 50)); // anything wrongly queued behind the lock would run now
    expect(excels).toHaveLength(1);
    expect($('#results').hidden).toBe(false);
    sameWorkbook(state, await checkedOnce());
  });

  it('checking twice leaves the highlights, their memory and the list that checking once leaves', async () => {
    const { state } = await openPane();
    $('#check').click();
    await until(() => idle() && !$('#results').hidden, 'the first check');
    const listed = $$('li.finding').map((li) => li.textContent);
    $('#check').click();
    await until(idle, 'the second check');
    expect($$('li.finding').map((li) => li.textContent)).toEqual(listed);
    sameWorkbook(state, await checkedOnce());
  });
});

describe('a workbook edited during the check', () => {
  it('the pane writes nothing, says so and offers Check again, which checks and highlights', async () => {
    let tables: IndicatorTable[] = [];
    const { state, excels } = await openPane((i) => (i === 1 ? { [WRITE_SYNC]: () => editFigure(state, tables) } : undefined));
    tables = await tablesOf(state);
    const before = fillsAndNotes(state);
    $('#check').click();
    await until(() => idle() && excels.length === 1 && excels[0].syncs === WRITE_SYNC, 'the first check');
    expect(text('#status')).toMatch(/^Sổ đã được sửa trong khi kiểm tra — kiểm tra lại\?/);
    expect($('#status .message.warning')).toBeTruthy();
    expect($('#results').hidden).toBe(true);
    expect(state.xmlParts).toEqual([]);
    expect(fillsAndNotes(state)).toEqual(before);

    const again = $<HTMLButtonElement>('#status button[data-action="check-again"]');
    expect(again.textContent).toBe('Kiểm tra lại');
    again.click();
    await until(() => idle() && !$('#results').hidden, 'the second check');
    expect(excels).toHaveLength(2);
    expect(text('#status')).toMatch(/^Đã kiểm tra 1 bảng chỉ tiêu/);
    expect(state.xmlParts).toHaveLength(1);
    expect(state.reasons.length).toBeGreaterThan(0);
  });

  it('the ribbon, with nowhere to ask, checks again once', async () => {
    let tables: IndicatorTable[] = [];
    const h = install((i) => (i === 1 ? { [WRITE_SYNC]: () => editFigure(h.state, tables) } : undefined));
    tables = await tablesOf(h.state);
    const outcome = await checkTargets('vi');
    expect(outcome.edited).toBe(false);
    expect(h.excels).toHaveLength(2);
    expect(h.excels[0].syncs).toBe(WRITE_SYNC);
    expect(outcome.write.marked).toBeGreaterThan(0);
    expect(h.state.xmlParts).toHaveLength(1);
  });
});
