/**
 * The findings sheet of a highlighted copy prints like the scorecard workbook's sheets: its header
 * row repeated on every page (`_xlnm.Print_Titles`, local to the sheet, in the person's own
 * workbook.xml), the table as the print area, A4 landscape fit to width, row heights for wrapped
 * reasons. The person's own defined names stay byte for byte.
 */
import { FindingsSheet, HighlightPlan } from '../../src/xlsx/write/highlightPlan';
import { printNames } from '../../src/xlsx/write/findingsSheetPart';
import { decodeXml } from '../../src/xlsx/package';
import { sheetLayout } from '../../src/xlsx/write/findingsSheetLayout';
import { writeHighlightedCopy } from '../../src/xlsx/write/writeHighlightedCopy';
import { assertWellFormed, minimalPackage, NS, tags, text, unzip } from './xlsxTestKit';

const SHEET = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS.main}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
const REASON = 'Số vụ phạm pháp hình sự năm 2025 là 512, chưa giảm ít nhất 5% so với năm 2024 (520): cần giảm thêm 18 vụ nữa mới đạt chỉ tiêu đề ra.';

function findings(rows: number): FindingsSheet {
  return {
    name: 'Kết quả kiểm tra',
    title: 'Kết quả kiểm tra chỉ tiêu thi đua',
    subtitles: ['Bộ chỉ tiêu mặc định'],
    header: ['Đơn vị', 'Chỉ tiêu', 'Kết quả', 'Lý do', 'Ô'],
    rows: Array.from({ length: rows }, (_, i) => ({
      values: [`Công an huyện số ${i + 1}`, 'Giảm 5% số vụ phạm pháp hình sự', 'Chưa đạt', REASON, `Data!B${i + 2}`],
      status: 'shortfall' as const,
    })),
    statusColumn: 2,
    frozenColumns: 1,
  };
}

const plan = (sheet: FindingsSheet): HighlightPlan => ({
  author: 'Pledge Check',
  marks: [{ sheet: 'Data', cell: 'A1', status: 'shortfall', note: 'x' }],
  findingsSheet: sheet,
});

function definedNames(workbookXml: string): { name: string; localSheetId?: string; value: string }[] {
  return [...workbookXml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([^<]*)<\/(?:\w+:)?definedName>/g)].map((m) => ({
    name: /name="([^"]*)"/.exec(m[1])![1],
    localSheetId: /localSheetId="([^"]*)"/.exec(m[1])?.[1],
    value: decodeXml(m[2]),
  }));
}

describe('the findings sheet of a highlighted copy, on paper', () => {
  it('repeats its header row on every page and sets its print area, as names local to the new sheet', () => {
    const sheet = findings(300);
    const after = unzip(writeHighlightedCopy(minimalPackage({ sheet: SHEET }), plan(sheet)));
    const wb = text(after, 'xl/workbook.xml');
    assertWellFormed(wb, 'xl/workbook.xml');
    const layout = sheetLayout(sheet);
    expect(layout.headerRow).toBe(2);
    expect(definedNames(wb)).toEqual([
      { name: '_xlnm.Print_Area', localSheetId: '1', value: "'Kết quả kiểm tra'!$A$1:$E$303" },
      { name: '_xlnm.Print_Titles', localSheetId: '1', value: "'Kết quả kiểm tra'!$3:$3" },
    ]);
    // definedNames comes after sheets, as the schema orders a workbook's children.
    expect(wb.indexOf('<definedNames>')).toBeGreaterThan(wb.indexOf('</sheets>'));
  });

  it('prints A4 landscape at the scale that fits one page wide (never under 75 %), with heights for wrapped reasons and numbered pages', () => {
    const sheet = findings(40);
    const after = unzip(writeHighlightedCopy(minimalPackage({ sheet: SHEET }), plan(sheet)));
    const part = text(after, 'xl/worksheets/sheet2.xml');
    const scale = sheetLayout(sheet).print.scale;
    expect(scale).toBeGreaterThanOrEqual(75);
    expect(tags(part, 'pageSetup')).toEqual([{ paperSize: '9', orientation: 'landscape', pageOrder: 'overThenDown', scale: String(scale) }]);
    expect(part).toContain('<oddFooter>&amp;L&amp;A&amp;R&amp;P / &amp;N</oddFooter>');
    // Every data row holds the long reason in a wrapped column: each has a height of several lines.
    const rows = tags(part, 'row').filter((r) => Number(r.r) > 3);
    expect(rows).toHaveLength(40);
    for (const r of rows) {
      expect(r.customHeight).toBe('1');
      expect(Number(r.ht)).toBeGreaterThanOrEqual(30);
    }
  });

  it('keeps the person’s defined names as they were and adds its own beside them (prefixed workbook, external references)', () => {
    const workbook =
      `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="${NS.main}" xmlns:r="${NS.rel}"><x:sheets><x:sheet name="Data" sheetId="1" r:id="rId1"/></x:sheets>` +
      `<x:definedNames><x:definedName name="_xlnm.Print_Area" localSheetId="0">Data!$A$1:$C$9</x:definedName><x:definedName name="ChiTieu">Data!$B$2</x:definedName></x:definedNames>` +
      `<x:calcPr calcId="191029"/></x:workbook>`;
    const after = unzip(writeHighlightedCopy(minimalPackage({ sheet: SHEET, workbook }), plan(findings(3))));
    const wb = text(after, 'xl/workbook.xml');
    assertWellFormed(wb, 'xl/workbook.xml');
    expect(wb).toContain(
      '<x:definedName name="_xlnm.Print_Area" localSheetId="0">Data!$A$1:$C$9</x:definedName><x:definedName name="ChiTieu">Data!$B$2</x:definedName><x:definedName name="_xlnm.Print_Area" localSheetId="1">',
    );
    expect(definedNames(wb).map((d) => `${d.name}@${d.localSheetId ?? ''}`)).toEqual([
      '_xlnm.Print_Area@0',
      'ChiTieu@',
      '_xlnm.Print_Area@1',
      '_xlnm.Print_Titles@1',
    ]);
    expect(wb.match(/<x:definedNames>/g)).toHaveLength(1);

    const withExternal =
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets>` +
      `<externalReferences><externalReference r:id="rId9"/></externalReferences><calcPr calcId="191029"/></workbook>`;
    const wb2 = text(unzip(writeHighlightedCopy(minimalPackage({ sheet: SHEET, workbook: withExternal }), plan(findings(3)))), 'xl/workbook.xml');
    assertWellFormed(wb2, 'xl/workbook.xml');
    expect(wb2).toMatch(
      /<\/externalReferences><definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">[^<]*<\/definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">[^<]*<\/definedName><\/definedNames><calcPr/,
    );
  });

  it('repeats the leading columns too when the table is too wide for one page at a readable size', () => {
    const wide: FindingsSheet = {
      ...findings(5),
      header: Array.from({ length: 14 }, (_, i) => `Cột ${i + 1}`),
      rows: findings(5).rows.map((r) => ({ values: [...r.values, ...Array(9).fill(REASON)] })),
    };
    expect(sheetLayout(wide).print.onePageWide).toBe(false);
    expect(printNames(wide, 'Kết quả')).toEqual([
      { name: '_xlnm.Print_Area', value: "'Kết quả'!$A$1:$N$8" },
      { name: '_xlnm.Print_Titles', value: "'Kết quả'!$A:$A,'Kết quả'!$3:$3" },
    ]);
  });
});
