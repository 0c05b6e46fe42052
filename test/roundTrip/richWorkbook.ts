/**
 * A report carrying everything a unit's workbook may hold, written by ExcelJS: fonts, fills,
 * borders and number formats on the very cells that get flagged, a user's note on a flagged cell
 * and on another, a merged title, data validation, conditional formats, a defined name, a
 * hyperlink, a hidden row, frozen panes, column widths, a formula with its result, and an Excel
 * table (layout C) on a second sheet. Figures are chosen so that some targets fall short.
 */
import ExcelJS from 'exceljs';

const thin = { style: 'thin' as const, color: { argb: 'FF444444' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

export async function richWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Phòng Tham mưu';
  wb.created = new Date(Date.UTC(2024, 11, 14));
  wb.modified = wb.created;

  const ws = wb.addWorksheet('Báo cáo', { views: [{ state: 'frozen', ySplit: 5 }] });
  ws.columns = [{ width: 6 }, { width: 48 }, { width: 10 }, { width: 16 }, { width: 16 }, { width: 20 }];
  ws.getCell('A1').value = 'CÔNG AN TỈNH THANH HÓA';
  ws.getCell('A1').font = { bold: true, name: 'Times New Roman', size: 13 };
  ws.mergeCells('A3:F3');
  ws.getCell('A3').value = 'BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU GIAO ƯỚC THI ĐUA NĂM 2024';
  ws.getCell('A3').alignment = { horizontal: 'center' };
  ['STT', 'Nội dung chỉ tiêu', 'Đơn vị tính', 'Cùng kỳ năm 2023', 'Năm 2024', 'Ghi chú'].forEach((h, i) => {
    const c = ws.getRow(4).getCell(i + 1);
    c.value = h;
    c.style = {
      font: { bold: true, name: 'Times New Roman', size: 12 },
      border: BORDER,
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    };
  });
  ['1', '2', '3', '4', '5', '6'].forEach((h, i) => (ws.getRow(5).getCell(i + 1).value = h));

  const rows: Array<[string | null, string, number | string | null, number | string | null, string?]> = [
    ['I', 'TỘI PHẠM VỀ TRẬT TỰ XÃ HỘI', null, null],
    [null, 'Số vụ phạm pháp hình sự', 1245, 1250, 'tăng'], // shortfall: up, not down 5 %
    [null, '- Trong đó: đã điều tra khám phá', 1010, 900],
    [null, 'Án rất nghiêm trọng, đặc biệt nghiêm trọng', 120, 110],
    [null, '- Trong đó: đã điều tra khám phá', 118, 'chưa thống kê'], // no data
    ['II', 'TIN BÁO, TỐ GIÁC TỘI PHẠM', null, null],
    [null, 'Số tin báo, tố giác tội phạm đã tiếp nhận', 1500, 1600],
    [null, '- Đã giải quyết', 1400, 1500],
    ['III', 'THAM NHŨNG', null, null],
    [null, 'Tài sản thiệt hại trong các vụ án tham nhũng', 10, 7.25],
    [null, '- Trong đó: đã thu hồi', 6, null], // blank: no data
    ['IV', 'CÔNG TÁC ĐIỀU TRA, XỬ LÝ', null, null],
    [null, 'Số vụ án oan', 0, 0],
    ['V', 'TAI NẠN GIAO THÔNG', null, null],
    [null, 'Số người chết', 290, 280], // shortfall
  ];
  rows.forEach((r, i) => {
    const row = ws.getRow(6 + i);
    r.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      if (v !== null && v !== undefined) cell.value = v;
      // Every data cell carries its own look, flagged ones included.
      cell.style = {
        font: { name: 'Times New Roman', size: 12, bold: r[0] !== null, italic: c === 5, color: { argb: c === 4 ? 'FF1F3864' : 'FF000000' } },
        border: BORDER,
        numFmt: c >= 3 && c <= 4 ? '#,##0.00;[Red]-#,##0.00' : undefined,
        fill: c === 3 ? { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } : undefined,
        alignment: { vertical: 'middle', wrapText: c === 1 },
      };
    });
  });
  // A computed column with cached results, a note on a flagged cell and one elsewhere, a hidden row.
  ws.getCell('F15').value = { formula: 'IF(D15=0,"",E15/D15)', result: 0.725 };
  ws.getCell('E7').note = 'Số liệu do PC02 cung cấp, đã đối chiếu';
  ws.getCell('B8').note = 'Không tính án chuyển từ kỳ trước';
  ws.getRow(21).hidden = true;
  ws.getCell('B21').value = 'Dòng ẩn: số liệu tham khảo';
  ws.getCell('B23').value = { text: 'Xem hướng dẫn', hyperlink: "#'Cụm 5'!A1" };
  ws.getCell('B25').value = 'Nơi nhận:';
  for (const a of ['D7', 'E7', 'D8', 'E8', 'D20', 'E20']) {
    ws.getCell(a).dataValidation = {
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      allowBlank: true,
      showErrorMessage: true,
      error: 'Nhập số ≥ 0',
    };
  }
  ws.addConditionalFormatting({
    ref: 'E6:E20',
    rules: [
      {
        type: 'cellIs',
        operator: 'lessThan',
        formulae: ['D6'],
        priority: 1,
        style: { font: { color: { argb: 'FF006100' } }, fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFC6EFCE' } } },
      },
    ],
  });
  wb.definedNames.add("'Báo cáo'!$D$6:$E$20", 'SoLieu2024');

  const c = wb.addWorksheet('Cụm 5');
  c.addTable({
    name: 'ChiTieuCum5',
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: [{ name: 'Đơn vị' }, { name: 'Số vụ PPHS năm 2023' }, { name: 'Số vụ PPHS năm 2024' }, { name: 'Số vụ án oan năm 2024' }, { name: 'Ghi chú' }],
    rows: [
      ['Công an tỉnh Nghệ An', 588, 571, 0, ''],
      ['Công an tỉnh Hà Tĩnh', 300, 250, 1, 'có 1 vụ'],
      ['Công an tỉnh Quảng Bình', 210, '#N/A', 0, ''],
    ],
  });
  c.getCell('B3').numFmt = '#,##0';
  c.getColumn(1).width = 28;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
