import { RangeRef } from '../../src/grid/address';
import { cellError } from '../../src/grid/cell';
import { SheetGrid, WorkbookGrid } from '../../src/grid/grid';
import { areasOf, readWorkbookGrid } from '../../addin/excel/readWorkbookGrid';
import { layoutA, sheet, workbook } from '../helpers/grid';
import { FakeExcel } from './fakeExcel/fakeExcel';
import { FakeWorkbook } from './fakeExcel/fakeWorkbook';
import { fakeFor, gridOf, normalizedRows, workbookFiles } from './helpers';

/** What the core reads from a sheet, comparable between the .xlsx reader and the add-in. */
function comparable(s: SheetGrid) {
  const rows = normalizedRows(s.rows);
  const inside = (r: number, c: number) => r < rows.length && c < Math.max(0, ...rows.map((x) => x.length));
  const byPosition = (a: RangeRef, b: RangeRef) => a.top - b.top || a.left - b.left;
  return {
    name: s.name,
    visibility: s.visibility,
    rows,
    // The add-in reads from A1 to the last value; merges and hidden rows beyond that hold nothing.
    merges: s.merges
      .filter((m) => inside(m.top, m.left))
      .slice()
      .sort(byPosition),
    hiddenRows: [...s.hiddenRows].filter((r) => r < rows.length).sort((a, b) => a - b),
    tables: s.tables.map((t) => ({ ...t })),
  };
}

async function readThroughExcel(grid: WorkbookGrid) {
  const fake = new FakeExcel(fakeFor(grid));
  const read = await readWorkbookGrid(fake.context);
  return { read, fake };
}

// The core tests' own grids (test/helpers/grid.ts), then every sample and shared fixture.
const coreGrids: [string, WorkbookGrid][] = [
  [
    'layout A from the core tests',
    layoutA([
      ['I', 'TỘI PHẠM VỀ TRẬT TỰ XÃ HỘI'],
      ['Số vụ phạm pháp hình sự', '1.245', 1180],
      ['- Trong đó: đã điều tra khám phá', 1010, cellError('#DIV/0!')],
      ['II', 'TAI NẠN GIAO THÔNG'],
      ['Số người chết', 290, 261],
    ]),
  ],
  [
    'layout B from the core tests',
    workbook(
      sheet(
        'Tổng hợp',
        [
          ['TỔNG HỢP KẾT QUẢ 6 THÁNG ĐẦU NĂM 2020 - CỤM THI ĐUA SỐ 5'],
          [],
          ['STT', 'Chỉ tiêu', 'Thanh Hóa', null, 'Nghệ An', null],
          [null, null, '6 tháng 2019', '6 tháng 2020', '6 tháng 2019', '6 tháng 2020'],
          ['I', 'PHẠM PHÁP HÌNH SỰ'],
          ['1', 'Số vụ phạm pháp hình sự', 612, 574, 588, 571],
          ['2', 'Số vụ PPHS đã điều tra khám phá', 497, 470, 470, 441],
        ],
        { merges: ['C3:D3', 'E3:F3', 'A3:A4', 'B3:B4'], hiddenRows: [1] },
      ),
    ),
  ],
  [
    'layout C table on a very hidden sheet, next to a hidden one',
    workbook(
      sheet('Hướng dẫn', [['Điền số liệu vào trang Cụm 1'], [true, false]], { visibility: 'hidden' }),
      sheet(
        "Cụm 1, 'số liệu'",
        [
          ['Đơn vị', 'Số vụ PPHS năm 2019', 'Số vụ PPHS năm 2020'],
          ['Công an TP Hà Nội', 4012, 3801],
          ['Công an TP Hải Phòng', 1250, 'chưa thống kê'],
          ['Tổng cộng', 5262, cellError('#N/A')],
        ],
        { tables: [{ name: 'Cum1', ref: 'A1:C4', totalsRows: 1 }], visibility: 'veryHidden' },
      ),
    ),
  ],
];

describe('reading the open workbook into the core grid', () => {
  it.each(coreGrids)('%s: the add-in reads exactly the grid it was given', async (_, grid) => {
    const { read } = await readThroughExcel(grid);
    expect(read.grid.sheets.map(comparable)).toEqual(grid.sheets.map(comparable));
  });

  it.each(workbookFiles())('$name: values, merges, hidden rows and tables equal what readWorkbook gives', async ({ path }) => {
    const fromFile = gridOf(path);
    const { read, fake } = await readThroughExcel(fromFile);
    expect(read.grid.sheets.map(comparable)).toEqual(fromFile.sheets.map(comparable));
    expect(fake.syncs).toBe(3);
    expect(fake.violations).toEqual([]);
  });

  it('keeps errors apart from text and blanks apart from zero', async () => {
    const grid = workbook(sheet('S', [['#N/A', cellError('#N/A'), 0, null, '', false]]));
    const { read } = await readThroughExcel(grid);
    expect(read.grid.sheets[0].rows[0]).toEqual(['#N/A', { error: '#N/A' }, 0, null, null, false]);
  });

  it('reports protected sheets and reads them all the same', async () => {
    const state = FakeWorkbook.fromGrid(workbook(sheet('A', [['x']]), sheet('B', [['y']])));
    state.sheet('B').protected = true;
    const read = await readWorkbookGrid(new FakeExcel(state).context);
    expect([...read.protectedSheets]).toEqual(['B']);
    expect(read.grid.sheets[1].rows).toEqual([['y']]);
  });

  it('reads an empty sheet as no rows', async () => {
    const read = await readWorkbookGrid(new FakeExcel(FakeWorkbook.fromGrid(workbook(sheet('Trống', [])))).context);
    expect(read.grid.sheets).toEqual([expect.objectContaining({ name: 'Trống', rows: [], merges: [] })]);
  });

  it('splits a RangeAreas address whose sheet name holds commas, quotes and "!"', () => {
    expect(areasOf("'Cụm 1, ''số liệu'' !'!A1:C1, 'Cụm 1, ''số liệu'' !'!$D$4")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 3, left: 3, bottom: 3, right: 3 },
    ]);
  });
});
