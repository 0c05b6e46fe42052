/**
 * The cells of a plain sheet are read from its bytes (sheetDataBytes.ts); every other sheet as
 * text. Both ways must give the same grid, and a sheet with anything wrong the same sentence.
 */
import { readFileSync, readdirSync, existsSync } from 'fs';
import { join } from 'path';
import { scanA1 } from '../../src/grid/address';
import { cellAt, WorkbookGrid } from '../../src/grid/grid';
import { openPackage, XlsxPackage } from '../../src/xlsx/package';
import { readPackage } from '../../src/xlsx/read/readWorkbook';
import * as sheetDataBytes from '../../src/xlsx/read/sheetDataBytes';
import { plainNumberAt, plainUtf8 } from '../../src/xlsx/read/sheetDataBytes';
import { SAMPLES, SHARED_FIXTURES } from '../helpers/paths';
import { minimalPackage, NS } from './xlsxTestKit';

const xlsxIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.xlsx'))
        .map((f) => join(dir, f))
    : [];
const sheet = (cells: string, around = { before: '', after: '' }) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">${around.before}<sheetData>${cells}</sheetData>${around.after}</worksheet>`;

const escapeText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');

/** The package with every shared-string cell of its sheets written as an inline string (`<is><t>`) instead, and how many. */
function withInlineStrings(pkg: XlsxPackage, grid: WorkbookGrid): { inline: XlsxPackage; count: number } {
  const parts = new Map(pkg.parts);
  let count = 0;
  for (const s of pkg.sheets) {
    const data = s.path === undefined ? undefined : pkg.parts.get(s.path);
    const sheetGrid = grid.sheets.find((g) => g.name === s.name);
    if (!data || !sheetGrid || !s.path) continue;
    const xml = Buffer.from(data).toString('utf8');
    const inline = xml.replace(/<c r="([A-Z]+[0-9]+)"([^>]*?) t="s"([^>]*)><v>[0-9]+<\/v><\/c>/g, (_m, ref: string, before: string, after: string) => {
      count++;
      const at = scanA1(ref)!;
      const value = sheetGrid.rows[at.row]?.[at.col];
      const text = typeof value === 'string' ? `<t xml:space="preserve">${escapeText(value)}</t>` : '<t/>';
      return `<c r="${ref}"${before} t="inlineStr"${after}><is>${text}</is></c>`;
    });
    parts.set(s.path, new Uint8Array(Buffer.from(inline, 'utf8')));
  }
  return { inline: { ...pkg, parts }, count };
}

/** Both readers' outcome: the grid, or the error's message. */
function bothWays(bytes: Uint8Array): [unknown, unknown] {
  const read = (asBytes: boolean) => {
    try {
      return readPackage(openPackage(bytes), asBytes);
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
  return [read(true), read(false)];
}

describe('cells read from bytes, the same as read from text', () => {
  it.each(
    [...xlsxIn(SAMPLES), ...xlsxIn(join(SAMPLES, 'everyday')), ...xlsxIn(SHARED_FIXTURES)].map((f) => [
      f.slice(f.indexOf('samples') >= 0 ? f.indexOf('samples') : f.indexOf('fixtures')),
    ]),
  )('%s', (name) => {
    const file = name.startsWith('samples') ? join(SAMPLES, '..', name) : join(SHARED_FIXTURES, '..', name);
    const [fast, text] = bothWays(readFileSync(file));
    expect(fast).toEqual(text);
  });

  it.each([
    // [what, cells, read as bytes]
    [
      'numbers of every form',
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>-0</v></c><c r="C1"><v>5.</v></c><c r="D1"><v>.5</v></c><c r="E1"><v>0.1</v></c><c r="F1"><v>1e3</v></c><c r="G1"><v> 7 </v></c><c r="H1"><v>123456789012345678</v></c><c r="I1"><v>+3</v></c><c r="J1"><v>0x10</v></c><c r="K1"><v>.</v></c><c r="L1"><v>INF</v></c><c r="M1"><v>2.675</v></c><c r="N1"><v>999999999999999.9</v></c></row>',
      true,
    ],
    [
      'types: text, booleans, errors, dates, empty values',
      '<row r="2"><c r="A2" t="str"><v>\ufeffCông an ] x</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#DIV/0!</v></c><c r="D2" t="d"><v>2025-01-31</v></c><c r="E2"><v></v></c><c r="F2" t="s"><v>0</v></c><c r="G2" t="inlineStr"/><c r="H2"><v/></c></row>',
      true,
    ],
    [
      'formulas, with entities and structured references',
      '<row r="3" spans="1:4" x14ac:dyDescent="0.25"><c r="A3"><f>B3&amp;"x"</f><v>4</v></c><c r="B3" s="2"><f t="shared" ref="B3:B9" si="0">SUM(T[[#This Row],[a]])</f><v>2</v></c><c r="C3"><f t="shared" si="0"/><v>3</v></c></row>',
      true,
    ],
    [
      'rows and cells without r, hidden rows',
      '<row><c><v>1</v></c><c><v>2</v></c></row><row hidden="1"><c r="C2"><v>3</v></c><c><v>4</v></c></row><row r="9" hidden="true"/><row r="10" customHeight="1" ht="30"><c r="A10"><v>5</v></c></row>',
      true,
    ],
    ['a cell twice', '<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>'],
    ['cells out of order', '<row r="2"><c r="B2"><v>1</v></c></row><row r="1"><c r="A1"><v>2</v></c></row>'],
    ['a row numbered 0', '<row r="0"><c><v>1</v></c></row>'],
    ['a cell past the grid', '<row r="1"><c r="XFE1"><v>1</v></c></row>'],
    ['attributes in single quotes, odd spacing, entities', '<row r=\'1\'><c r="A1" t = "n"><v>1&#48;</v></c></row>'],
    ['a comment and an unknown attribute', '<row r="1"><!-- x --><c r="A1" foo="1"><v>1</v></c></row>'],
    ['malformed', '<row r="1"><c r="A1"><v>1</v></row>'],
    ['a control character', '<row r="1"><c r="A1" t="str"><v>a\u0001b</v></c></row>'],
    [
      'inline strings: entities, kept spaces, Vietnamese, empty ones',
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Công an xã &amp; phường &lt;1&gt; &quot;x&apos;</t></is></c><c r="B1" t="inlineStr"><is><t xml:space="preserve">  a\n b </t></is></c><c r="C1" t="inlineStr"><is><t/></is></c><c r="D1" t="inlineStr"><is/></c><c r="E1" t="inlineStr" s="1">\n<is>\n<t>\ufeffĐơn vị</t>\n</is>\n</c><c r="F1" t="inlineStr"><is></is></c><c r="G1" t="inlineStr"><is><t> </t></is></c></row>',
      true,
    ],
    ['an inline string in rich runs', '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>Đơn</t></r><r><t> vị</t></r></is></c></row>'],
    ['an inline string with a phonetic reading', '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t><rPh sb="0" eb="1"><t>b</t></rPh></is></c></row>'],
    [
      'inline strings with character references (openpyxl writes them for every letter past ASCII)',
      '<row r="1"><c r="A1" t="inlineStr"><is><t>T&#7892;NG H&#7906;P &#x1EA0;&#xd; &#13;&#10;&#128512;</t></is></c></row>',
      true,
    ],
    ['an inline string with a reference to no character', '<row r="1"><c r="A1" t="inlineStr"><is><t>a&#0;b</t></is></c></row>'],
    ['an inline string with a reference to a surrogate', '<row r="1"><c r="A1" t="inlineStr"><is><t>a&#xD800;b</t></is></c></row>'],
    ['an inline string with an entity XML does not define', '<row r="1"><c r="A1" t="inlineStr"><is><t>a&nbsp;b</t></is></c></row>'],
    ['an inline string and a value', '<row r="1"><c r="A1" t="inlineStr"><v>1</v><is><t>a</t></is></c></row>'],
    ['an inline string with CDATA', '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c></row>'],
    ['an inline string with a carriage return', '<row r="1"><c r="A1" t="inlineStr"><is><t>a\r\nb</t></is></c></row>'],
  ] as Array<[string, string, boolean?]>)('%s', (_name, cells, asBytes = false) => {
    const scan = jest.spyOn(sheetDataBytes, 'scanSheetData');
    const shared = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS.main}"><si><t>Đơn vị</t></si></sst>`;
    const bytes = minimalPackage({
      sheet: sheet(cells, { before: '<dimension ref="A1:N10"/>', after: '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>' }),
      extra: { 'xl/sharedStrings.xml': shared },
      sheetRels: undefined,
    });
    const [fast, text] = bothWays(bytes);
    expect(fast).toEqual(text);
    // The plain ones were read as bytes (not only given the same grid by falling back to text).
    expect(scan.mock.results.some((r) => r.type === 'return')).toBe(asBytes);
    scan.mockRestore();
  });

  // Every sample again with its shared strings written inline, as openpyxl and many exporters
  // write them: the same grid as the original, and read as bytes whenever the original was.
  it.each(
    [...xlsxIn(SAMPLES), ...xlsxIn(join(SAMPLES, 'everyday')), ...xlsxIn(SHARED_FIXTURES)].map((f) => [
      f.slice(f.indexOf('samples') >= 0 ? f.indexOf('samples') : f.indexOf('fixtures')),
    ]),
  )('%s with inline strings', (name) => {
    const file = name.startsWith('samples') ? join(SAMPLES, '..', name) : join(SHARED_FIXTURES, '..', name);
    const pkg = openPackage(readFileSync(file));
    const scan = jest.spyOn(sheetDataBytes, 'scanSheetData');
    const scanned = () => scan.mock.results.filter((r) => r.type === 'return').length;
    const original = readPackage(pkg);
    const originalScans = scanned();
    // Every sheet of every sample is plain enough to read as bytes, inline strings included.
    expect(originalScans).toBe(pkg.sheets.filter((s) => s.path).length);
    scan.mockClear();
    const { inline, count } = withInlineStrings(pkg, original);
    expect(count + Number(Buffer.from(pkg.parts.get(pkg.sheets[0].path!)!).includes('t="inlineStr"'))).toBeGreaterThan(0);
    expect(readPackage(inline)).toEqual(original);
    expect(scanned()).toBe(originalScans);
    expect(readPackage(inline, false)).toEqual(original);
    scan.mockRestore();
  });

  it('numbers of plain decimal form without a string, the same as Number()', () => {
    const at = (s: string) => plainNumberAt(Buffer.from(s), 0, s.length);
    for (const s of ['0', '-0', '12', '3.25', '0.1', '0.3', '2.675', '123456789012345', '99999.99999', '1.00000000000001', '-7.5', '+4', '5.', '.5'])
      expect(Object.is(at(s), Number(s))).toBe(true);
    for (const s of ['1e3', '', '.', '1.2.3', ' 1', '1234567890123456', '1.000000000000001', '0x10']) expect(at(s)).toBeUndefined();
  });

  it('cells kept packed, but a sheet whose rows padded from column A would take far more room than its bytes read as text', () => {
    // One cell in A and one in XFD on each of 300 rows: packed from column A, five million cells.
    const rows = Array.from({ length: 300 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c><c r="XFD${r + 1}"><v>${r + 0.5}</v></c></row>`);
    const far = minimalPackage({ sheet: sheet(rows.join('')), sheetRels: undefined });
    const [fast, text] = bothWays(far);
    expect(fast).toEqual(text);
    const grid = readPackage(openPackage(far));
    expect(grid.sheets[0].packed).toBeUndefined();
    expect(cellAt(grid.sheets[0], 299, 16383)).toBe(299.5);
    // A few such rows fit: packed, and read the same.
    const few = minimalPackage({ sheet: sheet(rows.slice(0, 3).join('')), sheetRels: undefined });
    const packed = readPackage(openPackage(few)).sheets[0];
    expect(packed.packed).toBeDefined();
    expect(cellAt(packed, 2, 16383)).toBe(2.5);
    expect(cellAt(packed, 2, 16382)).toBeNull();
    const [fewFast, fewText] = bothWays(few);
    expect(fewFast).toEqual(fewText);
  });

  it('takes only UTF-8 that XML takes as it is', () => {
    const ok = (b: number[]) => plainUtf8(Uint8Array.from(b), 0, b.length);
    expect(ok([...Buffer.from('Công an xã \t\n')])).toBe(true);
    expect(ok([0x01])).toBe(false);
    expect(ok([0xc0, 0x80])).toBe(false); // overlong
    expect(ok([0xed, 0xa0, 0x80])).toBe(false); // a surrogate
    expect(ok([0xef, 0xbf, 0xbe])).toBe(false); // U+FFFE
    expect(ok([0xf4, 0x90, 0x80, 0x80])).toBe(false); // past U+10FFFF
    expect(ok([0xe1, 0xbb])).toBe(false); // cut short
  });
});
