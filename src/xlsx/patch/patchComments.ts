import { toA1 } from '../../grid/address';
import { ByteText, decodeUtf8, PartWriter, readXmlPart, textToBytes } from '../xml/byteText';
import { encodeXmlAscii, encodeXmlText } from '../../xml/encodeXml';
import { CT } from './contentTypes';
import { decodeXml, readRelationships } from '../package';
import { PatchContext, unusedPartName } from './patchContext';
import { addRelationship } from './relationshipsPart';
import { appendNoteShapes, newNotesDrawing, NotePlacement } from './vmlNotes';
import { insertionOffsetAmong, worksheetChildren, WorksheetChildren } from './worksheetOrder';
import { applyEdits, childElements, Edit, ElementSpan, localName, prefixBoundTo, prefixOf, rootElement, spanAttrs, withPrefix } from '../xml/xmlScan';

/** A note to attach to a cell (0-based position). */
export interface CellNote {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/**
 * Attaches notes (legacy comments) to cells of one worksheet. A sheet has at most one comments
 * part and one VML drawing, so when it already has them ours are added to those; a cell that
 * already carries the user's own comment is left alone. Returns the worksheet text, with a
 * `<legacyDrawing>` added if the sheet had no VML drawing yet.
 */
export function addSheetNotes(ctx: PatchContext, sheetPath: string, sheetXml: ByteText, notes: ReadonlyArray<CellNote>, author: string): ByteText {
  if (notes.length === 0) return sheetXml;
  const rels = readRelationships(ctx.parts, sheetPath);
  const commentsRel = rels.find((r) => !r.external && /\/comments$/.test(r.type) && ctx.parts.has(r.target));
  // The sheet's top-level children, found once: a national sheet is tens of megabytes to scan.
  const sheet = worksheetChildren(sheetXml, sheetPath);
  const vmlPath = legacyDrawingPath(ctx, sheet, sheetXml, rels);

  let commentsXml = commentsRel ? readXmlPart(ctx.parts, commentsRel.target) : undefined;
  const taken = commentsXml !== undefined ? commentedCells(commentsXml) : new Set<string>();
  const todo = taken.size === 0 ? notes : notes.filter((n) => !taken.has(toA1(n.row, n.col)));
  if (todo.length === 0) return sheetXml;

  if (commentsRel && commentsXml !== undefined) {
    commentsXml = appendComments(commentsXml, todo, author, commentsRel.target);
    ctx.parts.set(commentsRel.target, textToBytes(commentsXml));
  } else {
    const path = unusedPartName(ctx.parts, (n) => `xl/comments${n}.xml`);
    ctx.parts.set(path, newComments(ctx.dialect.mainNs, todo, author));
    ctx.contentTypes.addOverride(path, CT.comments);
    addRelationship(ctx.parts, ctx.contentTypes, sheetPath, ctx.dialect.relType('comments'), path);
  }

  const placements: ReadonlyArray<NotePlacement> = todo;
  if (vmlPath) {
    const vml = readXmlPart(ctx.parts, vmlPath) as ByteText;
    ctx.parts.set(vmlPath, textToBytes(appendNoteShapes(vml, placements, ctx.vmlIds)));
    return sheetXml;
  }
  const path = unusedPartName(ctx.parts, (n) => `xl/drawings/vmlDrawing${n}.vml`);
  ctx.parts.set(path, newNotesDrawing(placements, ctx.vmlIds));
  if (!ctx.contentTypes.covers(path)) ctx.contentTypes.ensureDefault('vml', CT.vmlDrawing);
  const relId = addRelationship(ctx.parts, ctx.contentTypes, sheetPath, ctx.dialect.relType('vmlDrawing'), path);
  return insertLegacyDrawing(ctx, sheet, sheetXml, relId);
}

/** The VML part the sheet's `<legacyDrawing r:id>` points at, if it exists. */
function legacyDrawingPath(ctx: PatchContext, sheet: WorksheetChildren, sheetXml: ByteText, rels: ReturnType<typeof readRelationships>): string | undefined {
  const child = sheet.children.find((c) => c.localName === 'legacyDrawing');
  if (!child) return undefined;
  const attrs = spanAttrs(sheetXml, child.span);
  const id = Object.entries(attrs).find(([k]) => k === 'id' || k.endsWith(':id'))?.[1];
  const rel = rels.find((r) => r.id === id && !r.external);
  return rel && ctx.parts.has(rel.target) ? rel.target : undefined;
}

function insertLegacyDrawing(ctx: PatchContext, sheet: WorksheetChildren, sheetXml: ByteText, relId: string): ByteText {
  const { root, children } = sheet;
  const rootTag = sheetXml.slice(root.start, root.openEnd);
  const r = prefixBoundTo(rootTag, ctx.dialect.relNs);
  const idAttr = r ? `${r}id="${relId}"` : `xmlns:r="${ctx.dialect.relNs}" r:id="${relId}"`;
  const el = `<${prefixOf(root.name)}legacyDrawing ${idAttr}/>`;
  // A <legacyDrawing> whose part is missing is replaced: a sheet may have only one.
  const dangling = children.find((c) => c.localName === 'legacyDrawing');
  if (dangling) return sheetXml.slice(0, dangling.span.start) + el + sheetXml.slice(dangling.span.end);
  const at = insertionOffsetAmong(sheet, 'legacyDrawing');
  return sheetXml.slice(0, at) + el + sheetXml.slice(at);
}

/** A1 refs (upper case) of the cells that already have a comment. */
function commentedCells(xml: ByteText): Set<string> {
  const out = new Set<string>();
  const re = /<(?:[\w.-]+:)?comment\s[^>]*?\bref\s*=\s*["']([^"']*)["']/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.add(m[1].replace(/\$/g, '').toUpperCase());
  return out;
}

function appendComments(xml: ByteText, notes: ReadonlyArray<CellNote>, author: string, partName: string): ByteText {
  const root = rootElement(xml, partName);
  const p = prefixOf(root.name);
  const children = childElements(xml, root, partName);
  const authorsEl = children.find((c) => localName(c.name) === 'authors');
  const listEl = children.find((c) => localName(c.name) === 'commentList');
  const names = authorsEl ? childElements(xml, authorsEl, partName).filter((a) => localName(a.name) === 'author') : [];
  let authorId = names.findIndex((a) => decodeXml(decodeUtf8(xml.slice(a.openEnd, a.closeStart))) === author);
  const authorXml = withPrefix(`<author>${encodeXmlAscii(author)}</author>`, p);
  const edits: Edit[] = [];
  if (authorId < 0) {
    authorId = names.length;
    if (!authorsEl) {
      edits.push(insertAt(listEl ? listEl.start : root.closeStart, withPrefix('<authors>', p) + authorXml + withPrefix('</authors>', p)));
    } else edits.push(appendInto(xml, authorsEl, authorXml));
  }
  const comments = notes.map((n) => withPrefix(commentXml(n, authorId, encodeXmlAscii), p)).join('');
  if (listEl) edits.push(appendInto(xml, listEl, comments));
  else edits.push(insertAt(root.closeStart, withPrefix('<commentList>', p) + comments + withPrefix('</commentList>', p)));
  return applyEdits(xml, edits);
}

/** A new comments part, as UTF-8 bytes written note by note (a national check has 100,000 notes and more). */
function newComments(mainNs: string, notes: ReadonlyArray<CellNote>, author: string): Uint8Array {
  const out = new PartWriter('utf8');
  out.add(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<comments xmlns="${mainNs}"><authors><author>${encodeXmlText(author)}</author></authors><commentList>`,
  );
  for (const n of notes) out.add(commentXml(n, 0, encodeXmlText));
  out.add(`</commentList></comments>`);
  return out.bytes();
}

/** Excel's limit for the text of a cell, which it applies to notes too. */
const MAX_NOTE_TEXT = 32767;

function commentXml(n: CellNote, authorId: number, encode: (s: string) => string): string {
  let text = n.text.replace(/\r\n?/g, '\n');
  // Several long reasons on one cell must not make a note Excel would "repair" away.
  if (text.length > MAX_NOTE_TEXT) text = `${text.slice(0, MAX_NOTE_TEXT - 1).replace(/[\ud800-\udbff]$/, '')}…`;
  // One run in Excel's own note font: some readers (ExcelJS) only read text inside runs.
  return (
    `<comment ref="${toA1(n.row, n.col)}" authorId="${authorId}" shapeId="0"><text><r>` +
    `<rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr>` +
    `<t xml:space="preserve">${encode(text)}</t></r></text></comment>`
  );
}

function insertAt(at: number, text: string): Edit {
  return { start: at, end: at, text };
}

/** Appends content as the last children of an element, opening it if it was written `<x/>`. */
function appendInto(xml: ByteText, el: ElementSpan, content: string): Edit {
  if (!el.selfClosing) return insertAt(el.closeStart, content);
  const open = xml.slice(el.start, el.end).replace(/\s*\/>$/, '>');
  return { start: el.start, end: el.end, text: `${open}${content}</${el.name}>` };
}
