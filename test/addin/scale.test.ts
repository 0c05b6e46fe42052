import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { defaultPack } from '../../src/packs/builtinPacks';
import { CellValue } from '../../src/grid/cell';
import { WorkbookGrid } from '../../src/grid/grid';
import { checkWorkbook } from '../../addin/excel/checkWorkbook';
import { clearHighlights } from '../../addin/excel/clearHighlights';
import { readWorkbookGrid } from '../../addin/excel/readWorkbookGrid';
import { MAX_AREAS } from '../../addin/excel/addressList';
import { sheet, workbook } from '../helpers/grid';
import { FakeExcel, LoggedCommand, PAYLOAD_LIMIT } from './fakeExcel/fakeExcel';
import { FakeWorkbook } from './fakeExcel/fakeWorkbook';

const checker = new PledgeChecker(defaultPack());
const ALL = { notes: true, comments: true };

/**
 * A layout-C table (an Excel table, one row per unit) like the shared fixture `cum-1`, with `units`
 * rows. `failing(i)` units report more criminal cases than last year: a shortfall on that cell.
 */
function clusterTable(units: number, failing: (i: number) => boolean = (i) => i % 50 === 7): WorkbookGrid {
  const header: CellValue[] = [
    'Đơn vị',
    'Số vụ PPHS năm 2019',
    'Số vụ PPHS năm 2020',
    'Tin báo tiếp nhận năm 2020',
    'Tin báo đã giải quyết năm 2020',
    'Tài sản thiệt hại tham nhũng năm 2020 (tỷ đồng)',
    'Tài sản thu hồi năm 2020 (tỷ đồng)',
    'Số vụ án oan năm 2020',
  ];
  const rows: CellValue[][] = [['Kết quả thực hiện giao ước thi đua năm 2020'], [], header];
  for (let i = 0; i < units; i++) {
    const base = 500 + (i % 97);
    rows.push([`Công an đơn vị số ${i + 1}`, base, failing(i) ? base + 12 : base - 40, 1000 + i, 950 + i, 10, 7.5, 0]);
  }
  return workbook(sheet('Cụm 1', rows, { tables: [{ name: 'ChiTieuCum1', ref: `A3:H${3 + units}` }] }));
}

const isHighlightCommand = (c: LoggedCommand) => c.target.includes('.getRanges(') && (c.op === 'set' || c.name === 'clear');

async function checkScale(units: number, failing?: (i: number) => boolean) {
  const state = FakeWorkbook.fromGrid(clusterTable(units, failing));
  const fake = new FakeExcel(state);
  const outcome = await checkWorkbook(fake.context, checker, 'vi', ALL);
  expect(fake.violations).toEqual([]);
  return { state, fake, outcome };
}

describe('context.sync() calls do not grow with the workbook', () => {
  it('reading: 3 syncs for 10 rows and for 10,000 rows', async () => {
    const small = new FakeExcel(FakeWorkbook.fromGrid(clusterTable(10)));
    const large = new FakeExcel(FakeWorkbook.fromGrid(clusterTable(10_000)));
    const a = await readWorkbookGrid(small.context);
    const b = await readWorkbookGrid(large.context);
    expect(a.grid.sheets[0].rows).toHaveLength(13);
    expect(b.grid.sheets[0].rows).toHaveLength(10_003);
    expect(small.syncs).toBe(3);
    expect(large.syncs).toBe(3);
    // Many blocks, all sent in the one sync of phase 3.
    expect(large.log.filter((c) => c.name === 'getRangeByIndexes').length).toBeGreaterThan(10);
    expect(new Set(large.log.filter((c) => c.name === 'getRangeByIndexes').map((c) => c.sync))).toEqual(new Set([3]));
  });

  it('check and clear: the same number of syncs for 10 rows and for 10,000 rows (check 6, clear 3)', async () => {
    const small = await checkScale(10);
    const large = await checkScale(10_000);
    expect(small.outcome.write.marked).toBe(1);
    expect(large.outcome.write.marked).toBe(200);
    expect(small.fake.syncs).toBe(6);
    expect(large.fake.syncs).toBe(6);
    for (const { state } of [small, large]) {
      const fake = new FakeExcel(state);
      await clearHighlights(fake.context, ALL);
      expect(fake.syncs).toBe(3);
    }
    const largest = Math.max(...large.fake.payloads.map((p) => Math.max(p.request, p.response)));
    expect(largest).toBeLessThan(PAYLOAD_LIMIT);
  }, 120_000);

  it('past one payload (Excel on the web: 5 MB) a phase takes one more sync per payload, never one per block', async () => {
    const state = FakeWorkbook.fromGrid(clusterTable(60_000, () => false));
    const fake = new FakeExcel(state);
    const read = await readWorkbookGrid(fake.context);
    expect(read.grid.sheets[0].rows).toHaveLength(60_003);
    const blocks = fake.log.filter((c) => c.name === 'getRangeByIndexes').length;
    expect(fake.syncs).toBeGreaterThan(3);
    expect(fake.syncs).toBeLessThan(8);
    expect(blocks).toBeGreaterThan(100);
    for (const p of fake.payloads) expect(p.response).toBeLessThan(PAYLOAD_LIMIT);
  }, 120_000);
});

describe('a smaller payload cap only spreads the same work over more syncs', () => {
  it("every phase of check and clear, the write's re-read of the figures included, stays under the cap and ends the same", async () => {
    const grid = clusterTable(2_000, (i) => i % 3 === 0);
    const free = FakeWorkbook.fromGrid(grid);
    const expected = await checkWorkbook(new FakeExcel(free).context, checker, 'vi', ALL);
    const state = FakeWorkbook.fromGrid(grid);
    const tight = new FakeExcel(state, 300_000);
    const outcome = await checkWorkbook(tight.context, checker, 'vi', ALL, undefined, { payloadBudget: 250_000 });
    expect(outcome.edited).toBe(false);
    expect(outcome.write).toEqual(expected.write);
    expect(state.snapshot()).toEqual(free.snapshot());
    expect(state.xmlParts.map((p) => p.xml)).toEqual(free.xmlParts.map((p) => p.xml));
    expect(tight.syncs).toBeGreaterThan(6);
    for (const p of tight.payloads) expect(Math.max(p.request, p.response)).toBeLessThan(300_000);
  }, 120_000);
});

describe('highlight commands grow with styles and chunks, not with cells', () => {
  it('one column of 10 or 1,000 contiguous shortfalls: the same commands', async () => {
    const few = await checkScale(10, () => true);
    const many = await checkScale(1_000, () => true);
    expect(few.outcome.write.marked).toBe(10);
    expect(many.outcome.write.marked).toBe(1_000);
    // One area per status and sheet: clear + colour.
    expect(few.fake.log.filter(isHighlightCommand)).toHaveLength(2);
    expect(many.fake.log.filter(isHighlightCommand)).toHaveLength(2);
  }, 120_000);

  it('scattered shortfalls: one command pair per chunk of at most 400 areas', async () => {
    const { fake, outcome } = await checkScale(2_000, (i) => i % 2 === 0);
    expect(outcome.write.marked).toBe(1_000);
    const chunks = Math.ceil(1_000 / MAX_AREAS);
    expect(fake.log.filter(isHighlightCommand)).toHaveLength(2 * chunks);
    const addresses = fake.log.filter((c) => c.name === 'getRanges').map((c) => String(c.args));
    for (const a of addresses) {
      expect(a.split(',').length).toBeLessThanOrEqual(MAX_AREAS);
      expect(a.length).toBeLessThanOrEqual(8_000);
    }
  }, 120_000);

  it('clearing restores with one command per distinct original fill and chunk', async () => {
    const { state } = await checkScale(1_000, () => true);
    const fake = new FakeExcel(state);
    await clearHighlights(fake.context, ALL);
    // Every marked cell had no fill of its own: a single `clear()` restores them all.
    expect(fake.log.filter(isHighlightCommand)).toHaveLength(1);
  }, 120_000);
});
