import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { defaultPack } from '../../src/packs/builtinPacks';
import { MARK_FILL } from '../../src/xlsx/write/highlightPlan';
import { parseA1 } from '../../src/grid/address';
import { checkWorkbook, CheckOutcome } from '../../addin/excel/checkWorkbook';
import { clearHighlights } from '../../addin/excel/clearHighlights';
import { ReasonSupport } from '../../addin/excel/cellReasons';
import { MEMORY_NAMESPACE } from '../../addin/excel/memoryXml';
import { FakeExcel } from './fakeExcel/fakeExcel';
import { FakeWorkbook } from './fakeExcel/fakeWorkbook';
import { fakeFor, gridOf, workbookFiles } from './helpers';

const checker = new PledgeChecker(defaultPack());
const ALL: ReasonSupport = { notes: true, comments: true };

async function check(state: FakeWorkbook, reasons = ALL, lang: 'vi' | 'en' = 'vi'): Promise<{ outcome: CheckOutcome; fake: FakeExcel }> {
  const fake = new FakeExcel(state);
  const outcome = await checkWorkbook(fake.context, checker, lang, reasons);
  expect(fake.violations).toEqual([]);
  return { outcome, fake };
}

async function clear(state: FakeWorkbook, reasons = ALL) {
  const fake = new FakeExcel(state);
  const report = await clearHighlights(fake.context, reasons);
  expect(fake.violations).toEqual([]);
  return { report, fake };
}

/** Learn the flagged cells on a scratch copy, then give each of them a fill of its own to be put back. */
async function giveFlaggedCellsTheirOwnFills(state: FakeWorkbook): Promise<void> {
  const scratch = state.reopened();
  const { outcome } = await check(scratch);
  const fills = [
    { pattern: 'Solid', color: '#E2EFDA', patternColor: '', tintAndShade: 0, patternTintAndShade: 0 },
    { pattern: 'LightUp', color: '#FFF2CC', patternColor: '#7F7F7F', tintAndShade: -0.1, patternTintAndShade: 0.4 },
    { pattern: 'Solid', color: '#ED7D31', patternColor: '', tintAndShade: 0.8, patternTintAndShade: 0 },
  ];
  const cells = new Set<string>();
  for (const f of outcome.findings.filter((x) => x.status !== 'met')) {
    const a1 = f.cell;
    cells.add(`${f.sheet}!${a1}`);
  }
  [...cells].forEach((key, i) => {
    const [sheet, a1] = [key.slice(0, key.lastIndexOf('!')), key.slice(key.lastIndexOf('!') + 1)];
    const { row, col } = parseA1(a1);
    if (i % 4 !== 3) state.sheet(sheet).fills.set(`${row},${col}`, { ...fills[i % 4] });
    else state.sheet(sheet).fills.delete(`${row},${col}`);
  });
}

const markColor = (status: 'shortfall' | 'no-data') => `#${MARK_FILL[status].slice(2)}`;

describe.each(workbookFiles())('$name: check, then clear', ({ path }) => {
  it('marks every flagged cell with its colour and reason, and clear puts every cell back exactly', async () => {
    const state = fakeFor(gridOf(path));
    await giveFlaggedCellsTheirOwnFills(state);
    const before = state.snapshot();

    const { outcome, fake } = await check(state);
    expect(outcome.tables.length).toBeGreaterThan(0);
    const flagged = outcome.findings.filter((f) => f.status !== 'met');
    expect(outcome.write.marked).toBeGreaterThan(0);
    for (const f of flagged) {
      const cell = f.cell;
      const { row, col } = parseA1(cell);
      const fill = state.fillAt(f.sheet, row, col);
      // A cell with both a shortfall and a no-data finding is red.
      expect([markColor('shortfall'), markColor(f.status as 'shortfall' | 'no-data')]).toContain(fill.color);
      expect(state.reasons.find((r) => r.sheet === f.sheet && r.row === row && r.col === col)?.content).toContain(f.title.vi);
    }
    expect(state.xmlParts).toHaveLength(1);
    expect(state.snapshot()).not.toEqual(before);
    expect(fake.syncs).toBe(6);

    const { report, fake: clearing } = await clear(state);
    expect(report.restored).toBe(outcome.write.marked);
    expect(report.removedReasons).toBe(outcome.write.attached);
    expect(state.snapshot()).toEqual(before);
    expect(state.xmlParts).toEqual([]);
    expect(clearing.syncs).toBe(3);
  });

  it('re-checking replaces the highlights: checking twice leaves what checking once leaves', async () => {
    const once = fakeFor(gridOf(path));
    await check(once);
    const twice = fakeFor(gridOf(path));
    await check(twice);
    await check(twice);
    expect(twice.snapshot()).toEqual(once.snapshot());
    expect(twice.xmlParts.map((p) => p.xml)).toEqual(once.xmlParts.map((p) => p.xml));
    // And clear after two checks still restores the very first state.
    await clear(twice);
    expect(twice.snapshot()).toEqual(fakeFor(gridOf(path)).snapshot());
  });

  it('clears after the workbook was saved, closed and reopened (new context, memory from the file)', async () => {
    const state = fakeFor(gridOf(path));
    const before = state.snapshot();
    await check(state);
    const reopened = state.reopened();
    await clear(reopened);
    expect(reopened.snapshot()).toEqual(before);
  });
});

describe('the highlight memory', () => {
  it('is one custom XML part in the add-in namespace, written before any cell changes', async () => {
    const state = fakeFor(gridOf(workbookFiles()[0].path));
    const { fake } = await check(state);
    expect(state.xmlParts[0].xml).toContain(`xmlns="${MEMORY_NAMESPACE}"`);
    const firstFill = fake.log.findIndex((c) => c.target.includes('.format.fill'));
    const firstMemory = fake.log.findIndex((c) => c.target === 'customXmlParts' && c.name === 'add');
    expect(firstMemory).toBeGreaterThan(-1);
    expect(firstMemory).toBeLessThan(firstFill);
  });

  it('a Clear with nothing remembered changes nothing and says so', async () => {
    const state = fakeFor(gridOf(workbookFiles()[0].path));
    const before = state.snapshot();
    const { report, fake } = await clear(state);
    expect(report).toEqual({ restored: 0, removedReasons: 0, protectedSheets: [], missingSheets: [], threadsKept: [] });
    expect(state.snapshot()).toEqual(before);
    expect(fake.log.filter((c) => c.op === 'set')).toEqual([]);
  });
});
