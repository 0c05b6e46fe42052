import { readXmlPart, textToBytes } from '../xml/byteText';
import { encodeXmlAscii } from '../../xml/encodeXml';
import { CT } from './contentTypes';
import { WorkbookFormatError } from '../package';
import { PatchContext, unusedPartName } from './patchContext';
import { addRelationship } from './relationshipsPart';
import { childElements, localName, prefixBoundTo, prefixOf, rootElement, spanAttrs } from '../xml/xmlScan';

const MAX_SHEET_NAME = 31;

/**
 * Adds a worksheet at the end of the workbook: a new part, its `<sheet>` entry (fresh sheetId and
 * r:id), the workbook relationship and the content-type override. Appending keeps every existing
 * sheet's index, so `localSheetId` in defined names and the active tab stay right.
 * Returns the name actually used.
 */
export function appendWorksheet(
  ctx: PatchContext,
  workbookPath: string,
  existingNames: ReadonlyArray<string>,
  wantedName: string,
  sheetPart: Uint8Array,
): string {
  const name = uniqueSheetName(wantedName, existingNames);
  const dir = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
  const path = unusedPartName(ctx.parts, (n) => `${dir}worksheets/sheet${n}.xml`);
  ctx.parts.set(path, sheetPart);
  ctx.contentTypes.addOverride(path, CT.worksheet);
  const relId = addRelationship(ctx.parts, ctx.contentTypes, workbookPath, ctx.dialect.relType('worksheet'), path);

  const xml = readXmlPart(ctx.parts, workbookPath) as string;
  const root = rootElement(xml, workbookPath);
  const sheets = childElements(xml, root, workbookPath).find((e) => localName(e.name) === 'sheets');
  if (!sheets) {
    throw new WorkbookFormatError(
      'phần xl/workbook.xml của tệp không có danh sách trang tính (sheets)',
      'the xl/workbook.xml part of the file has no list of sheets',
    );
  }
  const ids = childElements(xml, sheets, workbookPath).map((s) => Number(spanAttrs(xml, s).sheetId) || 0);
  const sheetId = Math.max(0, ...ids) + 1;
  const r = prefixBoundTo(xml.slice(root.start, root.openEnd), ctx.dialect.relNs);
  const idAttr = r ? `${r}id="${relId}"` : `xmlns:r="${ctx.dialect.relNs}" r:id="${relId}"`;
  const entry = `<${prefixOf(sheets.name)}sheet name="${encodeXmlAscii(name)}" sheetId="${sheetId}" ${idAttr}/>`;
  const patched = sheets.selfClosing
    ? `${xml.slice(0, sheets.start)}${xml.slice(sheets.start, sheets.end).replace(/\s*\/>$/, '>')}${entry}</${sheets.name}>${xml.slice(sheets.end)}`
    : xml.slice(0, sheets.closeStart) + entry + xml.slice(sheets.closeStart);
  ctx.parts.set(workbookPath, textToBytes(patched));
  return name;
}

/**
 * A legal sheet name, unique against the workbook's (Excel compares names case-insensitively):
 * at most 31 characters, none of `[]:*?/\`, not starting or ending with an apostrophe, not
 * Excel's reserved "History". Clashes get " (2)", " (3)", ….
 */
export function uniqueSheetName(wanted: string, existing: ReadonlyArray<string>): string {
  const key = (s: string) => s.normalize('NFC').toLowerCase();
  const taken = new Set([...existing.map(key), 'history']);
  let base = wanted
    .normalize('NFC')
    .replace(/[[\]:*?/\\]/g, '-')
    .replace(/[\u0000-\u001f]/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  if (base === '') base = 'Kết quả kiểm tra';
  const fit = (s: string, room: number) => {
    const chars = Array.from(s);
    return chars.length <= room ? s : chars.slice(0, room).join('').trimEnd().replace(/'+$/, '');
  };
  let name = fit(base, MAX_SHEET_NAME);
  for (let n = 2; taken.has(key(name)); n++) {
    const suffix = ` (${n})`;
    name = fit(base, MAX_SHEET_NAME - suffix.length) + suffix;
  }
  return name;
}
