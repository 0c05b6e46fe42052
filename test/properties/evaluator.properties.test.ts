/**
 * The checker on arbitrary grids: whatever a workbook holds (huge and odd numbers, NaN, infinities,
 * booleans, every error value, long strings, sparse rows, merges over nothing or over everything,
 * tables larger than the sheet), `PledgeChecker.check` resolves, every (rule, unit) whose
 * indicators the tables hold gets exactly one finding, and every finding is one of three outcomes
 * with a reason that renders. A smaller run takes the grids through a real package, the reader,
 * the JSON, the highlight plan and the patcher.
 */
import fc from 'fast-check';
import { rangeToA1 } from '../../src/grid/address';
import { CellValue, cellError, EXCEL_ERRORS } from '../../src/grid/cell';
import { SheetGrid, WorkbookGrid } from '../../src/grid/grid';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { factsOfConditions } from '../../src/packs/conditionFacts';
import { figuresByUnit, indicatorsOfFact } from '../../src/evaluate/unitFacts';
import { defaultPack } from '../../src/packs/builtinPacks';
import { findingsJson } from '../../src/report/findingsJson';
import { highlightPlanFor } from '../../src/report/highlightPlan';
import { fold } from '../../src/tables/text';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { writeHighlightedCopy } from '../../src/xlsx/write/writeHighlightedCopy';
import { Cell, xlsxPackage } from '../badInput/corpus';

const pack = defaultPack();
const checker = new PledgeChecker(pack);

const LABELS = [
  'Số vụ phạm pháp hình sự',
  '- Trong đó: đã điều tra khám phá',
  'Án rất nghiêm trọng, đặc biệt nghiêm trọng',
  'Số tin báo, tố giác tội phạm đã tiếp nhận',
  '- Đã giải quyết',
  'Tài sản thiệt hại trong các vụ án tham nhũng',
  '- Trong đó: đã thu hồi',
  'Số vụ án oan',
  'Số người chết',
  'Số vụ PPHS năm 2023',
  'Số vụ PPHS năm 2024',
  'Đã khám phá năm 2024',
  'TAI NẠN GIAO THÔNG',
  'I',
  'II',
  'Nơi nhận:',
];
const HEADERS = [
  'STT',
  'Nội dung chỉ tiêu',
  'Chỉ tiêu',
  'Đơn vị',
  'Đơn vị tính',
  'Cùng kỳ năm 2023',
  'Năm 2024',
  'Năm 2023',
  'Kỳ báo cáo',
  'Cùng kỳ',
  '6 tháng 2019',
  '6 tháng 2020',
  'Ghi chú',
  'Tổng cộng',
  'Tháng',
];
const UNITS = [
  'Công an tỉnh Thanh Hóa',
  'CÔNG AN TỈNH THANH HOÁ',
  'Công an tỉnh Nghệ An',
  'Công an TP Hà Nội',
  'Hà Tĩnh',
  '',
  ' ',
  'Tổng cộng',
  'x'.repeat(300),
];

const odd = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER,
  1e308,
  1e-300,
  0.1 + 0.2,
);
const value: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 5000 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: odd },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constantFrom(...EXCEL_ERRORS).map((e) => cellError(e)) },
  { weight: 2, arbitrary: fc.constantFrom('1.245', '4,35', '0', '-7,07', 'chưa thống kê', '51/61 vụ', '92%', '', '—', '1e400') },
  { weight: 3, arbitrary: fc.constantFrom(...LABELS, ...HEADERS, ...UNITS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(32767), 'Số vụ '.repeat(5000)) },
  { weight: 3, arbitrary: fc.constant(null) },
);

/** A sparse row: cells at scattered columns, holes between them. */
const row = fc.array(fc.tuple(fc.nat({ max: 14 }), value), { maxLength: 10 }).map((entries) => {
  const r: CellValue[] = [];
  for (const [c, v] of entries) r[c] = v;
  return r;
});

const range = fc
  .tuple(fc.nat({ max: 30 }), fc.nat({ max: 12 }), fc.oneof(fc.nat({ max: 6 }), fc.constant(1_048_575)), fc.oneof(fc.nat({ max: 4 }), fc.constant(16_383)))
  .map(([top, left, h, w]) => ({ top, left, bottom: Math.min(top + h, 1_048_575), right: Math.min(left + w, 16_383) }));

/** A table skeleton (layout A, B or C) with arbitrary values in its cells, or plain noise. */
const rows: fc.Arbitrary<Array<CellValue[] | undefined>> = fc.oneof(
  // Layout A: header, then label rows with two figures.
  fc
    .array(fc.tuple(fc.constantFrom(...LABELS), value, value), { maxLength: 14 })
    .map((body) => [
      ['CÔNG AN TỈNH THANH HÓA'],
      ['STT', 'Nội dung chỉ tiêu', 'Đơn vị tính', 'Cùng kỳ năm 2023', 'Năm 2024'],
      ...body.map(([l, a, b]) => [null, l, 'vụ', a, b]),
    ]),
  // Layout B: units over pairs of period columns.
  fc
    .tuple(
      fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 4 }),
      fc.array(fc.tuple(fc.constantFrom(...LABELS), fc.array(value, { maxLength: 8 })), { maxLength: 10 }),
    )
    .map(([units, body]) => [
      ['STT', 'Chỉ tiêu', ...units.flatMap((u) => [u, null])],
      [null, null, ...units.flatMap(() => ['Năm 2023', 'Năm 2024'])],
      ...body.map(([l, vs]) => [null, l, ...vs]),
    ]),
  // Layout C: one row per unit.
  fc
    .tuple(
      fc.array(fc.constantFrom(...HEADERS, ...LABELS), { maxLength: 6 }),
      fc.array(fc.tuple(fc.constantFrom(...UNITS), fc.array(value, { maxLength: 6 })), { maxLength: 12 }),
    )
    .map(([cols, body]) => [['Đơn vị', 'Số vụ PPHS năm 2023', 'Số vụ PPHS năm 2024', 'Số vụ án oan năm 2024', ...cols], ...body.map(([u, vs]) => [u, ...vs])]),
  // Noise, with holes between rows.
  fc.array(fc.tuple(fc.nat({ max: 40 }), row), { maxLength: 25 }).map((entries) => {
    const out: Array<CellValue[] | undefined> = [];
    for (const [r, cells] of entries) out[r] = cells;
    return out;
  }),
);

const sheetArb: fc.Arbitrary<SheetGrid> = fc
  .record({
    name: fc.constantFrom('Báo cáo', 'Tổng hợp', "Cụm 1, 'số liệu'", 'Sheet1', 'Kết quả'),
    rows,
    merges: fc.array(range, { maxLength: 4 }),
    tables: fc.array(fc.record({ range, headerRows: fc.constantFrom(0, 1), totalsRows: fc.constantFrom(0, 1, 2) }), { maxLength: 2 }),
    visibility: fc.constantFrom('visible' as const, 'hidden' as const, 'veryHidden' as const),
    hidden: fc.array(fc.nat({ max: 30 }), { maxLength: 3 }),
  })
  .map(({ name, rows: rs, merges, tables, visibility, hidden }) => ({
    name,
    visibility,
    rows: rs,
    merges,
    hiddenRows: new Set(hidden),
    tables: tables.map((t, i) => ({ name: `Bang${i + 1}`, ...t })),
  }));

const gridArb: fc.Arbitrary<WorkbookGrid> = fc.array(sheetArb, { minLength: 1, maxLength: 3 }).map((sheets) => ({
  // Sheet names are unique in a workbook.
  sheets: sheets.map((s, i) => ({ ...s, name: `${s.name} ${i + 1}` })),
}));

/** The rules each unit must get a finding for: those whose indicators all appear for it. */
function expectedPairs(tables: Awaited<ReturnType<typeof checker.check>>['tables']): Set<string> {
  const out = new Set<string>();
  for (const u of figuresByUnit(tables)) {
    for (const rule of pack.rules) {
      const indicators = [...factsOfConditions(rule.conditions)].flatMap((f) => indicatorsOfFact(pack, f));
      if (indicators.every((i) => u.has(i))) out.add(key(rule.id, u.unit, u.period));
    }
  }
  return out;
}

function key(rule: string, unit: string, period: string | undefined): string {
  return `${rule}\u0000${fold(unit)}\u0000${period === undefined ? '' : fold(period)}`;
}

describe('PledgeChecker.check on arbitrary grids', () => {
  it('never throws; exactly one finding per (rule, unit); three outcomes, each with its reason', async () => {
    await fc.assert(
      fc.asyncProperty(gridArb, async (grid) => {
        const { tables, findings } = await checker.check(grid);
        const keys = findings.map((f) => key(f.ruleId, f.unit, f.period));
        expect(new Set(keys).size).toBe(keys.length);
        expect(new Set(keys)).toEqual(expectedPairs(tables));
        for (const f of findings) {
          expect(['met', 'shortfall', 'no-data']).toContain(f.status);
          if (f.status === 'no-data') expect(f.actual).toBeNull();
          else expect(Number.isFinite(f.actual)).toBe(true);
          expect(f.message.vi.length).toBeGreaterThan(0);
          expect(f.message.en.length).toBeGreaterThan(0);
          expect(f.message.vi.length).toBeLessThan(2000);
        }
        // The reports built from them never throw either.
        JSON.stringify(findingsJson('x.xlsx', pack, findings, 'vi'));
        highlightPlanFor(findings, 'en');
      }),
      { numRuns: 400 },
    );
  });

  it('a table of only no-data and odd values never passes: no "met" without finite figures', async () => {
    const oddOnly = fc.oneof(
      odd,
      fc.constantFrom(...EXCEL_ERRORS).map((e) => cellError(e)),
      fc.constantFrom('chưa thống kê', '', '—', 'NaN', 'Infinity'),
      fc.boolean(),
      fc.constant(null),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...LABELS), oddOnly, oddOnly), { minLength: 1, maxLength: 10 }), async (body) => {
        const grid: WorkbookGrid = {
          sheets: [
            {
              name: 'Báo cáo',
              visibility: 'visible',
              rows: [
                ['CÔNG AN TỈNH THANH HÓA'],
                ['STT', 'Nội dung chỉ tiêu', 'Đơn vị tính', 'Cùng kỳ năm 2023', 'Năm 2024'],
                ...body.map(([l, a, b]) => [null, l, 'vụ', a, b]),
              ],
              merges: [],
              hiddenRows: new Set(),
              tables: [],
            },
          ],
        };
        const { findings } = await checker.check(grid);
        // Values like MAX_VALUE are finite, so only the statuses that cannot come from odd input are checked.
        for (const f of findings) if (f.status === 'met') expect(f.inputs.every((i) => i.value !== null && Number.isFinite(i.value))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('through a real package: reader, checker, JSON, plan and patcher never throw', async () => {
    await fc.assert(
      fc.asyncProperty(gridArb, async (grid) => {
        const bytes = xlsxPackage({
          sheets: grid.sheets.map((s) => ({
            name: s.name,
            state: s.visibility === 'visible' ? undefined : s.visibility,
            rows: Array.from(s.rows, (r) => (r ? Array.from(r, (v) => toCell(v)) : [])),
            merges: s.merges.filter((m) => m.bottom < 2000 && m.right < 100).map(rangeToA1),
          })),
        });
        const read = readWorkbook(bytes);
        const { findings } = await checker.check(read);
        const plan = highlightPlanFor(findings, 'vi');
        const copy = writeHighlightedCopy(bytes, plan);
        // The copy is itself readable and checks the same.
        const again = await checker.check(readWorkbook(copy));
        expect(again.findings.map((f) => [f.ruleId, f.unit, f.status, f.actual])).toEqual(findings.map((f) => [f.ruleId, f.unit, f.status, f.actual]));
      }),
      { numRuns: 40 },
    );
  });
});

/** A grid value as the corpus builder writes it (errors as error cells). */
function toCell(v: CellValue | undefined): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') return { error: v.error };
  return v;
}
