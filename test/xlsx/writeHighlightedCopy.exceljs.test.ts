import ExcelJS from 'exceljs';
import { HighlightPlan, MARK_FILL } from '../../src/xlsx/write/highlightPlan';
import { writeHighlightedCopy } from '../../src/xlsx/write/writeHighlightedCopy';
import {
  commentsByRef,
  expectDerivedXfs,
  expectOnlyAllowedPartsChanged,
  expectOnlyFlaggedStylesChanged,
  expectSheetFrameUnchanged,
  FlagExpectation,
} from './patchAssertions';
import { assertWellFormed, rawCells, tags, text, unzip } from './xlsxTestKit';

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A layout-A style report with the things a real one carries: shared styles, formulas, merges,
 * validation, conditional format, defined name, image, a user's note, a second sheet. */
async function buildWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'test';
  wb.created = new Date(Date.UTC(2024, 11, 14));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('Báo cáo');
  ws.columns = [{ width: 6 }, { width: 40 }, { width: 14 }, { width: 14 }, { width: 14 }];
  ws.mergeCells('A1:E1');
  ws.getCell('A1').value = 'BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA NĂM 2024';
  ws.getCell('A1').font = { bold: true, size: 14 };
  const header = ['STT', 'Nội dung chỉ tiêu', 'Cùng kỳ năm 2023', 'Năm 2024', 'Tăng, giảm %'];
  header.forEach((h, i) => {
    const c = ws.getRow(3).getCell(i + 1);
    c.value = h;
    c.style = { font: { bold: true, name: 'Times New Roman' }, border: thinBorder(), alignment: { horizontal: 'center', wrapText: true } };
  });
  const rows: Array<[number, string, number | string, number]> = [
    [1, 'Số vụ phạm pháp hình sự', 1245, 1180],
    [2, '- Trong đó: đã điều tra khám phá', 1010, 968],
    [3, 'Án rất nghiêm trọng, đặc biệt nghiêm trọng', 'chưa thống kê', 58],
  ];
  rows.forEach((r, i) => {
    const row = ws.getRow(4 + i);
    row.getCell(1).value = r[0];
    row.getCell(2).value = r[1];
    row.getCell(3).value = r[2];
    row.getCell(4).value = r[3];
    row.getCell(5).value = { formula: `IF(N(C${4 + i})=0,"",(D${4 + i}-C${4 + i})/C${4 + i})`, result: typeof r[2] === 'number' ? (r[3] - r[2]) / r[2] : '' };
    for (let c = 1; c <= 5; c++) row.getCell(c).style = dataStyle(c);
  });
  // Row 7 left empty on purpose; row 8 has a gap at C8.
  const r8 = ws.getRow(8);
  r8.getCell(1).value = 4;
  r8.getCell(2).value = 'Tin báo, tố giác tội phạm đã giải quyết';
  r8.getCell(4).value = 2230;
  for (const c of [1, 2, 4]) r8.getCell(c).style = dataStyle(c);
  ws.getCell('B5').note = 'Số liệu do PC02 cung cấp';
  ws.getCell('B10').value = { text: 'Xem hướng dẫn', hyperlink: "#'Ghi chú'!A1" };
  for (const a of ['C4', 'C5', 'C6', 'D4', 'D5', 'D6']) {
    ws.getCell(a).dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true };
  }
  ws.addConditionalFormatting({
    ref: 'E4:E8',
    rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: ['0'], priority: 1, style: { font: { color: { argb: 'FF9C0006' } } } }],
  });
  wb.definedNames.add("'Báo cáo'!$D$4:$D$8", 'SoLieu2024');
  const img = wb.addImage({ buffer: PNG_1X1 as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(img, 'G2:H4');

  const notes = wb.addWorksheet('Ghi chú');
  notes.getCell('A1').value = 'Hướng dẫn';
  notes.getCell('A2').value = 42;
  wb.addWorksheet('Kết quả').getCell('A1').value = 'đã có sẵn';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function thinBorder(): Partial<ExcelJS.Borders> {
  const t = { style: 'thin' as const };
  return { top: t, left: t, bottom: t, right: t };
}

function dataStyle(col: number): Partial<ExcelJS.Style> {
  return {
    font: { name: 'Times New Roman', size: 12 },
    border: thinBorder(),
    numFmt: col >= 3 && col <= 4 ? '#,##0' : col === 5 ? '0.0%' : 'General',
  };
}

const SHEET = 'Báo cáo';
const plan: HighlightPlan = {
  author: 'Kiểm tra chỉ tiêu',
  marks: [
    { sheet: SHEET, cell: 'D6', status: 'shortfall', note: 'Tỷ lệ khám phá án rất nghiêm trọng 93,1 % < 95 %\nThiếu 1,9 điểm %' },
    { sheet: SHEET, cell: 'C6', status: 'no-data', note: 'Không có số liệu: "chưa thống kê" không phải là số' },
    { sheet: SHEET, cell: 'E4', status: 'shortfall', note: 'Công thức & kết quả <giữ nguyên>' },
    { sheet: SHEET, cell: 'B5', status: 'shortfall', note: 'ô đã có ghi chú của người dùng' },
    { sheet: SHEET, cell: 'C7', status: 'no-data', note: 'hàng trống' },
    { sheet: SHEET, cell: 'C8', status: 'no-data', note: 'ô trống giữa hai ô' },
    { sheet: SHEET, cell: 'F12', status: 'shortfall', note: 'sau hàng cuối' },
    { sheet: 'Ghi chú', cell: 'A2', status: 'shortfall', note: 'trang khác' },
  ],
  findingsSheet: {
    name: 'Kết quả',
    title: 'Kết quả kiểm tra',
    header: ['Chỉ tiêu', 'Trạng thái', 'Thực tế', 'Lý do'],
    statusColumn: 1,
    rows: [
      { values: ['Khám phá án rất nghiêm trọng', 'Chưa đạt', 93.1, 'thấp hơn 95 %'], status: 'shortfall', link: { sheet: SHEET, cell: 'D6', column: 0 } },
      { values: ['Án nghiêm trọng', 'Không có số liệu', null, 'ô C6 không phải số'], status: 'no-data', link: { sheet: SHEET, cell: 'C6', column: 0 } },
      { values: ['Phạm pháp hình sự', 'Đạt', -5.22, ''], status: 'met' },
    ],
  },
};

const flagsOn = (sheet: string): FlagExpectation[] => plan.marks.filter((m) => m.sheet === sheet).map((m) => ({ ref: m.cell, status: m.status }));

describe('writeHighlightedCopy on a workbook written by ExcelJS', () => {
  let input: Uint8Array;
  let inputCopy: Uint8Array;
  let output: Uint8Array;
  let before: Map<string, Uint8Array>;
  let after: Map<string, Uint8Array>;

  beforeAll(async () => {
    input = await buildWorkbook();
    inputCopy = input.slice();
    output = writeHighlightedCopy(input, plan);
    before = unzip(input);
    after = unzip(output);
  });

  it('leaves the input bytes alone and is deterministic', () => {
    expect(Buffer.compare(Buffer.from(input), Buffer.from(inputCopy))).toBe(0);
    const again = writeHighlightedCopy(input, plan);
    expect(Buffer.compare(Buffer.from(again), Buffer.from(output))).toBe(0);
  });

  it('carries every other part over byte for byte (image, drawing, theme, docProps, sharedStrings)', () => {
    expectOnlyAllowedPartsChanged(before, after, ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']);
    expect(after.has('xl/media/image1.png')).toBe(true);
    expect(after.get('xl/sharedStrings.xml')).toEqual(before.get('xl/sharedStrings.xml'));
    expect(after.get('xl/worksheets/sheet3.xml')).toEqual(before.get('xl/worksheets/sheet3.xml'));
  });

  it('changes only the s attribute of the flagged cells, creating blank ones in place', () => {
    const changes = expectOnlyFlaggedStylesChanged(text(before, 'xl/worksheets/sheet1.xml'), text(after, 'xl/worksheets/sheet1.xml'), flagsOn(SHEET));
    expectDerivedXfs(text(before, 'xl/styles.xml'), text(after, 'xl/styles.xml'), changes);
    const other = expectOnlyFlaggedStylesChanged(text(before, 'xl/worksheets/sheet2.xml'), text(after, 'xl/worksheets/sheet2.xml'), flagsOn('Ghi chú'));
    expectDerivedXfs(text(before, 'xl/styles.xml'), text(after, 'xl/styles.xml'), other);

    for (const p of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) expectSheetFrameUnchanged(text(before, p), text(after, p));
    expect(text(after, 'xl/worksheets/sheet1.xml')).toMatch(/<dataValidations count="\d+">/);
    expect(text(after, 'xl/worksheets/sheet1.xml')).toMatch(/<conditionalFormatting/);
    const cells = rawCells(text(after, 'xl/worksheets/sheet1.xml')).map((c) => c.ref);
    // C8 between B8 and D8; row 7 between rows 6 and 8; F12 after the last row.
    expect(cells.indexOf('C8')).toBe(cells.indexOf('B8') + 1);
    expect(cells.indexOf('C7')).toBe(cells.indexOf('E6') + 1);
    expect(cells[cells.length - 1]).toBe('F12');
  });

  it('keeps the style of unflagged cells that shared an original style with a flagged one', () => {
    const b = new Map(rawCells(text(before, 'xl/worksheets/sheet1.xml')).map((c) => [c.ref, c.s]));
    const a = new Map(rawCells(text(after, 'xl/worksheets/sheet1.xml')).map((c) => [c.ref, c.s]));
    expect(b.get('D4')).toBe(b.get('D6')); // shared
    expect(a.get('D4')).toBe(b.get('D4'));
    expect(a.get('D5')).toBe(b.get('D5'));
    expect(a.get('D6')).not.toBe(b.get('D6'));
    expect(a.get('E5')).toBe(b.get('E5'));
  });

  it('writes well-formed XML in every part it touched', () => {
    for (const [name, bytes] of after) {
      if (!/\.(xml|rels|vml)$/.test(name) || before.get(name) === bytes) continue;
      assertWellFormed(Buffer.from(bytes).toString('utf8'), name);
    }
  });

  it('adds notes to the existing comments part, leaving the user note alone', () => {
    const rels = text(after, 'xl/worksheets/_rels/sheet1.xml.rels');
    const commentsTargets = tags(rels, 'Relationship').filter((r) => r.Type.endsWith('/comments'));
    expect(commentsTargets).toHaveLength(1);
    const commentsPath = [...after.keys()].find((k) => /comments\d*\.xml$/.test(k) && before.has(k)) as string;
    const comments = commentsByRef(text(after, commentsPath));
    expect(comments.get('B5')).toBe('Số liệu do PC02 cung cấp');
    expect(comments.get('D6')).toBe('Tỷ lệ khám phá án rất nghiêm trọng 93,1 % < 95 %\nThiếu 1,9 điểm %');
    expect(comments.get('E4')).toBe('Công thức & kết quả <giữ nguyên>');
    expect(comments.get('C7')).toBe('hàng trống');
    expect(tags(text(after, 'xl/worksheets/sheet1.xml'), 'legacyDrawing')).toHaveLength(1);
    // The VML has a shape per note, ids unique.
    const vmlPath = [...after.keys()].find((k) => k.endsWith('.vml') && before.has(k)) as string;
    const ids = [...text(after, vmlPath).matchAll(/id="(_x0000_s\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(comments.size);
  });

  it('creates a comments part, VML drawing and legacyDrawing for a sheet without notes', () => {
    const sheet = text(after, 'xl/worksheets/sheet2.xml');
    const ld = tags(sheet, 'legacyDrawing');
    expect(ld).toHaveLength(1);
    const rels = tags(text(after, 'xl/worksheets/_rels/sheet2.xml.rels'), 'Relationship');
    const vml = rels.find((r) => r.Id === ld[0]['r:id']);
    expect(vml?.Type).toMatch(/\/vmlDrawing$/);
    const comments = rels.find((r) => r.Type.endsWith('/comments'));
    expect(comments).toBeDefined();
    const ct = text(after, '[Content_Types].xml');
    expect(ct).toMatch(/Extension="vml"/);
    const commentsPart = `xl/${(comments as Record<string, string>).Target.replace(/^\.\.\//, '')}`;
    expect(ct).toContain(`PartName="/${commentsPart}"`);
    expect(commentsByRef(text(after, commentsPart)).get('A2')).toBe('trang khác');
    // Shape-id blocks of the two drawings do not overlap.
    const blocks = [...after.keys()].filter((k) => k.endsWith('.vml')).map((k) => /data="([^"]*)"/.exec(text(after, k))?.[1]);
    expect(new Set(blocks).size).toBe(blocks.length);
  });

  it('appends a findings sheet with a unique name, links and fills', () => {
    const wbXml = text(after, 'xl/workbook.xml');
    const sheets = tags(wbXml, 'sheet');
    expect(sheets).toHaveLength(4);
    const last = sheets[3];
    expect(last.name).toBe('K&#7871;t qu&#7843; (2)');
    expect(new Set(sheets.map((s) => s.sheetId)).size).toBe(4);
    const rel = tags(text(after, 'xl/_rels/workbook.xml.rels'), 'Relationship').find((r) => r.Id === last['r:id']);
    const part = `xl/${rel?.Target}`;
    expect(text(after, '[Content_Types].xml')).toContain(`PartName="/${part}"`);
    const xml = text(after, part);
    assertWellFormed(xml, part);
    expect(tags(xml, 'hyperlink')).toEqual([
      { ref: 'A3', location: "'Báo cáo'!D6", display: 'Khám phá án rất nghiêm trọng' },
      { ref: 'A4', location: "'Báo cáo'!C6", display: 'Án nghiêm trọng' },
    ]);
    expect(xml).toContain('<c r="C3"><v>93.1</v></c>');
    expect(xml).not.toContain('t="s"'); // no shared strings
  });

  it('can be re-read by ExcelJS with unchanged values, fills and notes', async () => {
    const orig = new ExcelJS.Workbook();
    await orig.xlsx.load(Buffer.from(input) as unknown as ExcelJS.Buffer);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(Buffer.from(output) as unknown as ExcelJS.Buffer);
    for (const ws of orig.worksheets) {
      const ws2 = copy.getWorksheet(ws.name) as ExcelJS.Worksheet;
      ws.eachRow({ includeEmpty: true }, (row, r) =>
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          expect({ at: `${ws.name}!${cell.address}`, v: ws2.getCell(r, c).value }).toEqual({ at: `${ws.name}!${cell.address}`, v: cell.value });
        }),
      );
    }
    const report = copy.getWorksheet(SHEET) as ExcelJS.Worksheet;
    const fg = (a: string) => ((report.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor as { argb?: string } | undefined)?.argb;
    expect(fg('D6')).toBe(MARK_FILL.shortfall);
    expect(fg('C6')).toBe(MARK_FILL['no-data']);
    expect(fg('C8')).toBe(MARK_FILL['no-data']);
    expect(fg('D4')).toBeUndefined();
    expect(report.getCell('D6').font?.name).toBe('Times New Roman');
    expect(report.getCell('D6').numFmt).toBe('#,##0');
    expect(report.getCell('D6').border?.left?.style).toBe('thin');
    const note = report.getCell('D6').note as string | ExcelJS.Comment;
    const noteText = typeof note === 'string' ? note : note.texts?.map((t) => t.text).join('');
    expect(noteText).toBe('Tỷ lệ khám phá án rất nghiêm trọng 93,1 % < 95 %\nThiếu 1,9 điểm %');
    expect(copy.worksheets.map((w) => w.name)).toEqual(['Báo cáo', 'Ghi chú', 'Kết quả', 'Kết quả (2)']);
    expect(copy.definedNames.getRanges('SoLieu2024').ranges).toEqual(["'Báo cáo'!$D$4:$D$8"]);
  });
});
