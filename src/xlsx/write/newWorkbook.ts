import { strToU8 } from 'fflate';
import { appendWorksheet } from '../patch/appendWorksheet';
import { bytesToText, textToBytes } from '../xml/byteText';
import { CONTENT_TYPES_PART, ContentTypes, CT } from '../patch/contentTypes';
import { findingsSheetPart, printNames } from './findingsSheetPart';
import { FindingsSheet } from './highlightPlan';
import { PatchContext, TRANSITIONAL } from '../patch/patchContext';
import { StylesPatch } from '../patch/patchStyles';
import { addRelationship } from '../patch/relationshipsPart';
import { addSheetDefinedNames } from '../patch/sheetDefinedNames';
import { VmlShapeIds } from '../patch/vmlNotes';
import { zipPackage } from '../zip/zipPackage';

const WORKBOOK = 'xl/workbook.xml';
const STYLES = 'xl/styles.xml';
const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const WORKBOOK_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const CORE_CT = 'application/vnd.openxmlformats-package.core-properties+xml';
const CORE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties';

/**
 * The few style entries every reader expects (Excel's "Normal" style on a Calibri 11 font, which has
 * Vietnamese glyphs); StylesPatch appends our fills, bold and wrap formats after them.
 */
const STYLESHEET =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="${TRANSITIONAL.mainNs}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;

export interface NewWorkbookOptions {
  /** Shown as the file's author (docProps/core.xml). */
  readonly creator?: string;
  /** ISO time for the file's created/modified properties; omitted when absent, so output stays reproducible. */
  readonly created?: string;
}

/**
 * A new .xlsx package holding the given sheets, written by hand: content types, relationships, a
 * workbook part, a stylesheet and one worksheet part per sheet with inline strings. It is built with
 * the same steps that patch a user's workbook (appendWorksheet, StylesPatch, ContentTypes), starting
 * from an empty package, so both writers share one notion of a valid part.
 */
export function writeNewWorkbook(sheets: ReadonlyArray<FindingsSheet>, options: NewWorkbookOptions = {}): Uint8Array {
  if (sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  const parts = new Map<string, Uint8Array>();
  parts.set(
    CONTENT_TYPES_PART,
    strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${CT_NS}">` +
        `<Default Extension="rels" ContentType="${CT.relationships}"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/${WORKBOOK}" ContentType="${WORKBOOK_CT}"/></Types>`,
    ),
  );
  parts.set(
    '_rels/.rels',
    strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS_NS}">` +
        `<Relationship Id="rId1" Type="${TRANSITIONAL.relNs}/officeDocument" Target="${WORKBOOK}"/></Relationships>`,
    ),
  );
  parts.set(
    WORKBOOK,
    strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${TRANSITIONAL.mainNs}" xmlns:r="${TRANSITIONAL.relNs}">` +
        `<bookViews><workbookView activeTab="0"/></bookViews><sheets/></workbook>`,
    ),
  );
  const contentTypes = ContentTypes.read(parts);
  const styles = new StylesPatch(STYLESHEET);
  const ctx: PatchContext = { parts, contentTypes, styles, dialect: TRANSITIONAL, vmlIds: new VmlShapeIds(parts, bytesToText) };

  const names: string[] = [];
  for (const sheet of sheets) {
    names.push(appendWorksheet(ctx, WORKBOOK, names, sheet.name, findingsSheetPart(sheet, styles, TRANSITIONAL.mainNs)));
  }
  // Each sheet's print area and the rows (and columns) repeated on every printed page.
  sheets.forEach((sheet, i) => addSheetDefinedNames(parts, WORKBOOK, names[i], printNames(sheet, names[i])));

  parts.set(STYLES, textToBytes(styles.result() ?? STYLESHEET));
  contentTypes.addOverride(STYLES, CT.styles);
  addRelationship(parts, contentTypes, WORKBOOK, TRANSITIONAL.relType('styles'), STYLES);

  if (options.creator !== undefined || options.created !== undefined) {
    parts.set('docProps/core.xml', strToU8(coreProperties(options)));
    contentTypes.addOverride('docProps/core.xml', CORE_CT);
    addRelationship(parts, contentTypes, '', CORE_REL, 'docProps/core.xml');
  }
  parts.set(CONTENT_TYPES_PART, textToBytes(contentTypes.result() as string));
  return zipPackage(parts);
}

function coreProperties(o: NewWorkbookOptions): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const when = o.created ? o.created.replace(/\.\d+Z$/, 'Z') : undefined;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    (o.creator !== undefined ? `<dc:creator>${esc(o.creator)}</dc:creator>` : '') +
    (when ? `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` : '') +
    `</cp:coreProperties>`
  );
}
