/**
 * Packages no library in this repo would write, built by hand: namespace prefixes (.NET tools),
 * rows and cells without `r`, stylesheets missing collections, controls wrapped in
 * mc:AlternateContent, Strict Open XML, UTF-16 parts.
 */
import { strToU8 } from 'fflate';
import { HighlightPlan, MARK_FILL } from '../../src/xlsx/write/highlightPlan';
import { WorkbookFormatError } from '../../src/xlsx/package';
import { writeHighlightedCopy } from '../../src/xlsx/write/writeHighlightedCopy';
import { commentsByRef, expectDerivedXfs, expectOnlyAllowedPartsChanged, expectOnlyFlaggedStylesChanged } from './patchAssertions';
import { assertWellFormed, minimalPackage, NS, rawCells, styleEntries, tags, text, unzip } from './xlsxTestKit';

const STYLES = (body: string, prefix = '') => {
  const p = prefix ? `${prefix}:` : '';
  const decl = prefix ? `xmlns:${prefix}="${NS.main}"` : `xmlns="${NS.main}"`;
  return `<?xml version="1.0" encoding="UTF-8"?><${p}styleSheet ${decl}>${body.replace(/<(\/?)([a-zA-Z])/g, `<$1${p}$2`)}</${p}styleSheet>`;
};

const FULL_STYLES_BODY =
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="12"/><name val="Times New Roman"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="3" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"><alignment horizontal="right"/><protection locked="0"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>';

function run(pkg: Uint8Array, plan: HighlightPlan) {
  const out = writeHighlightedCopy(pkg, plan);
  const before = unzip(pkg);
  const after = unzip(out);
  for (const [name, bytes] of after) {
    if (/\.(xml|rels|vml)$/.test(name) && before.get(name) !== bytes) assertWellFormed(Buffer.from(bytes).toString('utf8'), name);
  }
  return { before, after, out };
}

const mark = (cell: string, status: 'shortfall' | 'no-data' = 'shortfall', note = `ghi chú ${cell}`) => ({ sheet: 'Data', cell, status, note });

describe('namespace prefixes and cells without r (as some .NET tools write them)', () => {
  // Row 1 has r; rows 2 and 3 have none (so they are 2 and 3); cells in row 2 have no r (A2, B2, C2).
  const sheet =
    `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${NS.main}" xmlns:r="${NS.rel}">` +
    `<x:dimension ref="A1:C3"/><x:sheetData>` +
    `<x:row r="1"><x:c r="A1" s="1"><x:v>10</x:v></x:c><x:c r="C1" s="1"><x:v>30</x:v></x:c></x:row>` +
    `<x:row><x:c s="1"><x:v>1</x:v></x:c><x:c s="1"><x:f>A2*2</x:f><x:v>2</x:v></x:c><x:c t="str"><x:v>ba</x:v></x:c></x:row>` +
    `<x:row><x:c r="B3" s="2"/></x:row>` +
    `</x:sheetData><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>`;
  const pkg = minimalPackage({ sheet, styles: STYLES(FULL_STYLES_BODY, 'x') });
  const plan: HighlightPlan = {
    author: 'Kiểm tra',
    marks: [mark('B2'), mark('C2', 'no-data'), mark('B1'), mark('A3', 'no-data'), mark('D5')],
  };
  const { before, after } = run(pkg, plan);
  const sheetAfter = text(after, 'xl/worksheets/sheet1.xml');

  it('locates cells by position and changes only their s', () => {
    const changes = expectOnlyFlaggedStylesChanged(
      text(before, 'xl/worksheets/sheet1.xml'),
      sheetAfter,
      plan.marks.map((m) => ({ ref: m.cell, status: m.status })),
    );
    expectDerivedXfs(text(before, 'xl/styles.xml'), text(after, 'xl/styles.xml'), changes);
    // B2 had s="1": number format, bold font, border, alignment and protection are kept.
    const xf = styleEntries(text(after, 'xl/styles.xml'), 'cellXfs', 'xf')[Number(changes.get('B2')?.newS)];
    expect(xf).toContain('numFmtId="3"');
    expect(xf).toContain('fontId="1"');
    expect(xf).toContain('borderId="1"');
    expect(xf).toContain('<x:alignment horizontal="right"/><x:protection locked="0"/>');
  });

  it('writes new cells and rows with the document prefix, in order', () => {
    expect(sheetAfter).toContain('<x:c r="B1" s="');
    expect(sheetAfter).toMatch(/<x:row r="5"><x:c r="D5" s="\d+"\/><\/x:row><\/x:sheetData>/);
    expect(sheetAfter).toMatch(/<x:row><x:c r="A3" s="\d+"\/><x:c r="B3" s="2"\/><\/x:row>/);
    expect(rawCells(sheetAfter).map((c) => c.ref)).toEqual(['A1', 'B1', 'C1', 'A2', 'B2', 'C2', 'A3', 'B3', 'D5']);
    expect(tags(sheetAfter, 'dimension')[0].ref).toBe('A1:D5');
  });

  it('adds prefixed fills and xfs and fixes the counts', () => {
    const styles = text(after, 'xl/styles.xml');
    expect(styles).toContain('<x:fills count="4">');
    expect(styles).toContain(`<x:fill><x:patternFill patternType="solid"><x:fgColor rgb="${MARK_FILL.shortfall}"/>`);
    expect(styleEntries(styles, 'cellXfs', 'xf').length).toBe(Number(/<x:cellXfs count="(\d+)"/.exec(styles)?.[1]));
  });

  it('inserts legacyDrawing with the prefix and the root r binding', () => {
    expect(sheetAfter).toMatch(/<x:pageMargins[^>]*\/><x:legacyDrawing r:id="rId\d+"\/><\/x:worksheet>$/);
  });
});

describe('stylesheets missing collections', () => {
  const sheet = `<worksheet xmlns="${NS.main}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
  const plan: HighlightPlan = {
    author: 'a',
    marks: [mark('A1')],
    findingsSheet: { name: 'Findings', header: ['x'], rows: [{ values: ['y'], status: 'shortfall' }] },
  };

  it('creates <fills> and <cellXfs> (with their reserved first entries) at schema positions', () => {
    const styles = STYLES('<fonts count="1"><font><sz val="11"/></font></fonts><cellStyles count="0"/><dxfs count="0"/>');
    const { after } = run(minimalPackage({ sheet, styles }), plan);
    const s = text(after, 'xl/styles.xml');
    expect(s).toMatch(
      /<fonts count="2">.*<\/fonts><fills count="3"><fill><patternFill patternType="none"\/><\/fill><fill><patternFill patternType="gray125"\/><\/fill><fill>.*<\/fills><borders count="1">.*<\/borders><cellXfs count="\d+"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"\/>.*<\/cellXfs><cellStyles/,
    );
    const a1 = rawCells(text(after, 'xl/worksheets/sheet1.xml'))[0];
    const xf = styleEntries(s, 'cellXfs', 'xf')[Number(a1.s)];
    expect(xf).toContain('fillId="2"');
  });

  it('adds a stylesheet to a package that has none', () => {
    const { after, before } = run(minimalPackage({ sheet }), plan);
    expectOnlyAllowedPartsChanged(before, after, ['xl/worksheets/sheet1.xml']);
    expect(after.has('xl/styles.xml')).toBe(true);
    expect(text(after, '[Content_Types].xml')).toContain('PartName="/xl/styles.xml"');
    expect(tags(text(after, 'xl/_rels/workbook.xml.rels'), 'Relationship').some((r) => r.Type.endsWith('/styles'))).toBe(true);
  });
});

describe('schema order of <legacyDrawing>', () => {
  it('goes after <drawing> and before controls wrapped in mc:AlternateContent, tableParts and extLst', () => {
    const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
    const sheet =
      `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}" xmlns:mc="${MC}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/>` +
      `<mc:AlternateContent><mc:Choice Requires="x14"><controls><mc:AlternateContent><mc:Choice Requires="x14"><control shapeId="1025" r:id="rId2" name="Check Box 1"/></mc:Choice></mc:AlternateContent></controls></mc:Choice></mc:AlternateContent>` +
      `<tableParts count="0"/><extLst><ext uri="{X}"/></extLst></worksheet>`;
    const { after } = run(minimalPackage({ sheet, styles: STYLES(FULL_STYLES_BODY) }), { author: 'a', marks: [mark('A1')] });
    const xml = text(after, 'xl/worksheets/sheet1.xml');
    expect(xml).toMatch(/<drawing r:id="rId1"\/><legacyDrawing r:id="rId\d+"\/><mc:AlternateContent>/);
  });

  it('declares the r namespace locally when the root does not bind it', () => {
    const sheet = `<worksheet xmlns="${NS.main}"><sheetData/></worksheet>`;
    const { after } = run(minimalPackage({ sheet, styles: STYLES(FULL_STYLES_BODY) }), { author: 'a', marks: [mark('B2')] });
    const xml = text(after, 'xl/worksheets/sheet1.xml');
    expect(xml).toBe(
      `<worksheet xmlns="${NS.main}"><sheetData><row r="2"><c r="B2" s="3"/></row></sheetData><legacyDrawing xmlns:r="${NS.rel}" r:id="rId2"/></worksheet>`,
    );
  });
});

describe('blank cells take the style they show', () => {
  it('uses the row style of a customFormat row, else the column style', () => {
    const sheet =
      `<worksheet xmlns="${NS.main}"><cols><col min="2" max="3" width="12" style="2" customWidth="1"/></cols><sheetData>` +
      `<row r="1" s="1" customFormat="1"><c r="A1" s="1"><v>1</v></c></row><row r="2"/></sheetData></worksheet>`;
    const { after, before } = run(minimalPackage({ sheet, styles: STYLES(FULL_STYLES_BODY) }), {
      author: 'a',
      marks: [mark('D1'), mark('C2', 'no-data')],
    });
    const changes = expectOnlyFlaggedStylesChanged(text(before, 'xl/worksheets/sheet1.xml'), text(after, 'xl/worksheets/sheet1.xml'), [
      { ref: 'D1', status: 'shortfall' },
      { ref: 'C2', status: 'no-data' },
    ]);
    expectDerivedXfs(text(before, 'xl/styles.xml'), text(after, 'xl/styles.xml'), changes, (ref) => (ref === 'D1' ? '1' : '2'));
    expect(text(after, 'xl/worksheets/sheet1.xml')).toContain('<row r="2"><c r="C2" s="');
  });
});

describe('Strict Open XML', () => {
  it('writes new parts and relationships in the strict namespaces', () => {
    const main = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
    const rel = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
    const pkg = minimalPackage({
      sheet: `<worksheet xmlns="${main}" xmlns:r="${rel}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
      workbook: `<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      styles: STYLES(FULL_STYLES_BODY).replace(NS.main, main),
    });
    const { after } = run(pkg, {
      author: 'a',
      marks: [mark('A1')],
      findingsSheet: { name: 'F', header: ['h'], rows: [] },
    });
    const sheetRels = text(after, 'xl/worksheets/_rels/sheet1.xml.rels');
    expect(sheetRels).toContain(`Type="${rel}/comments"`);
    expect(sheetRels).toContain(`Type="${rel}/vmlDrawing"`);
    expect(text(after, 'xl/comments1.xml')).toContain(`xmlns="${main}"`);
    expect(text(after, 'xl/worksheets/sheet2.xml')).toContain(`xmlns="${main}"`);
    expect(text(after, 'xl/worksheets/sheet1.xml')).toContain('<legacyDrawing r:id=');
  });
});

describe('bytes we do not touch stay the same, whatever their encoding', () => {
  it('keeps non-UTF-8 bytes and the BOM of a patched part', () => {
    const sheet = `\uFEFF<worksheet xmlns="${NS.main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Hà Nội</t></is></c></row></sheetData></worksheet>`;
    const bytes = strToU8(sheet);
    const { after } = run(minimalPackage({ sheet: bytes, styles: STYLES(FULL_STYLES_BODY) }), { author: 'Tác giả', marks: [mark('A1')] });
    const out = after.get('xl/worksheets/sheet1.xml') as Uint8Array;
    expect([...out.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(out).toString('utf8')).toContain('<t>Hà Nội</t>');
    expect(commentsByRef(text(after, 'xl/comments1.xml')).get('A1')).toBe('ghi chú A1');
    expect(text(after, 'xl/comments1.xml')).toContain('<author>Tác giả</author>');
  });

  it('refuses a UTF-16 part with a WorkbookFormatError', () => {
    const le = Buffer.from(`\uFEFF<worksheet xmlns="${NS.main}"><sheetData/></worksheet>`, 'utf16le');
    const pkg = minimalPackage({ sheet: new Uint8Array(le), styles: STYLES(FULL_STYLES_BODY) });
    expect(() => writeHighlightedCopy(pkg, { author: 'a', marks: [mark('A1')] })).toThrow(WorkbookFormatError);
  });
});

describe('errors', () => {
  const pkg = minimalPackage({ sheet: `<worksheet xmlns="${NS.main}"><sheetData/></worksheet>`, styles: STYLES(FULL_STYLES_BODY) });

  it('throws a plain Error for a mark on a sheet the workbook does not have', () => {
    expect(() => writeHighlightedCopy(pkg, { author: 'a', marks: [{ ...mark('A1'), sheet: 'Nope' }] })).toThrow(/Nope/);
  });

  it('throws WorkbookFormatError for a file that is not a package', () => {
    expect(() => writeHighlightedCopy(strToU8('a,b,c\n1,2,3'), { author: 'a', marks: [] })).toThrow(WorkbookFormatError);
  });

  it('throws WorkbookFormatError (Vietnamese and English) for a broken sheet', () => {
    const broken = minimalPackage({ sheet: `<worksheet xmlns="${NS.main}"><sheetData><row r="1"><c r="A1" s="1></row>`, styles: STYLES(FULL_STYLES_BODY) });
    try {
      writeHighlightedCopy(broken, { author: 'a', marks: [mark('A1')] });
      throw new Error('did not throw');
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookFormatError);
      expect((e as WorkbookFormatError).vi).toMatch(/không/);
      expect((e as WorkbookFormatError).en).toMatch(/not/);
    }
  });

  it('returns an identical package (bar the zip headers) when the plan is empty', () => {
    const { before, after } = run(pkg, { author: 'a', marks: [] });
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [k, v] of before) expect(after.get(k)).toEqual(v);
  });
});

describe('sheets a plain search would misread', () => {
  it.each([
    ['a comment hiding a close tag', `<row r="1"><c r="A1"><v>1</v></c><!-- </row><row r="9"> --></row>`],
    ['close tags written with spaces', `<row r="1"><c r="A1"><v>1</v></c ></row >`],
    ['CDATA in a cell', `<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[</row></c>]]></t></is></c></row>`],
  ])('finds the right cells with %s', (_, row1) => {
    const sheet = `<?xml version="1.0"?>\n<worksheet xmlns="${NS.main}"><sheetData>${row1}<row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>`;
    const { before, after } = run(minimalPackage({ sheet, styles: STYLES(FULL_STYLES_BODY) }), { author: 'a', marks: [mark('A2'), mark('B1')] });
    const xml = text(after, 'xl/worksheets/sheet1.xml');
    expect(xml).toMatch(/<row r="2"><c r="A2" s="\d+"><v>2<\/v><\/c><\/row>/);
    expect(xml).toContain('<c r="B1" s="');
    // Nothing else moved: without our s attributes, B1 and the legacyDrawing it is the original.
    const stripped = xml
      .replace(/ s="\d+"/g, '')
      .replace('<c r="B1"/>', '')
      .replace(/<legacyDrawing [^>]*\/>/, '');
    expect(stripped).toBe(text(before, 'xl/worksheets/sheet1.xml'));
  });
});

describe('short collections', () => {
  it('pads an empty <fills/> with the two reserved fills before adding ours', () => {
    const body = FULL_STYLES_BODY.replace(/<fills count="2">.*?<\/fills>/, '<fills count="0"/>');
    const sheet = `<worksheet xmlns="${NS.main}"><sheetData><row r="1"><c r="A1" s="1"><v>1</v></c></row></sheetData></worksheet>`;
    const { after } = run(minimalPackage({ sheet, styles: STYLES(body) }), { author: 'a', marks: [mark('A1')] });
    const styles = text(after, 'xl/styles.xml');
    expect(styles).toMatch(
      /<fills count="3"><fill><patternFill patternType="none"\/><\/fill><fill><patternFill patternType="gray125"\/><\/fill><fill><patternFill patternType="solid">/,
    );
    const xf = styleEntries(styles, 'cellXfs', 'xf')[Number(rawCells(text(after, 'xl/worksheets/sheet1.xml'))[0].s)];
    expect(xf).toContain('fillId="2"');
  });
});
