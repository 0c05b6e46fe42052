import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { defaultPack } from '../../src/packs/builtinPacks';
import { parseA1 } from '../../src/grid/address';
import { checkWorkbook } from '../../addin/excel/checkWorkbook';
import { clearHighlights } from '../../addin/excel/clearHighlights';
import { ReasonSupport } from '../../addin/excel/cellReasons';
import { checkWarnings, clearSummary, noIndicatorTable } from '../../addin/messages';
import { sheet, workbook } from '../helpers/grid';
import { FakeExcel } from './fakeExcel/fakeExcel';
import { FakeWorkbook } from './fakeExcel/fakeWorkbook';
import { fakeFor, gridOf, workbookFiles } from './helpers';

const checker = new PledgeChecker(defaultPack());
const file = (name: string) => workbookFiles().find((f) => f.name === name)!.path;
const LAYOUT_A = file('bao-cao-ninh-binh-2025.xlsx');
const LAYOUT_B = file('tong-hop-cum-2025.xlsx');

async function check(state: FakeWorkbook, reasons: ReasonSupport = { notes: true, comments: true }) {
  const fake = new FakeExcel(state);
  const outcome = await checkWorkbook(fake.context, checker, 'vi', reasons);
  expect(fake.violations).toEqual([]);
  return { outcome, fake };
}

async function clear(state: FakeWorkbook, reasons: ReasonSupport = { notes: true, comments: true }) {
  const fake = new FakeExcel(state);
  return clearHighlights(fake.context, reasons);
}

/** Where the first flagged finding's mark goes. */
function firstMark(outcome: Awaited<ReturnType<typeof check>>['outcome']) {
  const f = outcome.findings.find((x) => x.status === 'shortfall')!;
  return { sheet: f.sheet, ...parseA1(f.cell) };
}

describe('a protected sheet', () => {
  it('gets no highlight and no note, while its findings are listed and a message names it', async () => {
    const free = fakeFor(gridOf(LAYOUT_B));
    const { outcome: expected } = await check(free);

    const state = fakeFor(gridOf(LAYOUT_B));
    const sheetName = expected.findings[0].sheet;
    state.sheet(sheetName).protected = true;
    const before = state.snapshot();
    const { outcome, fake } = await check(state);

    expect(JSON.stringify(outcome.findings)).toBe(JSON.stringify(expected.findings));
    expect(outcome.write.protectedSheets).toEqual([sheetName]);
    expect(outcome.write.marked).toBe(0);
    expect(state.snapshot()).toEqual(before);
    expect(fake.log.filter((c) => c.target.includes('.format.fill') || (c.op === 'call' && c.name === 'add' && c.target !== 'customXmlParts'))).toEqual([]);
    const [message] = checkWarnings(outcome);
    expect(message.vi).toContain(`"${sheetName}"`);
    expect(message.vi).toMatch(/bảo vệ/);
    expect(message.en).toContain(`"${sheetName}"`);
    expect(message.en).toMatch(/protected/);
  });

  it('keeps its old highlights remembered until it is unprotected, then Clear restores them', async () => {
    const state = fakeFor(gridOf(LAYOUT_B));
    const before = state.snapshot();
    const { outcome } = await check(state);
    const name = outcome.findings[0].sheet;

    state.sheet(name).protected = true;
    const blocked = await clear(state);
    expect(blocked.protectedSheets).toEqual([name]);
    expect(clearSummary(blocked)[1].en).toMatch(/protected/);
    expect(state.xmlParts).toHaveLength(1);

    state.sheet(name).protected = false;
    await clear(state);
    expect(state.snapshot()).toEqual(before);
    expect(state.xmlParts).toEqual([]);
  });
});

describe('reasons on cells', () => {
  it('are notes where ExcelApi 1.18 is supported', async () => {
    const state = fakeFor(gridOf(LAYOUT_A));
    const { outcome } = await check(state, { notes: true, comments: true });
    expect(outcome.write.attachKind).toBe('note');
    expect(state.reasons.length).toBe(outcome.write.marked);
    expect(new Set(state.reasons.map((r) => r.kind))).toEqual(new Set(['note']));
  });

  it('are threaded comments where only ExcelApi 1.10 is', async () => {
    const state = fakeFor(gridOf(LAYOUT_A));
    const before = state.snapshot();
    const { outcome } = await check(state, { notes: false, comments: true });
    expect(outcome.write.attachKind).toBe('comment');
    expect(new Set(state.reasons.map((r) => r.kind))).toEqual(new Set(['comment']));
    await clear(state, { notes: false, comments: true });
    expect(state.snapshot()).toEqual(before);
  });

  it('are left out where neither is, the cells still highlighted and a message saying so', async () => {
    const state = fakeFor(gridOf(LAYOUT_A));
    const before = state.snapshot();
    const { outcome } = await check(state, { notes: false, comments: false });
    expect(outcome.write.attachKind).toBeNull();
    expect(outcome.write.marked).toBeGreaterThan(0);
    expect(state.reasons).toEqual([]);
    expect(
      checkWarnings(outcome)
        .map((m) => m.en)
        .join(' '),
    ).toMatch(/neither notes nor comments/);
    await clear(state, { notes: false, comments: false });
    expect(state.snapshot()).toEqual(before);
  });

  it("never replace someone's note, and Clear leaves it", async () => {
    const scratch = fakeFor(gridOf(LAYOUT_A));
    const mark = firstMark((await check(scratch)).outcome);
    const state = fakeFor(gridOf(LAYOUT_A));
    state.reasons.push({ id: 'user-1', kind: 'note', sheet: mark.sheet, row: mark.row, col: mark.col, content: 'Số liệu đã đối chiếu với Phòng PC02.' });
    const before = state.snapshot();

    const { outcome } = await check(state);
    expect(outcome.write.othersReasonsKept).toBe(1);
    expect(state.reasons.filter((r) => r.sheet === mark.sheet && r.row === mark.row && r.col === mark.col)).toEqual([
      expect.objectContaining({ id: 'user-1' }),
    ]);
    await clear(state);
    expect(state.snapshot()).toEqual(before);
  });

  it('that someone has edited since are kept on Clear; the fill is still restored', async () => {
    const state = fakeFor(gridOf(LAYOUT_A));
    const { outcome } = await check(state);
    const mark = firstMark(outcome);
    const ours = state.reasons.find((r) => r.sheet === mark.sheet && r.row === mark.row && r.col === mark.col)!;
    ours.content += '\nĐã báo cáo lãnh đạo.';
    const report = await clear(state);
    expect(report.removedReasons).toBe(outcome.write.attached - 1);
    expect(state.reasons).toEqual([ours]);
    expect(state.xmlParts).toEqual([]);
  });

  it('written with \\r\\n line breaks by Excel are still recognised as ours', async () => {
    const state = fakeFor(gridOf(LAYOUT_A));
    await check(state);
    for (const r of state.reasons) r.content = r.content.replace(/\n/g, '\r\n');
    await clear(state);
    expect(state.reasons).toEqual([]);
  });
});

describe('cells Excel cannot put back', () => {
  it('a cell with a gradient fill is not marked, and the message lists it', async () => {
    const scratch = fakeFor(gridOf(LAYOUT_A));
    const mark = firstMark((await check(scratch)).outcome);
    const state = fakeFor(gridOf(LAYOUT_A));
    const gradient = { pattern: 'LinearGradient', color: '#FFFFFF', patternColor: '#4472C4', tintAndShade: 0, patternTintAndShade: 0 };
    state.sheet(mark.sheet).fills.set(`${mark.row},${mark.col}`, gradient);
    const { outcome } = await check(state);
    expect(outcome.write.gradientCells).toHaveLength(1);
    expect(state.fillAt(mark.sheet, mark.row, mark.col)).toEqual(gradient);
    expect(checkWarnings(outcome)[0].vi).toContain(outcome.write.gradientCells[0]);
  });
});

describe('a workbook without an indicator table', () => {
  it('is left untouched and the message names what was looked for', async () => {
    const state = FakeWorkbook.fromGrid(workbook(sheet('Hướng dẫn', [['Điền số liệu năm 2024 vào biểu mẫu.'], ['Cùng kỳ năm 2023 là số của năm trước.']])));
    const before = state.snapshot();
    const { outcome, fake } = await check(state);
    expect(outcome.tables).toEqual([]);
    expect(outcome.findings).toEqual([]);
    expect(state.snapshot()).toEqual(before);
    expect(state.xmlParts).toEqual([]);
    expect(fake.syncs).toBe(4); // read 3 (the first also finds the memory), read the memory 1; nothing to write
    const m = noIndicatorTable(checker.pack);
    expect(m.vi).toContain('Cùng kỳ năm 2023 | Năm 2024');
    expect(m.vi).toContain('Số vụ phạm pháp hình sự');
    expect(m.en).toContain(`rule pack "${checker.pack.id}"`);
    expect(m.en).toMatch(/hidden ones too/);
  });

  it('a re-check that no longer finds a table removes the earlier highlights', async () => {
    const state = fakeFor(gridOf(LAYOUT_A));
    const before = state.snapshot();
    await check(state);
    // Someone renames the header so the table is no longer recognised; values change only here, in the test.
    const a = state.sheets.find((s) => [...s.cells.values()].some((c) => c.value === 'Cùng kỳ năm 2024'))!;
    const header = [...a.cells].filter(([, c]) => c.value === 'Cùng kỳ năm 2024' || c.value === 'Năm 2025');
    for (const [k] of header) a.cells.set(k, { value: 'Cột', type: 'String' });
    await check(state);
    for (const [k, c] of header) a.cells.set(k, c);
    expect(state.snapshot()).toEqual(before);
    expect(state.xmlParts).toEqual([]);
  });
});

describe('sheets that are hidden or very hidden', () => {
  it('are read, checked and highlighted like any other', async () => {
    const grid = gridOf(LAYOUT_B);
    const state = fakeFor(grid);
    const name = grid.sheets.find((s) => s.rows.length > 10)!.name;
    state.sheet(name).visibility = 'VeryHidden';
    const before = state.snapshot();
    const { outcome } = await check(state);
    expect(outcome.findings.length).toBeGreaterThan(0);
    expect(outcome.write.marked).toBeGreaterThan(0);
    await clear(state);
    expect(state.snapshot()).toEqual(before);
  });
});
