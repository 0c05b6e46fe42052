import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { Finding, FindingStatus } from '../../src/evaluate/finding';
import { cellAt, SheetGrid } from '../../src/grid/grid';
import { cellError } from '../../src/grid/cell';
import { defaultPack } from '../../src/packs/builtinPacks';
import { builtinChoices, checkPackChoice } from '../../addin/packChoice';
import { readdirSync } from 'fs';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { toWire } from '../../addin/preview/checkProtocol';
import { columnsTransfer, fromColumns, toColumns } from '../../addin/preview/findingColumns';
import { packSheet, SheetCells } from '../../addin/preview/packedSheet';
import { FindingFilter, STATUSES, unitOf } from '../../addin/taskpane/findingsView';
import { ResultIndex, visiblePage } from '../../addin/taskpane/resultIndex';
import { rank, SUMMARY_UNITS } from '../../addin/taskpane/renderSummary';
import { writeNationalWorkbook } from '../../bench/endToEnd';
import { PROJECT_ROOT } from '../helpers/paths';

/**
 * What keeps the preview fast at national size must not change what it shows: sheets packed into
 * typed arrays read back cell for cell, an index extended batch by batch equals one made at once,
 * and a page of the filtered list is the start of the whole filtered list.
 */
let dir: string;
let national: Finding[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pledge-preview-index-'));
  const file = join(dir, 'toan-quoc-40.xlsx');
  await writeNationalWorkbook(file, 40);
  national = (await new PledgeChecker(defaultPack()).check(readWorkbook(readFileSync(file)))).findings;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sameCells(sheet: SheetGrid): void {
  const cells = new SheetCells(packSheet(sheet));
  let width = 0;
  for (const r of sheet.rows) width = Math.max(width, r?.length ?? 0);
  expect(cells.rows).toBe(sheet.rows.length);
  expect(cells.columns).toBe(width);
  for (let r = -1; r <= sheet.rows.length; r++) for (let c = -1; c <= width; c++) expect(cells.value(r, c)).toEqual(cellAt(sheet, r, c));
}

describe('a sheet packed for the page', () => {
  it('reads back every kind of cell, ragged and missing rows included', () => {
    sameCells({
      name: 'Biểu 01',
      visibility: 'visible',
      rows: [['Đơn vị', 'Năm 2024', null, true], undefined, [], ['Công an xã số 1', 12.5, cellError('#DIV/0!'), false, -0.0439], ['Công an xã số 1', 0]],
      merges: [{ top: 0, left: 1, bottom: 0, right: 2 }],
      hiddenRows: new Set([1]),
      tables: [],
    });
  });

  it('says the sheet is in Vietnamese when its text is, composed or decomposed, and nothing otherwise', () => {
    const sheet = (texts: string[]): SheetGrid => ({
      name: 'S',
      visibility: 'visible',
      rows: texts.map((t) => [t, 1]),
      merges: [],
      hiddenRows: new Set(),
      tables: [],
    });
    expect(packSheet(sheet(['Đơn vị', 'Số vụ'])).language).toBe('vi');
    expect(packSheet(sheet(['Số vụ'.normalize('NFD')])).language).toBe('vi');
    expect(packSheet(sheet(['Unit', 'Criminal cases', 'Café'])).language).toBeUndefined();
  });

  it('reads back the shipped samples cell for cell, with their merges and hidden rows', () => {
    for (const name of ['bao-cao-ninh-binh-2025.xlsx', 'tong-hop-cum-2025.xlsx']) {
      const grid = readWorkbook(readFileSync(join(PROJECT_ROOT, 'samples', name)));
      for (const sheet of grid.sheets) {
        sameCells(sheet);
        const cells = new SheetCells(packSheet(sheet));
        expect(cells.merges).toEqual(sheet.merges);
        expect([...cells.hiddenRows]).toEqual([...sheet.hiddenRows]);
      }
    }
  });
});

describe('the result index', () => {
  it('extended batch by batch equals the index made at once', () => {
    const whole = new ResultIndex(national);
    const growing: Finding[] = [];
    const index = new ResultIndex(growing);
    for (let at = 0; at < national.length; at += 333) {
      for (const f of national.slice(at, at + 333)) growing.push(f);
      index.extend();
    }
    expect([...index.order]).toEqual([...whole.order]);
    expect(index.units).toEqual(whole.units);
    expect(index.counts).toEqual(whole.counts);
    expect(index.byUnit).toEqual(whole.byUnit);
    expect([...index.byTarget]).toEqual([...whole.byTarget]);
    expect(index.counts.met + index.counts.shortfall + index.counts['no-data']).toBe(national.length);
  });

  it('gives a page that starts the whole filtered list, and its full count, for every filter', () => {
    const index = new ResultIndex(national);
    const order = [...index.order];
    const someUnit = index.units[7];
    const subsets: FindingStatus[][] = [[], ...STATUSES.map((s) => [s]), ['shortfall', 'no-data'], [...STATUSES]];
    for (const statuses of subsets) {
      for (const unit of [undefined, someUnit, 'Công an xã không có']) {
        const filter: FindingFilter = { statuses: new Set(statuses), unit };
        const all = order.filter((i) => filter.statuses.has(national[i].status) && (unit === undefined || unitOf(national[i]) === unit));
        for (const limit of [0, 5, 100, national.length]) {
          const page = visiblePage(index, filter, limit);
          expect(page.total).toBe(all.length);
          expect(page.shown).toEqual(all.slice(0, limit));
        }
      }
    }
  });

  it('ranks the units with the most shortfalls, then the most without data, in table order among equals', () => {
    const byUnit = new ResultIndex(national).byUnit;
    const sorted = byUnit.map((c, i) => ({ c, i })).sort((a, b) => b.c.shortfall - a.c.shortfall || b.c.noData - a.c.noData || a.i - b.i);
    expect(rank(byUnit)).toEqual(sorted.slice(0, SUMMARY_UNITS).map((r) => r.c));
    const ties = Array.from({ length: 50 }, (_, i) => ({ unit: `u${i}`, met: 0, shortfall: i % 3, noData: i % 2 }));
    const tiesSorted = ties.map((c, i) => ({ c, i })).sort((a, b) => b.c.shortfall - a.c.shortfall || b.c.noData - a.c.noData || a.i - b.i);
    expect(rank(ties)).toEqual(tiesSorted.slice(0, SUMMARY_UNITS).map((r) => r.c));
  });

  it('walks the findings for "still to review", as the list always did', () => {
    const index = new ResultIndex(national);
    const reviewed = national.find((f) => f.status === 'shortfall')!;
    const reviews = new Map([[reviewed, { review: {} as never, changed: false, changes: [] }]]);
    const filter: FindingFilter = { statuses: new Set(STATUSES), unreviewed: true };
    const page = visiblePage(index, filter, 10, reviews);
    expect(page.total).toBe(national.filter((f) => f.status !== 'met').length - 1);
    expect(page.shown.map((i) => national[i])).not.toContain(reviewed);
  });
});

describe('findings sent in columns', () => {
  it('come back equal, field for field, at national layout and on every sample with every shipped pack', async () => {
    const batches = [national.map(toWire)];
    for (const name of readdirSync(join(PROJECT_ROOT, 'samples')).filter((n) => n.endsWith('.xlsx'))) {
      const grid = readWorkbook(readFileSync(join(PROJECT_ROOT, 'samples', name)));
      for (const pack of builtinChoices().map((c) => checkPackChoice(c).pack!)) batches.push((await new PledgeChecker(pack).check(grid)).findings.map(toWire));
    }
    const all = batches.flat();
    // What the columns must carry beyond plain fields: no-data reasons, and at least one kind of extra.
    expect(all.some((f) => f.noData)).toBe(true);
    expect(all.some((f) => f.period !== undefined) && all.some((f) => f.period === undefined)).toBe(true);
    for (const wire of batches) {
      const columns = toColumns(wire);
      // Through a structured clone with the buffers transferred, as between the worker and the page.
      const sent = structuredClone(columns, { transfer: columnsTransfer(columns) });
      const back = fromColumns(sent);
      expect(back).toEqual(wire);
      const keys = (o: object) =>
        Object.entries(o)
          .filter(([, v]) => v !== undefined)
          .map(([k]) => k)
          .sort();
      expect(back.map(keys)).toEqual(wire.map(keys));
      expect(back.map((f) => f.inputs.map(keys))).toEqual(wire.map((f) => f.inputs.map(keys)));
    }
  });

  it('keeps fields it does not know as they are', () => {
    const f = { ...national.map(toWire)[0], somethingNew: { a: [1, 2] } };
    const input = { ...f.inputs[0], pledged: { cell: 'E5', raw: 'Giảm 5%' } };
    const back = fromColumns(toColumns([{ ...f, inputs: [input] }]))[0] as unknown as Record<string, unknown>;
    expect(back.somethingNew).toEqual({ a: [1, 2] });
    expect((back.inputs as Array<Record<string, unknown>>)[0].pledged).toEqual({ cell: 'E5', raw: 'Giảm 5%' });
  });
});
