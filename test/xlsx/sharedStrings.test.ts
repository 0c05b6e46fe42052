/**
 * Shared strings read lazily from the part's bytes when it is plain, else whole as text: both
 * ways give the same string for every index, and a broken part the same sentence.
 */
import { openPackage } from '../../src/xlsx/package';
import { readSharedStrings } from '../../src/xlsx/read/sharedStrings';
import * as sheetDataBytes from '../../src/xlsx/read/sheetDataBytes';
import { minimalPackage, NS } from './xlsxTestKit';

const sst = (inner: string, root = `<sst xmlns="${NS.main}" count="9" uniqueCount="9">`, close = '</sst>') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${root}${inner}${close}`;

/** The strings at a few indices (and at indices no cell should have), or the error's message. */
function strings(xml: string | Uint8Array, asBytes: boolean): unknown {
  try {
    const shared = readSharedStrings(
      openPackage(minimalPackage({ sheet: `<worksheet xmlns="${NS.main}"><sheetData/></worksheet>`, extra: { 'xl/sharedStrings.xml': xml } })),
      asBytes,
    );
    return [0, 1, 2, 3, 4, 5, 6, -0, -1, 1.5, NaN, 2 ** 32].map((i) => shared.at(i));
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('shared strings from bytes, the same as from text', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['plain strings', true, sst('<si><t>Đơn vị</t></si><si><t xml:space="preserve"> Tháng </t></si><si><t/></si><si/><si></si>\n<si>\n<t>a\nb</t>\n</si>')],
    ['entities and character references', true, sst('<si><t>a &amp; b &lt;c&gt; &quot;d&apos; T&#7892;NG &#x1EA0; &#13;</t></si><si><t>x</t></si>')],
    ['a byte order mark', true, '\ufeff' + sst('<si><t>\ufeffĐơn vị</t></si>')],
    ['rich runs', false, sst('<si><r><rPr><b/></rPr><t>Đơn</t></r><r><t xml:space="preserve"> vị</t></r></si><si><t>x</t></si>')],
    ['a phonetic reading', false, sst('<si><t>a</t><rPh sb="0" eb="1"><t>b</t></rPh></si><si><t>x</t></si>')],
    ['a prefixed root', false, sst('<x:si><x:t>a</x:t></x:si><si><t>b</t></si>', `<x:sst xmlns:x="${NS.main}">`, '</x:sst>')],
    ['strings in another namespace', false, sst('<si><t>a</t></si>', `<sst xmlns="urn:not-spreadsheetml">`)],
    ['a comment holding a string', false, sst('<!-- <si><t>not</t></si> --><si><t>a</t></si>')],
    ['strings inside an extension', true, sst(`<si><t>a</t></si><extLst><ext uri="x" xmlns:q="urn:q"><q:si><q:t>b</q:t></q:si></ext></extLst>`)],
    ['strings after an extension', false, sst(`<si><t>a</t></si><extLst/><si><t>b</t></si>`)],
    ['a carriage return', false, sst('<si><t>a\r\nb</t></si>')],
    ['an unknown entity', false, sst('<si><t>a&nbsp;b</t></si>')],
    ['a control character', false, sst('<si><t>a\u0001b</t></si>')],
    ['a reference to no character', false, sst('<si><t>a&#0;b</t></si>')],
    ['malformed', false, sst('<si><t>a</t></si><si><t>b</si>')],
    ['not closed', false, sst('<si><t>a</t></si>', undefined, '')],
    ['CDATA', false, sst('<si><t><![CDATA[a<b]]></t></si>')],
    ['no strings', false, sst('')],
  ] as Array<[string, boolean, string]>)('%s', (_name, fromBytes, xml) => {
    const decoded = jest.spyOn(sheetDataBytes, 'textOf');
    expect(strings(xml, true)).toEqual(strings(xml, false));
    // The plain ones were decoded from bytes, not only given the same strings by the text reader.
    expect(decoded.mock.calls.length > 0).toBe(fromBytes);
    decoded.mockRestore();
  });

  it('takes bytes that are not UTF-8 through the text reader', () => {
    const utf16 = Buffer.from(`\ufeff<sst xmlns="${NS.main}"><si><t>Đơn vị</t></si></sst>`, 'utf16le');
    expect(strings(new Uint8Array(utf16), true)).toEqual(strings(new Uint8Array(utf16), false));
    expect((strings(new Uint8Array(utf16), true) as unknown[])[0]).toBe('Đơn vị');
  });
});
