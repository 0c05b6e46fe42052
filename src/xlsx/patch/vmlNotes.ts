import { ByteText, PartWriter } from '../xml/byteText';
import { applyEdits, Edit, prefixBoundTo, rootElement } from '../xml/xmlScan';

/**
 * The VML half of a cell note: Excel draws each legacy comment as a hidden text-box shape in the
 * sheet's VML drawing, and refuses shapes whose ids collide. Ids live in blocks of 1024 that a
 * drawing claims with `<o:idmap data="…">`; blocks must not be shared between drawings.
 */
export interface NotePlacement {
  readonly row: number; // 0-based
  readonly col: number; // 0-based
  readonly text: string; // only used to size the box
}

const NS = {
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  x: 'urn:schemas-microsoft-com:office:excel',
} as const;

const SHAPE_ID_RE = /_x0000_s(\d+)/g;
const IDMAP_RE = /<(?:[\w.-]+:)?idmap\b[^>]*?\sdata\s*=\s*["']([^"']*)["']/g;

/** Shape-id blocks across the whole package, so a new drawing never reuses another's block. */
export class VmlShapeIds {
  private readonly usedBlocks = new Set<number>();

  constructor(parts: ReadonlyMap<string, Uint8Array>, decode: (bytes: Uint8Array) => string) {
    for (const [name, bytes] of parts) {
      if (!name.toLowerCase().endsWith('.vml')) continue;
      const text = decode(bytes);
      for (const b of blocksDeclared(text)) this.usedBlocks.add(b);
      for (const id of shapeIds(text)) this.usedBlocks.add(Math.floor(id / 1024));
    }
  }

  claimBlock(): number {
    let b = 1;
    while (this.usedBlocks.has(b)) b++;
    this.usedBlocks.add(b);
    return b;
  }
}

/** A new VML drawing holding only our notes (ASCII, written shape by shape into byte chunks). */
export function newNotesDrawing(notes: ReadonlyArray<NotePlacement>, ids: VmlShapeIds): Uint8Array {
  const blocks: number[] = [];
  const shapeIdList = allocate(notes.length, blocks, new Set(), ids);
  const p = { v: 'v:', o: 'o:', x: 'x:' };
  const out = new PartWriter('latin1');
  out.add(
    `<xml xmlns:v="${NS.v}" xmlns:o="${NS.o}" xmlns:x="${NS.x}">\n` +
      ` <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(',')}"/></o:shapelayout>\n` +
      `${noteShapeType('v:', 'o:', '')}\n`,
  );
  for (let i = 0; i < notes.length; i++) out.add((i ? '\n' : '') + noteShape(notes[i], shapeIdList[i], i + 1, p, ''));
  out.add('\n</xml>');
  return out.bytes();
}

/**
 * The user's VML drawing with our note shapes appended before its closing tag. The drawing may
 * come from any writer (openpyxl writes `ns0:`-style prefixes declared per element), so unless its
 * root binds v/o/x itself, each shape we add declares the namespaces it uses.
 */
export function appendNoteShapes(vml: ByteText, notes: ReadonlyArray<NotePlacement>, ids: VmlShapeIds): ByteText {
  const root = rootElement(vml, 'VML drawing');
  const rootTag = vml.slice(root.start, root.openEnd);
  const bound = { v: prefixBoundTo(rootTag, NS.v), o: prefixBoundTo(rootTag, NS.o), x: prefixBoundTo(rootTag, NS.x) };
  const usable = bound.v && bound.o && bound.x;
  const p = usable ? { v: bound.v as string, o: bound.o as string, x: bound.x as string } : { v: 'v:', o: 'o:', x: 'x:' };
  const decl = usable ? '' : ` xmlns:v="${NS.v}" xmlns:o="${NS.o}" xmlns:x="${NS.x}"`;

  const owned = blocksDeclared(vml);
  const existing = shapeIds(vml);
  if (owned.length === 0) for (const id of existing) if (!owned.includes(Math.floor(id / 1024))) owned.push(Math.floor(id / 1024));
  const before = owned.length;
  const shapeIdList = allocate(notes.length, owned, new Set(existing), ids);

  const edits: Edit[] = [];
  let add = '';
  if (!/<(?:[\w.-]+:)?shapetype\b[^>]*\sid\s*=\s*["']_x0000_t202["']/.test(vml)) add += noteShapeType(p.v, p.o, decl);
  const z = existing.length;
  add += notes.map((n, i) => noteShape(n, shapeIdList[i], z + i + 1, p, decl)).join('');
  if (owned.length > before) {
    // We had to claim more blocks: list them in the drawing's idmap.
    IDMAP_RE.lastIndex = 0;
    const m = IDMAP_RE.exec(vml);
    if (m) {
      const valueAt = m.index + m[0].length - 1 - m[1].length;
      edits.push({ start: valueAt, end: valueAt + m[1].length, text: owned.join(',') });
    }
  }
  if (root.selfClosing) {
    edits.push({ start: root.start, end: root.end, text: `${rootTag.replace(/\s*\/>$/, '>')}${add}</${root.name}>` });
  } else {
    edits.push({ start: root.closeStart, end: root.closeStart, text: add });
  }
  return applyEdits(vml, edits);
}

/** `n` free shape ids from `blocks` (claiming new blocks into it when they run out). */
function allocate(n: number, blocks: number[], used: Set<number>, ids: VmlShapeIds): number[] {
  const out: number[] = [];
  for (let bi = 0; out.length < n; bi++) {
    if (bi >= blocks.length) blocks.push(ids.claimBlock());
    const b = blocks[bi];
    for (let id = b * 1024 + 1; id < (b + 1) * 1024 && out.length < n; id++) if (!used.has(id)) out.push(id);
  }
  return out;
}

function blocksDeclared(vml: string): number[] {
  const out: number[] = [];
  IDMAP_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IDMAP_RE.exec(vml))) for (const s of m[1].split(',')) if (/^\s*\d+\s*$/.test(s)) out.push(Number(s));
  return out;
}

function shapeIds(vml: string): number[] {
  const out: number[] = [];
  SHAPE_ID_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SHAPE_ID_RE.exec(vml))) out.push(Number(m[1]));
  return out;
}

function noteShapeType(v: string, o: string, decl: string): string {
  return (
    `<${v}shapetype${decl} id="_x0000_t202" coordsize="21600,21600" ${o}spt="202" path="m,l,21600r21600,l21600,xe">` +
    `<${v}stroke joinstyle="miter"/><${v}path gradientshapeok="t" ${o}connecttype="rect"/></${v}shapetype>`
  );
}

/** Rough size of the pop-up box: wide enough for a sentence, tall enough for the text. */
function boxRows(text: string): number {
  let lines = 0;
  for (let from = 0; ;) {
    const nl = text.indexOf('\n', from);
    const length = (nl < 0 ? text.length : nl) - from;
    lines += Math.max(1, Math.ceil(length / 40));
    if (nl < 0 || lines >= 30) break;
    from = nl + 1;
  }
  return Math.min(30, Math.max(4, lines + 1));
}

function noteShape(n: NotePlacement, id: number, z: number, p: { v: string; o: string; x: string }, decl: string): string {
  const { v, o, x } = p;
  const rows = boxRows(n.text);
  const top = Math.max(0, n.row - 1);
  // Anchor: left col, offset, top row, offset, right col, offset, bottom row, offset.
  const anchor = `${n.col + 1}, 15, ${top}, 10, ${n.col + 5}, 15, ${top + rows}, 4`;
  const style =
    `position:absolute;margin-left:${(n.col + 1) * 48 + 11.25}pt;margin-top:${top * 15 + 7.5}pt;` +
    `width:216pt;height:${rows * 15}pt;z-index:${z};visibility:hidden`;
  return (
    `<${v}shape${decl} id="_x0000_s${id}" type="#_x0000_t202" style="${style}" fillcolor="#ffffe1" ${o}insetmode="auto">` +
    `<${v}fill color2="#ffffe1"/><${v}shadow on="t" color="black" obscured="t"/><${v}path ${o}connecttype="none"/>` +
    `<${v}textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></${v}textbox>` +
    `<${x}ClientData ObjectType="Note"><${x}MoveWithCells/><${x}SizeWithCells/><${x}Anchor>${anchor}</${x}Anchor>` +
    `<${x}AutoFill>False</${x}AutoFill><${x}Row>${n.row}</${x}Row><${x}Column>${n.col}</${x}Column></${x}ClientData>` +
    `</${v}shape>`
  );
}
