import { parseA1 } from '../grid/address';
import { appendWorksheet } from './appendWorksheet';
import { bytesToText, readXmlPart, textToBytes } from './byteText';
import { CONTENT_TYPES_PART, ContentTypes, CT } from './contentTypes';
import { findingsSheetXml } from './findingsSheetPart';
import { CellMark, HighlightPlan, MarkStatus } from './highlightPlan';
import { openPackage, PackageSheet, readRelationships, XlsxPackage } from './package';
import { CellNote, addSheetNotes } from './patchComments';
import { detectDialect, PatchContext, unusedPartName } from './patchContext';
import { CellTargets, patchSheetCells } from './patchSheetCells';
import { emptyStylesheet, StylesPatch } from './patchStyles';
import { addRelationship } from './relationshipsPart';
import { VmlShapeIds } from './vmlNotes';
import { zipPackage } from './zipPackage';

/**
 * A copy of an .xlsx package with flagged cells filled, their reasons as cell notes, and an
 * optional findings sheet — made by patching the package, never by re-serialising the workbook.
 * Every part this does not need to change is carried over byte for byte (charts, drawings, pivot
 * tables, defined names, validation, conditional formats, tables, calcChain, docProps…); the
 * parts it changes are edited by splicing, so the bytes it does not touch stay as they were.
 * The input array is not modified.
 */
export function writeHighlightedCopy(pkg: Uint8Array, plan: HighlightPlan): Uint8Array {
  const source = openPackage(pkg);
  const parts = new Map(source.parts); // entries are replaced, never mutated
  const contentTypes = ContentTypes.read(parts);
  const dialect = detectDialect(source);
  const stylesPath = findStylesPath(source);
  const styles = new StylesPatch((stylesPath && readXmlPart(parts, stylesPath)) ?? emptyStylesheet(dialect.mainNs));
  const ctx: PatchContext = { parts, contentTypes, styles, dialect, vmlIds: new VmlShapeIds(parts, bytesToText) };

  for (const [sheet, targets] of groupMarks(plan.marks, source.sheets)) {
    const path = sheet.path as string;
    let xml = readXmlPart(parts, path) as string;
    xml = patchSheetCells(xml, targets, (base, mark) => styles.markXf(base, mark.status), path);
    xml = addSheetNotes(ctx, path, xml, notesOf(targets), plan.author);
    parts.set(path, textToBytes(xml));
  }

  if (plan.findingsSheet) {
    const sheetXml = findingsSheetXml(plan.findingsSheet, styles, dialect.mainNs);
    appendWorksheet(ctx, source.workbookPath, source.sheets.map((s) => s.name), plan.findingsSheet.name, sheetXml);
  }

  const stylesXml = styles.result();
  if (stylesXml !== undefined) {
    if (stylesPath) parts.set(stylesPath, textToBytes(stylesXml));
    else {
      // A package without a stylesheet (some generators omit it): add one.
      const dir = source.workbookPath.slice(0, source.workbookPath.lastIndexOf('/') + 1);
      const path = unusedPartName(parts, (n) => `${dir}styles${n === 1 ? '' : n}.xml`);
      parts.set(path, textToBytes(stylesXml));
      contentTypes.addOverride(path, CT.styles);
      addRelationship(parts, contentTypes, source.workbookPath, dialect.relType('styles'), path);
    }
  }
  const ctXml = contentTypes.result();
  if (ctXml !== undefined) parts.set(CONTENT_TYPES_PART, textToBytes(ctXml));
  return zipPackage(parts);
}

/** One flagged cell after merging every mark on it. */
interface MergedMark {
  status: MarkStatus;
  notes: string[];
}

/** Marks by worksheet (in workbook order), row and column; several marks on one cell merge. */
function groupMarks(marks: ReadonlyArray<CellMark>, sheets: ReadonlyArray<PackageSheet>): Map<PackageSheet, Map<number, Map<number, MergedMark>>> {
  const out = new Map<PackageSheet, Map<number, Map<number, MergedMark>>>();
  for (const s of sheets) if (marks.some((m) => m.sheet === s.name)) out.set(s, new Map());
  for (const mark of marks) {
    const sheet = findSheet(sheets, mark.sheet);
    if (!out.has(sheet)) out.set(sheet, new Map());
    const rows = out.get(sheet) as Map<number, Map<number, MergedMark>>;
    const { row, col } = parseA1(mark.cell);
    let cols = rows.get(row);
    if (!cols) rows.set(row, (cols = new Map()));
    const merged = cols.get(col);
    if (!merged) cols.set(col, { status: mark.status, notes: mark.note ? [mark.note] : [] });
    else {
      if (mark.status === 'shortfall') merged.status = 'shortfall'; // the stronger finding shows
      if (mark.note && !merged.notes.includes(mark.note)) merged.notes.push(mark.note);
    }
  }
  return out;
}

function findSheet(sheets: ReadonlyArray<PackageSheet>, name: string): PackageSheet {
  const key = (s: string) => s.normalize('NFC').toLowerCase();
  const sheet = sheets.find((s) => s.name === name) ?? sheets.find((s) => key(s.name) === key(name));
  // A plan that names a missing sheet is a bug in the caller, not a problem with the user's file.
  if (!sheet) throw new Error(`highlight plan marks sheet "${name}", which the workbook does not have`);
  if (!sheet.path) throw new Error(`highlight plan marks sheet "${name}", which is not a worksheet`);
  return sheet;
}

function notesOf(targets: CellTargets<MergedMark>): CellNote[] {
  const out: CellNote[] = [];
  for (const row of [...targets.keys()].sort((a, b) => a - b)) {
    const cols = targets.get(row) as ReadonlyMap<number, MergedMark>;
    for (const col of [...cols.keys()].sort((a, b) => a - b)) {
      const m = cols.get(col) as MergedMark;
      if (m.notes.length) out.push({ row, col, text: m.notes.join('\n\n') });
    }
  }
  return out;
}

function findStylesPath(pkg: XlsxPackage): string | undefined {
  const rel = readRelationships(pkg.parts, pkg.workbookPath).find((r) => !r.external && /\/styles$/.test(r.type));
  return rel && pkg.parts.has(rel.target) ? rel.target : undefined;
}
