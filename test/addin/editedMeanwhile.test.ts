import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { defaultPack } from '../../src/packs/builtinPacks';
import { parseA1 } from '../../src/grid/address';
import { IndicatorTable } from '../../src/tables/indicatorTable';
import { checkWorkbook } from '../../addin/excel/checkWorkbook';
import { clearHighlights } from '../../addin/excel/clearHighlights';
import { FakeExcel } from './fakeExcel/fakeExcel';
import { FakeWorkbook } from './fakeExcel/fakeWorkbook';
import { fakeFor, gridOf, workbookFiles } from './helpers';
import { editFigure, hookSyncs } from './syncHooks';

/**
 * A check on a workbook edited between its read and its write (someone types while it evaluates)
 * writes nothing and says so; its own highlights, formats and notes never count as an edit.
 */

const checker = new PledgeChecker(defaultPack());
const ALL = { notes: true, comments: true };
/** The write's first sync: the read takes three. */
const WRITE_SYNC = 4;

async function check(state: FakeWorkbook, before?: Record<number, () => unknown>) {
  const fake = hookSyncs(new FakeExcel(state), { before });
  const outcome = await checkWorkbook(fake.context, checker, 'vi', ALL);
  expect(fake.violations).toEqual([]);
  return { outcome, fake };
}

/** The figures a check of this workbook reads, learnt on a copy. */
async function tablesOf(state: FakeWorkbook): Promise<IndicatorTable[]> {
  return (await check(state.reopened())).outcome.tables;
}

describe.each(workbookFiles())('$name', ({ path }) => {
  it('a figure typed before the write: nothing is written, earlier highlights stay, Clear still restores', async () => {
    const original = fakeFor(gridOf(path));
    const state = original.reopened();
    await check(state); // an earlier check's highlights
    const highlighted = state.snapshot();
    const memory = state.xmlParts.map((p) => p.xml);
    const tables = await tablesOf(state);
    let edited: { sheet: string; cell: string } | undefined;

    const { outcome, fake } = await check(state, { [WRITE_SYNC]: () => (edited = editFigure(state, tables)) });
    expect(outcome.edited).toBe(true);
    expect(outcome.write.marked).toBe(0);
    expect(outcome.findings.length).toBeGreaterThan(0); // what was found, for whoever wants it; the pane shows none
    expect(fake.syncs).toBe(WRITE_SYNC);
    expect(fake.log.filter((c) => c.op === 'set' || ['add', 'setXml', 'delete', 'clear'].includes(c.name))).toEqual([]);

    // Only the typed figure differs from before this check.
    const { row, col } = parseA1(edited!.cell);
    state.sheet(edited!.sheet).cells.set(`${row},${col}`, original.sheet(edited!.sheet).cells.get(`${row},${col}`)!);
    expect(state.snapshot()).toEqual(highlighted);
    expect(state.xmlParts.map((p) => p.xml)).toEqual(memory);
    await clearHighlights(new FakeExcel(state).context, ALL);
    expect(state.snapshot()).toEqual(original.snapshot());
  });
});

describe('what does not count as an edit', () => {
  const path = workbookFiles()[0].path;

  it('our own highlights and notes: a re-check writes, and leaves what one check leaves', async () => {
    const once = fakeFor(gridOf(path));
    expect((await check(once)).outcome.edited).toBe(false);
    const twice = fakeFor(gridOf(path));
    await check(twice);
    const { outcome } = await check(twice);
    expect(outcome.edited).toBe(false);
    expect(outcome.write.marked).toBeGreaterThan(0);
    expect(twice.snapshot()).toEqual(once.snapshot());
    expect(twice.xmlParts.map((p) => p.xml)).toEqual(once.xmlParts.map((p) => p.xml));
  });

  it('a fill changed, or text typed outside the figures, before the write', async () => {
    const state = fakeFor(gridOf(path));
    const tables = await tablesOf(state);
    const figure = parseA1(tables[0].observations.at(0)!.cell);
    const sheet = state.sheet(tables[0].sheet);
    const { outcome } = await check(state, {
      [WRITE_SYNC]: () => {
        sheet.fills.set(`${figure.row},${figure.col}`, { pattern: 'Solid', color: '#00B050', patternColor: '', tintAndShade: 0, patternTintAndShade: 0 });
        sheet.cells.set('5000,30', { value: 'ghi chú của người dùng', type: 'String' });
      },
    });
    expect(outcome.edited).toBe(false);
    expect(outcome.write.marked).toBeGreaterThan(0);
  });
});

describe('another Pledge Check writing meanwhile (the ribbon runs in its own runtime)', () => {
  it('is seen: the later check writes nothing, and the workbook is as one check leaves it', async () => {
    const path = workbookFiles()[0].path;
    const once = fakeFor(gridOf(path));
    await check(once);
    const state = fakeFor(gridOf(path));
    const { outcome } = await check(state, { [WRITE_SYNC]: () => check(state) });
    expect(outcome.edited).toBe(true);
    expect(state.snapshot()).toEqual(once.snapshot());
    expect(state.xmlParts.map((p) => p.xml)).toEqual(once.xmlParts.map((p) => p.xml));
  });
});
