import { CellValue } from '../../../src/grid/cell';
import { addressChunks, areasForCells, MAX_ADDRESS_CHARS } from '../../../addin/excel/addressList';
import { areasOf, readWorkbookGrid } from '../../../addin/excel/readWorkbookGrid';
import { sheet, workbook } from '../../helpers/grid';
import { FakeExcel, GETRANGES_MAX_CHARS, PAYLOAD_LIMIT } from '../fakeExcel/fakeExcel';
import { FakeWorkbook } from '../fakeExcel/fakeWorkbook';

/** Issue #13 (3, 4, 5): limits of Excel that only show on big or unusual workbooks. */

/** A 300-row form with three merged pairs per row: 900 merged areas, 750 in a block of 250 rows. */
function mergedForm(): FakeWorkbook {
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  for (let r = 1; r <= 300; r++) {
    rows.push([`Mục ${r}`, null, `Ghi chú ${r}`, null, r, null]);
    merges.push(`A${r}:B${r}`, `C${r}:D${r}`, `E${r}:F${r}`);
  }
  return FakeWorkbook.fromGrid(workbook(sheet('Biểu mẫu', rows, { merges })));
}

describe('merged areas (3): getMergedAreasOrNullObject fails past 512 in one range', () => {
  it('a 300-row form with three merges per row is read whole, every merge once', async () => {
    const fake = new FakeExcel(mergedForm());
    const read = await readWorkbookGrid(fake.context);
    expect(read.grid.sheets[0].merges).toHaveLength(900);
    expect(read.grid.sheets[0].rows).toHaveLength(300);
  });

  it('the fake fails as Excel documents when one range holds more than 512', async () => {
    const fake = new FakeExcel(mergedForm());
    fake.context.workbook.worksheets.getItem('Biểu mẫu').getRangeByIndexes(0, 0, 300, 6).getMergedAreasOrNullObject().load('address');
    await expect(fake.sync()).rejects.toThrow('900 merged areas');
  });
});

describe('payload (4): 30 bytes a cell underestimates long Vietnamese labels', () => {
  /** 16,000 rows × 7 columns, a 120-character label and a 120-character remark in each: about 7 MB of values. */
  function longLabels(): FakeWorkbook {
    const label = 'Số vụ việc vi phạm pháp luật về trật tự, an toàn giao thông đường bộ đã được phát hiện, xử lý trong kỳ báo cáo của đơn vị';
    const rows: CellValue[][] = [];
    for (let r = 0; r < 16_000; r++) rows.push([`${label} ${r}`.slice(0, 120), r, r + 1, r + 2, r + 3, r + 4, `Ghi chú dòng ${r}: ${label}`.slice(0, 120)]);
    return FakeWorkbook.fromGrid(workbook(sheet('Nhãn dài', rows)));
  }

  it('the read is split into more syncs, never failed, and no sync passes 5 MB', async () => {
    const fake = new FakeExcel(longLabels());
    const read = await readWorkbookGrid(fake.context);
    expect(read.grid.sheets[0].rows).toHaveLength(16_000);
    if (process.env.SHOW_PAYLOADS) console.log(JSON.stringify(fake.payloads));
    const sent = fake.payloads.filter((p) => p.response <= PAYLOAD_LIMIT);
    expect(sent.length).toBeGreaterThanOrEqual(4); // sheets, ranges, then the values in two or more
    expect(fake.payloads.some((p) => p.response > PAYLOAD_LIMIT)).toBe(true); // the attempt that was split
  });
});

describe('addresses (5)', () => {
  it('whole rows and whole columns in RangeAreas.address are accepted', () => {
    expect(areasOf("'Báo cáo'!1:1, 'Báo cáo'!H:H, 'Báo cáo'!$B$2:$C$3, Sheet1!3:4")).toEqual([
      { top: 0, bottom: 0, left: 0, right: 16_383 },
      { top: 0, bottom: 1_048_575, left: 7, right: 7 },
      { top: 1, bottom: 2, left: 1, right: 2 },
      { top: 2, bottom: 3, left: 0, right: 16_383 },
    ]);
  });

  it('a title row merged across the whole sheet is read, cut to the cells read', async () => {
    const state = FakeWorkbook.fromGrid(workbook(sheet('Báo cáo', [['CÔNG AN TỈNH NINH BÌNH'], ['STT', 'Nội dung', 'Số liệu']])));
    state.sheet('Báo cáo').merges.push({ top: 0, bottom: 0, left: 0, right: 16_383 });
    const read = await readWorkbookGrid(new FakeExcel(state).context);
    expect(read.grid.sheets[0].merges).toEqual([{ top: 0, bottom: 0, left: 0, right: 2 }]);
  });

  it('a merge listed by two blocks (office-js #3611 fixed) is kept once', async () => {
    const rows: CellValue[][] = Array.from({ length: 600 }, (_, r) => [`Dòng ${r + 1}`, r]);
    const state = FakeWorkbook.fromGrid(workbook(sheet('Dài', rows, { merges: ['A249:A252', 'B10:B11'] })));
    state.mergesIntersecting = true;
    const read = await readWorkbookGrid(new FakeExcel(state).context);
    expect(read.grid.sheets[0].merges).toHaveLength(2);
    expect(read.grid.sheets[0].merges).toContainEqual({ top: 9, bottom: 10, left: 1, right: 1 });
    expect(read.grid.sheets[0].merges).toContainEqual({ top: 248, bottom: 251, left: 0, right: 0 });
  });

  it('getRanges ignores an address past 8,192 characters without an error; our chunks stay under it', async () => {
    const state = FakeWorkbook.fromGrid(workbook(sheet('S', [['x']])));
    // 400 areas of two cells each (`XFA1000000:XFA1000001`, 23 characters with the separator): 9,200 characters.
    const cells = Array.from({ length: 400 }, (_, i) => [`XFA${1_000_000 + 3 * i}`, `XFA${1_000_001 + 3 * i}`]).flat();
    const [tooLong] = addressChunks(areasForCells(cells), 10_000, 20_000, 20_000);
    expect(tooLong.length).toBeGreaterThan(GETRANGES_MAX_CHARS);
    const fake = new FakeExcel(state);
    fake.context.workbook.worksheets.getItem('S').getRanges(tooLong).format.fill.color = '#FF0000';
    await fake.sync(); // no error: Excel says nothing
    const painted = state.sheet('S').fills.size;
    expect(painted).toBeGreaterThan(0);
    expect(painted).toBeLessThan(cells.length); // the areas past 8,192 characters were silently left out

    expect(MAX_ADDRESS_CHARS).toBeLessThan(GETRANGES_MAX_CHARS);
    const chunks = addressChunks(areasForCells(cells));
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(MAX_ADDRESS_CHARS);
    expect(chunks.join(', ').split(', ')).toHaveLength(cells.length / 2);
  });

  it('addressChunks refuses to make an address getRanges would cut', () => {
    expect(() => addressChunks(areasForCells(['A1', 'A3']), 400, GETRANGES_MAX_CHARS + 1)).toThrow(/8[.,]?192/);
  });
});
