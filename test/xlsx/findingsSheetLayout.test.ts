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
