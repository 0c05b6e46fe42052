import { decodeUtf8, readXmlPart, textToBytes } from '../xml/byteText';
import { encodeXmlAscii } from '../../xml/encodeXml';
import { decodeXml, WorkbookFormatError } from '../package';
import { childElements, localName, prefixOf, rootElement, spanAttrs } from '../xml/xmlScan';

/** The workbook's children that come before `definedNames` in the schema's order, nearest last. */
const BEFORE_DEFINED_NAMES = new Set(['sheets', 'functionGroups', 'externalReferences']);

/**
 * Gives one sheet of the workbook defined names local to it (`localSheetId`), such as the print
 * area and the print titles Excel and LibreOffice keep as `_xlnm.Print_Area` and
 * `_xlnm.Print_Titles`. The sheet is found by name in the workbook's `<sheets>`; its index there
 * is its `localSheetId`. Names go into the workbook's `<definedNames>`, made in its place in the
 * schema's order when there is none; a name the sheet already has is left as it is (the person's
 * own print setup wins). Every other byte of the part is kept.
 */
export function addSheetDefinedNames(
  parts: Map<string, Uint8Array>,
  workbookPath: string,
  sheetName: string,
  names: ReadonlyArray<{ readonly name: string; readonly value: string }>,
): void {
  const xml = readXmlPart(parts, workbookPath) as string;
  const root = rootElement(xml, workbookPath);
  const children = childElements(xml, root, workbookPath);
  const sheets = children.find((e) => localName(e.name) === 'sheets');
  const index = sheets ? childElements(xml, sheets, workbookPath).findIndex((s) => decodeXml(decodeUtf8(spanAttrs(xml, s).name ?? '')) === sheetName) : -1;
  if (!sheets || index < 0) {
    throw new WorkbookFormatError(
      `phần ${workbookPath} của tệp không có trang tính "${sheetName}"`,
      `the ${workbookPath} part of the file has no sheet "${sheetName}"`,
    );
  }
  const prefix = prefixOf(sheets.name);
  const defined = children.find((e) => localName(e.name) === 'definedNames');
  const taken = new Set(
    defined
      ? childElements(xml, defined, workbookPath)
          .map((d) => spanAttrs(xml, d))
          .filter((a) => a.localSheetId === String(index))
          .map((a) => (a.name ?? '').toLowerCase())
      : [],
  );
  const entries = names
    .filter((n) => !taken.has(n.name.toLowerCase()))
    .map((n) => `<${prefix}definedName name="${n.name}" localSheetId="${index}">${encodeXmlAscii(n.value)}</${prefix}definedName>`)
    .join('');
  if (entries === '') return;
  let patched: string;
  if (defined && !defined.selfClosing) patched = xml.slice(0, defined.closeStart) + entries + xml.slice(defined.closeStart);
  else if (defined) patched = `${xml.slice(0, defined.start)}<${defined.name}>${entries}</${defined.name}>${xml.slice(defined.end)}`;
  else {
    const after = children.filter((e) => BEFORE_DEFINED_NAMES.has(localName(e.name))).pop() as typeof sheets;
    patched = `${xml.slice(0, after.end)}<${prefix}definedNames>${entries}</${prefix}definedNames>${xml.slice(after.end)}`;
  }
  parts.set(workbookPath, textToBytes(patched));
}
