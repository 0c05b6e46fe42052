import { uniqueSheetName } from '../../src/xlsx/patch/appendWorksheet';
import { encodeXmlAscii } from '../../src/xml/encodeXml';
import { relativeTarget } from '../../src/xlsx/patch/relationshipsPart';
import { applyEdits, childElements, rootElement, setAttr, XmlCursor } from '../../src/xlsx/xml/xmlScan';

describe('XmlCursor', () => {
  it('finds tags past > in attribute values, comments, CDATA and processing instructions', () => {
    const xml = `<?xml version="1.0"?><!-- <c> --><a x="1>2" y='<'><![CDATA[<b>]]><b/><?pi <c>?><c>t &gt; u</c></a>`;
    const cur = new XmlCursor(xml);
    const seen: string[] = [];
    while (cur.next()) seen.push(`${cur.kind}:${cur.name}`);
    expect(seen).toEqual(['other:', 'other:', 'open:a', 'other:', 'empty:b', 'other:', 'open:c', 'close:c', 'close:a']);
    const root = rootElement(xml);
    expect(childElements(xml, root).map((e) => e.name)).toEqual(['b', 'c']);
  });
});

describe('setAttr', () => {
  it('replaces in place or appends, for both tag forms and quote styles', () => {
    expect(setAttr(`<c r="A1" s="3" t="n">`, 's', '9')).toBe(`<c r="A1" s="9" t="n">`);
    expect(setAttr(`<c r='A1' s='3'/>`, 's', '9')).toBe(`<c r='A1' s="9"/>`);
    expect(setAttr(`<c r="A1" />`, 's', '9')).toBe(`<c r="A1" s="9" />`);
    expect(setAttr(`<c r="A1" cs="2">`, 's', '9')).toBe(`<c r="A1" cs="2" s="9">`);
  });
});

describe('applyEdits', () => {
  it('keeps insertion order at one offset and rejects overlaps', () => {
    expect(
      applyEdits('abc', [
        { start: 1, end: 1, text: 'X' },
        { start: 1, end: 1, text: 'Y' },
        { start: 2, end: 3, text: 'Z' },
      ]),
    ).toBe('aXYbZ');
    expect(() =>
      applyEdits('abc', [
        { start: 0, end: 2, text: '' },
        { start: 1, end: 3, text: '' },
      ]),
    ).toThrow();
  });
});

describe('uniqueSheetName', () => {
  it('makes names legal and unique, case-insensitively', () => {
    expect(uniqueSheetName('Kết quả', ['kẾT QUẢ'])).toBe('Kết quả (2)');
    expect(uniqueSheetName('Kết quả', ['Kết quả', 'Kết quả (2)'])).toBe('Kết quả (3)');
    expect(uniqueSheetName('a/b:c*d?[e]\\f', [])).toBe('a-b-c-d--e--f');
    expect(uniqueSheetName("'quoted'", [])).toBe('quoted');
    expect(uniqueSheetName('History', [])).toBe('History (2)');
    expect(uniqueSheetName('   ', [])).toBe('Kết quả kiểm tra');
    const long = 'Kết quả kiểm tra chỉ tiêu thi đua năm 2024 của cụm';
    const name = uniqueSheetName(long, [long.slice(0, 31)]);
    expect(Array.from(name).length).toBeLessThanOrEqual(31);
    expect(name.endsWith(' (2)')).toBe(true);
    // NFD input is compared and written in NFC.
    expect(uniqueSheetName('Kết quả'.normalize('NFD'), ['Kết quả'])).toBe('Kết quả (2)');
  });
});

describe('relativeTarget', () => {
  it('walks up from the source folder', () => {
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/comments1.xml')).toBe('../comments1.xml');
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/drawings/vmlDrawing1.vml')).toBe('../drawings/vmlDrawing1.vml');
    expect(relativeTarget('xl/workbook.xml', 'xl/worksheets/sheet2.xml')).toBe('worksheets/sheet2.xml');
  });
});

describe('encodeXmlAscii', () => {
  it('escapes markup, turns non-ASCII into references and drops characters XML forbids', () => {
    expect(encodeXmlAscii('a<b>&"c" Đạt 😀\u0001\n')).toBe('a&lt;b&gt;&amp;&quot;c&quot; &#272;&#7841;t &#128512;\n');
  });
});
