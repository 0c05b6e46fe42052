import { CellValue } from '../../src/grid/cell';
import { ExcelTable, SheetGrid, WorkbookGrid } from '../../src/grid/grid';
import { parseRange } from '../../src/grid/address';

/** A sheet from rows of values, for tests: `sheet('Báo cáo', [['STT', 'Nội dung'], …], { merges: ['A1:C1'] })`. */
export function sheet(
  name: string,
  rows: CellValue[][],
  opts: { merges?: string[]; tables?: { name: string; ref: string; totalsRows?: number }[]; hiddenRows?: number[]; visibility?: SheetGrid['visibility'] } = {},
): SheetGrid {
  const tables: ExcelTable[] = (opts.tables ?? []).map((t) => ({ name: t.name, range: parseRange(t.ref), headerRows: 1, totalsRows: t.totalsRows ?? 0 }));
  return {
    name,
    visibility: opts.visibility ?? 'visible',
    rows: rows.map((r) => r.map((v) => (v === undefined ? null : v))),
    merges: (opts.merges ?? []).map(parseRange),
    hiddenRows: new Set(opts.hiddenRows ?? []),
    tables,
  };
}

export function workbook(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets };
}

/** A layout A report with the given figures: [label, baseline, current] rows under sections. */
export function layoutA(rows: CellValue[][], opts: { unitLine?: string; header?: [string, string] } = {}): WorkbookGrid {
  const [h1, h2] = opts.header ?? ['Cùng kỳ năm 2023', 'Năm 2024'];
  return workbook(
    sheet('Báo cáo', [
      [opts.unitLine ?? 'CÔNG AN TỈNH THANH HÓA', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['PHÒNG THAM MƯU'],
      ['BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU GIAO ƯỚC THI ĐUA NĂM 2024'],
      ['STT', 'Nội dung chỉ tiêu', 'Đơn vị tính', h1, h2, 'Ghi chú'],
      ['1', '2', '3', '4', '5', '6'],
      ...rows.map((r) => (r.length === 2 ? [r[0], r[1]] : [null, r[0], null, r[1], r[2]])),
    ]),
  );
}
