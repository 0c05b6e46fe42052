/**
 * The reader and table finder on packages that are valid zip and mostly valid XML but built to
 * cost: a stray cell in the last position of the grid, merges and tables over the whole sheet,
 * thousands of rows that look like headers, positions outside Excel's grid, character references
 * to no character, a part only the patcher reads in UTF-16. Each is read in time proportional to
 * the cells the file holds, or refused in one sentence. Each finishes in well under a second;
 * before the fixes each took minutes. A synchronous loop cannot be stopped by jest's timeout, so
 * the time is asserted, with a bound fifty times what the case needs.
 */
import { join } from 'path';
import { existsSync } from 'fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { defaultPack } from '../../src/packs/builtinPacks';
import { openPackage, WorkbookFormatError } from '../../src/xlsx/package';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { EXIT } from '../../src/cli/main';
import { runCli, snapshot, tempDir, writeInput } from './cliHarness';
import { Cell, DEFAULT_RULES, FULL_REPORT, reportRows, worksheetXml, xlsxPackage } from './corpus';
import { refusal } from '../helpers/refusal';

const checker = new PledgeChecker(defaultPack());
const BOUND_MS = 20_000;

/** Statuses of a workbook's findings, read and checked within the bound. */
async function statuses(bytes: Uint8Array): Promise<string[]> {
  const t = Date.now();
  const out = (await checker.check(readWorkbook(bytes))).findings.map((f) => `${f.ruleId}:${f.status}`);
  expect(Date.now() - t).toBeLessThan(BOUND_MS);
  return out;
}
const ALL_MET = DEFAULT_RULES.map((r) => `${r}:met`);

function reportWith(extra: { sheetTail?: string; merges?: string[]; after?: string }): Uint8Array {
  let xml = worksheetXml(reportRows(FULL_REPORT), { merges: extra.merges, after: extra.after });
  if (extra.sheetTail) xml = xml.replace('</sheetData>', `${extra.sheetTail}</sheetData>`);
  return xlsxPackage({ sheets: [{ name: 'Báo cáo', xml }] });
}

describe('costly but valid: read in time proportional to the cells', () => {
  it('one stray cell in XFD1048576, the last cell of the grid', async () => {
    expect(await statuses(reportWith({ sheetTail: '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' }))).toEqual(ALL_MET);
  });

  it('a merged area over the whole sheet, and ten thousand small ones', async () => {
    const merges = ['H1:XFD1048576', ...Array.from({ length: 10_000 }, (_, i) => `J${i + 30}:K${i + 30}`)];
    expect(await statuses(reportWith({ merges, sheetTail: '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' }))).toEqual(ALL_MET);
  });

  it('a merged area with text over the whole of a sheet that holds no table', async () => {
    // Without a bound on merged cells, every one of the 1,048,576 rows would show 16,384 merged columns.
    const noise = worksheetXml([['Ghi chú chung cho cả sổ']], { merges: ['A1:XFD1048576'] }).replace(
      '</sheetData>',
      '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
    );
    const bytes = xlsxPackage({
      sheets: [
        { name: 'Ghi chú', xml: noise },
        { name: 'Báo cáo', rows: reportRows(FULL_REPORT) },
      ],
    });
    expect(await statuses(bytes)).toEqual(ALL_MET);
  });

  it('twenty thousand rows of bare figures whose first two look like years', async () => {
    // Each row is a "2023 | 2024" header, and every row below it a row of column numbers.
    const rows: Cell[][] = Array.from({ length: 20_000 }, (_, i) => [2023, 2024, i % 7, 1]);
    const bytes = xlsxPackage({
      sheets: [
        { name: 'Số', rows },
        { name: 'Báo cáo', rows: reportRows(FULL_REPORT) },
      ],
    });
    expect(await statuses(bytes)).toEqual(ALL_MET);
  });

  it('an Excel table declared over every row of the sheet', async () => {
    const bytes = xlsxPackage({
      sheets: [
        { name: 'Báo cáo', rows: reportRows(FULL_REPORT) },
        {
          name: 'Bảng',
          xml: worksheetXml(
            [
              ['Đơn vị', 'Ghi chú'],
              ['A', 'b'],
            ],
            { after: '<tableParts count="1"><tablePart r:id="rIdT"/></tableParts>' },
          ),
        },
      ],
      extraParts: {
        'xl/worksheets/_rels/sheet2.xml.rels':
          '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>',
        'xl/tables/table1.xml':
          '<?xml version="1.0" encoding="UTF-8"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="T" displayName="T" ref="A1:XFD1048576"><tableColumns count="2"><tableColumn id="1" name="Đơn vị"/><tableColumn id="2" name="Ghi chú"/></tableColumns></table>',
      },
      contentTypes: '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>',
    });
    expect(await statuses(bytes)).toEqual(ALL_MET);
  });

  it('twenty thousand rows that each look like a "2023 | 2024" header, above the real report', async () => {
    const rows: Cell[][] = Array.from({ length: 20_000 }, (_, i) => [`Nguyễn Văn ${i}`, 2023, 2024, i % 7]);
    const bytes = xlsxPackage({
      sheets: [
        { name: 'Dữ liệu', rows },
        { name: 'Báo cáo', rows: reportRows(FULL_REPORT) },
      ],
    });
    expect(await statuses(bytes)).toEqual(ALL_MET);
  });

  it('a consolidation of 20,000 units (layout C) finds each unit once', async () => {
    const rows: Cell[][] = [['Đơn vị', 'Số vụ PPHS năm 2023', 'Số vụ PPHS năm 2024']];
    for (let i = 0; i < 20_000; i++) rows.push([`Công an xã số ${i}`, 100, 90]);
    const bytes = xlsxPackage({ sheets: [{ name: 'Cụm', rows }] });
    const t = Date.now();
    const { tables, findings } = await checker.check(readWorkbook(bytes));
    expect(Date.now() - t).toBeLessThan(BOUND_MS);
    expect(tables[0].units).toHaveLength(20_000);
    expect(findings.every((f) => f.status === 'met')).toBe(true);
  });
});

describe('positions and references that cannot be', () => {
  it.each([
    ['a column past XFD', '<row r="7"><c r="XFE7"><v>1</v></c></row>', /có ô XFE7 nằm ngoài giới hạn của Excel/],
    ['a row number that is not a number', '<row r="abc"><c><v>1</v></c></row>', /có dòng abc nằm ngoài giới hạn/],
    ['row zero', '<row r="0"><c r="A0"><v>1</v></c></row>', /có dòng 0 nằm ngoài giới hạn/],
  ])('%s is refused in one sentence', (_name, tail, message) => {
    const bytes = reportWith({ sheetTail: tail });
    expect(() => readWorkbook(bytes)).toThrow(WorkbookFormatError);
    expect(refusal(() => readWorkbook(bytes)).vi).toMatch(message);
  });

  it('a character reference to no character (&#99999999;) in a sheet name is kept as written, not a crash', () => {
    const bytes = xlsxPackage({ sheets: [{ name: 'Báo cáo', rows: reportRows(FULL_REPORT) }] });
    const files = unzipSync(bytes);
    files['xl/workbook.xml'] = strToU8(Buffer.from(files['xl/workbook.xml']).toString('utf8').replace('name="Báo cáo"', 'name="B&#99999999;o"'));
    const pkg = openPackage(zipSync(files));
    expect(pkg.sheets[0].name).toBe('B&#99999999;o');
  });
});

describe('a part only the patcher reads, in UTF-16', () => {
  it('check works; check --out refuses in one sentence and writes nothing', async () => {
    const shortReport = FULL_REPORT.map((r) => (r[0] === 'Số vụ án oan' ? (['Số vụ án oan', 0, 1] as const) : r));
    const styles =
      '\ufeff<?xml version="1.0" encoding="UTF-16"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>';
    const utf16 = new Uint8Array(Buffer.from(styles, 'utf16le'));
    const bytes = xlsxPackage({ sheets: [{ name: 'Báo cáo', rows: reportRows(shortReport) }], replaceParts: { 'xl/styles.xml': utf16 } });
    const dir = tempDir();
    const input = writeInput(dir, 'utf16.xlsx', bytes);
    expect((await runCli('check', input)).code).toBe(EXIT.shortfall);
    const before = snapshot(dir);
    const r = await runCli('check', input, '--out', join(dir, 'ban-sao.xlsx'));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/^.*utf16\.xlsx: không sửa được phần xl\/styles\.xml vì nó được mã hóa UTF-16/);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'ban-sao.xlsx'))).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });
});
