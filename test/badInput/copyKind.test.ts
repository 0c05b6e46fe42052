/**
 * Issue #16, points 11–12: what the copy must stay. A workbook at Excel's limit of 64,000 cell
 * formats gets no format past it (an identical one is reused; else no fill, said in one sentence,
 * the reasons kept on the findings sheet); a macro-enabled workbook's copy stays macro-enabled
 * and is named .xlsm; an old .xls is named as such with how to convert it.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { unzipSync, strFromU8 } from 'fflate';
import { EXIT } from '../../src/cli/main';
import { STATUS_FILL } from '../../src/xlsx/write/highlightPlan';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { runCli, snapshot, tempDir, writeInput } from './cliHarness';
import { compoundFile, xlsxPackage } from './corpus';
import { deathsRows, DEATHS_CELL } from './hiddenCells';

const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RED = `<fill><patternFill patternType="solid"><fgColor rgb="${STATUS_FILL.shortfall}"/><bgColor indexed="64"/></patternFill></fill>`;

/** A stylesheet with exactly `xfs` cell formats, the extra fills given, the first format plain. */
function fullStyles(extraXf: string[], extraFills: string[] = []): string {
  const plain = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  // Distinct fillers (number formats 1..), so none is the one the copy needs.
  const fillers = Array.from(
    { length: 64_000 - 1 - extraXf.length },
    (_, i) => `<xf numFmtId="${(i % 160) + 1}" fontId="0" fillId="0" borderId="${Math.floor(i / 160)}" xfId="0"/>`,
  );
  const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>', ...extraFills];
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${SML}">` +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="${fills.length}">${fills.join('')}</fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="64000">${[plain, ...fillers, ...extraXf].join('')}</cellXfs></styleSheet>`
  );
}

async function copyOf(styles: string) {
  const dir = tempDir();
  const input = writeInput(dir, 'so.xlsx', xlsxPackage({ sheets: [{ name: 'Báo cáo', rows: deathsRows(280) }], replaceParts: { 'xl/styles.xml': styles } }));
  const out = join(dir, 'copy.xlsx');
  const r = await runCli('check', input, '--out', out, '--lang', 'en');
  const parts = unzipSync(readFileSync(out));
  const stylesXml = strFromU8(parts['xl/styles.xml']);
  const xfCount = (/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1].match(/<xf\b/g) ?? []).length;
  const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
  const styleIds = [...Object.entries(parts)]
    .filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .flatMap(([, d]) => [...strFromU8(d).matchAll(/\ss="(\d+)"/g)].map((m) => Number(m[1])));
  const deathsStyle = Number(new RegExp(`<c r="${DEATHS_CELL}"[^>]*\\ss="(\\d+)"`).exec(sheet)?.[1] ?? '0');
  return { r, xfCount, styleIds, deathsStyle, stylesXml, copy: readFileSync(out) };
}

describe("Excel's limit of 64,000 cell formats (point 11)", () => {
  it('when none is left, no format is added, no cell points past the limit, and one sentence says so', async () => {
    const { r, xfCount, styleIds, copy } = await copyOf(fullStyles([]));
    expect(r.code).toBe(EXIT.shortfall);
    expect(xfCount).toBe(64_000);
    expect(Math.max(...styleIds)).toBeLessThan(64_000);
    expect(r.out).toMatch(
      /The workbook already has Excel's limit of 64,000 cell formats, so 1 cells are not filled \(their formats are kept\); every finding's reason is still on the copy's "Check results" sheet\./,
    );
    expect(readWorkbook(copy).sheets.map((s) => s.name)).toContain('Check results');
  }, 30_000);

  it('an identical existing format is reused', async () => {
    const mark = '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>';
    const { r, xfCount, deathsStyle } = await copyOf(fullStyles([mark], [RED]));
    expect(r.code).toBe(EXIT.shortfall);
    expect(xfCount).toBe(64_000);
    expect(deathsStyle).toBe(63_999);
  }, 30_000);
});

describe('macro-enabled workbooks and old .xls files (point 12)', () => {
  const MACRO_CT = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
  function xlsm(): Uint8Array {
    const book = xlsxPackage({
      sheets: [{ name: 'Báo cáo', rows: deathsRows(280) }],
      extraParts: { 'xl/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) },
      contentTypes: '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
    });
    const parts = unzipSync(book);
    parts['[Content_Types].xml'] = new TextEncoder().encode(
      strFromU8(parts['[Content_Types].xml']).replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', MACRO_CT),
    );
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('fflate') as typeof import('fflate')).zipSync(parts);
  }

  it('an .xlsm checked with --out copy.xlsx is refused in one sentence naming the .xlsm to use', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'so.xlsm', xlsm());
    const before = snapshot(dir);
    const r = await runCli('check', input, '--out', join(dir, 'copy.xlsx'), '--json', join(dir, 'kq.json'), '--lang', 'en');
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toBe(
      `${join(dir, 'copy.xlsx')}: the workbook has macros (.xlsm), so its copy is one too and Excel opens it only under an .xlsm name; use --out ${join(dir, 'copy.xlsm')}.`,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('with --out copy.xlsm the copy keeps the macros and the macro-enabled content type', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'so.xlsm', xlsm());
    const r = await runCli('check', input, '--out', join(dir, 'copy.xlsm'));
    expect(r.code).toBe(EXIT.shortfall);
    const parts = unzipSync(readFileSync(join(dir, 'copy.xlsm')));
    expect([...parts['xl/vbaProject.bin']]).toEqual([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]);
    expect(strFromU8(parts['[Content_Types].xml'])).toContain(MACRO_CT);
  });

  it('a plain workbook copied to --out copy.xlsm is refused the same way', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'so.xlsx', xlsxPackage({ sheets: [{ name: 'Báo cáo', rows: deathsRows(280) }] }));
    const r = await runCli('check', input, '--out', join(dir, 'copy.xlsm'));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/copy\.xlsm: sổ không có macro \(\.xlsx\), nên bản sao phải có đuôi \.xlsx; hãy dùng --out .*copy\.xlsx\./);
  });

  it('an old .xls file is named as such, with how to convert it', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'so.xls', compoundFile(['Workbook']));
    const r = await runCli('check', input, '--lang', 'en');
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(
      /so\.xls: the file is an Excel 97-2003 workbook \(\.xls\), the old format, which is not read; open it in Excel and save it as an Excel Workbook \(\.xlsx\) \(File > Save As\), or convert it with LibreOffice: soffice --headless --convert-to xlsx/,
    );
    expect(r.err.split('\n')).toHaveLength(1);
  });
});
