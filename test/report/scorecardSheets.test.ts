import ExcelJS from 'exceljs';
import { cellText } from '../../src/grid/cell';
import { defaultPack } from '../../src/packs/builtinPacks';
import { htmlReport } from '../../src/report/htmlReport';
import { scorecardSheets } from '../../src/report/scorecardSheets';
import { recordReview } from '../../src/review/recordReview';
import { EMPTY_REVIEW_BOOK } from '../../src/review/review';
import { writeNewWorkbook } from '../../src/xlsx/write/newWorkbook';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { sheet, workbook } from '../helpers/grid';
import { consolidationOf } from './consolidationOf';

/** A layout C table with one row per unit and month: the case with a trend. */
const monthly = workbook(
  sheet('Theo tháng', [
    ['Đơn vị', 'Tháng', 'Số vụ PPHS năm 2024', 'Số vụ PPHS năm 2025', 'Đã khám phá năm 2025'],
    ['Công an xã A', '02/2025', 100, 99, 70],
    ['Công an xã B', '02/2025', 50, 40, 35],
    ['Công an xã A', '01/2025', 100, 90, 85],
    ['Công an xã B', '01/2025', 50, 49, 30],
  ]),
);

describe('scorecard sheets with periods and reviews', () => {
  it('adds the trend and the review log, ranks within each month, and writes a workbook ExcelJS and readWorkbook read', async () => {
    const c = await consolidationOf(defaultPack(), [
      {
        name: 'thang.xlsx',
        grid: monthly,
        reviews: (findings) =>
          recordReview(
            EMPTY_REVIEW_BOOK,
            findings.find((f) => f.status === 'shortfall')!,
            { status: 'needs-explanation', comment: 'Giải trình', reviewer: 'Lê Văn C', time: '2026-11-05T03:00:00Z' },
          ),
      },
    ]);
    expect(c.scorecard.periods).toEqual(['01/2025', '02/2025']);
    const sheets = scorecardSheets(c, 'vi');
    expect(sheets.map((s) => s.name)).toEqual(['Bảng tổng hợp', 'Kết quả chi tiết', 'Xu hướng', 'Nhật ký kiểm tra', 'Nhật ký xét duyệt']);

    const bytes = writeNewWorkbook(sheets, { creator: 'Pledge Check', created: c.audit.checkedAt });
    const grid = readWorkbook(bytes);
    const trend = grid.sheets.find((s) => s.name === 'Xu hướng')!;
    const rows = trend.rows.filter(Boolean).map((r) => (r ?? []).map((v) => (typeof v === 'number' ? v : cellText(v))));
    expect(rows.slice(1)).toEqual([
      ['Đơn vị', 'Sổ', '01/2025', '02/2025', 'Xu hướng'],
      ['Công an xã A', 'thang.xlsx', 2, 0, '↓ giảm'],
      ['Công an xã B', 'thang.xlsx', 0, 2, '↑ tăng'],
    ]);
    const scorecard = grid.sheets[0].rows.filter(Boolean).map((r) => (r ?? []).slice(0, 3).map((v) => (typeof v === 'number' ? v : cellText(v))));
    expect(scorecard.slice(4)).toEqual([
      ['Hạng', 'Đơn vị', 'Kỳ'],
      [1, 'Công an xã A', '01/2025'],
      [2, 'Công an xã B', '01/2025'],
      [1, 'Công an xã B', '02/2025'],
      [2, 'Công an xã A', '02/2025'],
    ]);
    const log = grid.sheets.find((s) => s.name === 'Nhật ký xét duyệt')!;
    expect(JSON.stringify(log.rows)).toContain('Lê Văn C');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(sheets.map((s) => s.name));
    expect(wb.creator).toBe('Pledge Check');
  });

  it('the HTML report groups the ranking by month and shows the trend', async () => {
    const c = await consolidationOf(defaultPack(), [{ name: 'thang.xlsx', grid: monthly }]);
    const page = htmlReport(c, 'vi');
    expect(page).toContain('<tr class="group"><th colspan="14">Kỳ: 01/2025</th></tr>');
    expect(page).toContain('Xu hướng theo kỳ (điểm)');
    expect(page).toContain('↑ tăng');
    expect(page).toContain('Công an xã A — 02/2025');
  });
});
