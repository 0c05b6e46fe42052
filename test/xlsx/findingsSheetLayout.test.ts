import { sheetLayout } from '../../src/xlsx/write/findingsSheetLayout';
import { FindingsSheet } from '../../src/xlsx/write/highlightPlan';

/** A sheet of one fixed-width column and one fitted column, rows as given. */
const sheetOf = (rows: Array<[string, string]>): FindingsSheet => ({
  name: 'Kết quả kiểm tra',
  header: ['Lý do', 'Đơn vị'],
  rows: rows.map((values) => ({ values })),
  columnWidths: [20, undefined],
});

describe('column layout of a findings sheet', () => {
  it('wraps a fixed-width column whatever comes after the value that decides it, and fits the other to its longest text', () => {
    const long = 'Tỷ lệ giải quyết tin báo thấp hơn chỉ tiêu';
    const orders: Array<Array<[string, string]>> = [
      [
        [long, 'Công an xã A'],
        ['ngắn', 'Công an phường Trần Hưng Đạo'],
        ['hai\ndòng', 'B'],
      ],
      [
        ['hai\ndòng', 'B'],
        ['ngắn', 'Công an phường Trần Hưng Đạo'],
        [long, 'Công an xã A'],
      ],
    ];
    for (const rows of orders) {
      const [fixed, fitted] = sheetLayout(sheetOf(rows)).columns;
      expect(fixed).toEqual({ width: 20, wrap: true });
      // The fitted column still reads every value: its width is its longest text's.
      expect(fitted.width).toBe(Math.ceil('Công an phường Trần Hưng Đạo'.length * 1.1) + 2);
    }
    // Short values and no line break: no wrap.
    expect(sheetLayout(sheetOf([['ngắn', 'A']])).columns[0]).toEqual({ width: 20, wrap: false });
    // A line break after short values still wraps.
    expect(
      sheetLayout(
        sheetOf([
          ['ngắn', 'A'],
          ['a\nb', 'B'],
        ]),
      ).columns[0],
    ).toEqual({ width: 20, wrap: true });
  });
});

describe('a findings sheet whose rows make their cells when read', () => {
  it('is laid out reading each row once, wider rows adding columns as a row of their own width would', () => {
    let reads = 0;
    const row = (values: string[]) => ({
      get values() {
        reads++;
        return values;
      },
    });
    const lazy: FindingsSheet = {
      name: 'Kết quả kiểm tra',
      header: ['Lý do'],
      rows: [row(['ngắn']), row(['ngắn', 'Công an phường Trần Hưng Đạo']), row(['a\nb', 'B', 'C'])],
      columnWidths: [20],
    };
    const layout = sheetLayout(lazy);
    expect(reads).toBe(3);
    expect(layout.width).toBe(3);
    const plain: FindingsSheet = { ...lazy, rows: lazy.rows.map((r) => ({ values: [...r.values] })) };
    expect(layout.columns).toEqual(sheetLayout(plain).columns);
    expect(layout.columns[0]).toEqual({ width: 20, wrap: true });
    expect(layout.columns[1].width).toBe(Math.ceil('Công an phường Trần Hưng Đạo'.length * 1.1) + 2);
    expect(layout.columns[2]).toEqual({ width: 8, wrap: false });
  });
});
