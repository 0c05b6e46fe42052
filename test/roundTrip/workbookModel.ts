/**
 * An independent reading of an .xlsx for "nothing lost" comparisons: written here with saxes and
 * regular expressions, sharing no code with src/xlsx, so a bug in the reader or patcher under test
 * cannot hide itself. Each cell is resolved to what a person sees and Excel stores: its value, its
 * formula, and its style resolved through styles.xml to number format, font, fill, border,
 * alignment and protection. Around the cells: merged areas, data validation, conditional formats
 * (with their differential styles), hyperlinks, column and row settings, tables, notes, defined names.
 */
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser, SaxesTagPlain } from 'saxes';

export interface CellModel {
  readonly type: string;
  readonly value: string | undefined;
  readonly formula: string | undefined;
  readonly numFmt: string;
  readonly font: string;
  readonly fill: string;
  readonly border: string;
  /** The xf's own attributes and children (alignment, protection), without fill references. */
  readonly xf: string;
}

export interface NoteModel {
  readonly author: string;
  readonly text: string;
}

export interface SheetModel {
  readonly name: string;
  readonly state: string;
  readonly cells: Map<string, CellModel>;
  /** Raw XML of the sheet's features outside its cells, conditional formats with dxfs resolved. */
  readonly features: Record<string, string[]>;
  readonly rowAttrs: Map<string, string>;
  readonly tables: string[];
  readonly notes: Map<string, NoteModel>;
}

export interface WorkbookModel {
  readonly sheets: SheetModel[];
  readonly definedNames: string;
  /** Every part that is neither a sheet, styles, workbook, content types, rels, comments nor VML: by name, as bytes. */
  readonly otherParts: Map<string, Uint8Array>;
}

const FEATURES = [
  'sheetPr',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetProtection',
  'autoFilter',
  'mergeCells',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'ignoredErrors',
  'drawing',
  'picture',
  'tableParts',
  'extLst',
];

export function readModel(bytes: Uint8Array): WorkbookModel {
  const parts = new Map<string, Uint8Array>();
  for (const [k, v] of Object.entries(unzipSync(bytes))) if (!k.endsWith('/')) parts.set(k.replace(/^\//, ''), v);
  const text = (name: string) => {
    const b = parts.get(name);
    return b === undefined ? undefined : strFromU8(b).replace(/^\uFEFF/, '');
  };
  const rootRels = rels(text('_rels/.rels') ?? '', '');
  const wbPath = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const wbXml = text(wbPath) ?? '';
  const wbDir = wbPath.slice(0, wbPath.lastIndexOf('/') + 1);
  const wbRels = rels(text(relsOf(wbPath)) ?? '', wbDir);
  const styles = readStyles(text(wbRels.find((r) => r.type.endsWith('/styles'))?.target ?? '') ?? '');
  const sst = readSharedStrings(text(wbRels.find((r) => r.type.endsWith('/sharedStrings'))?.target ?? '') ?? '');

  const sheets: SheetModel[] = [];
  const consumed = new Set<string>([wbPath, relsOf(wbPath), '[Content_Types].xml', '_rels/.rels']);
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attrs(m[1]);
    const rid = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
    const path = wbRels.find((r) => r.id === rid)?.target;
    if (!path || !parts.has(path)) continue;
    consumed.add(path);
    const dir = path.slice(0, path.lastIndexOf('/') + 1);
    const sheetRels = rels(text(relsOf(path)) ?? '', dir);
    consumed.add(relsOf(path));
    const xml = text(path) as string;
    const tables = sheetRels.filter((r) => r.type.endsWith('/table')).map((r) => text(r.target) ?? `missing ${r.target}`);
    const commentsRel = sheetRels.find((r) => r.type.endsWith('/comments'));
    if (commentsRel) consumed.add(commentsRel.target);
    for (const r of sheetRels) if (r.type.endsWith('/vmlDrawing')) consumed.add(r.target);
    sheets.push({
      name: decode(a.name ?? ''),
      state: a.state ?? 'visible',
      ...readSheet(xml, styles, sst),
      tables,
      notes: readNotes(commentsRel ? (text(commentsRel.target) ?? '') : ''),
    });
  }
  for (const r of wbRels) if (r.type.endsWith('/styles') || r.type.endsWith('/sharedStrings')) consumed.add(r.target);
  const otherParts = new Map([...parts].filter(([k]) => !consumed.has(k) && !/\.rels$/.test(k)));
  const definedNames = /<(?:\w+:)?definedNames\b[\s\S]*?<\/(?:\w+:)?definedNames>/.exec(wbXml)?.[0] ?? '';
  return { sheets, definedNames, otherParts };
}

interface Styles {
  numFmts: Map<string, string>;
  fonts: string[];
  fills: string[];
  borders: string[];
  xfs: string[];
  dxfs: string[];
}

function readStyles(xml: string): Styles {
  const numFmts = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) {
    const a = attrs(m[1]);
    numFmts.set(a.numFmtId, decode(a.formatCode ?? ''));
  }
  return {
    numFmts,
    fonts: entries(xml, 'fonts', 'font'),
    fills: entries(xml, 'fills', 'fill'),
    borders: entries(xml, 'borders', 'border'),
    xfs: entries(xml, 'cellXfs', 'xf'),
    dxfs: entries(xml, 'dxfs', 'dxf'),
  };
}

/** The child elements of a collection, as written. */
function entries(xml: string, collection: string, entry: string): string[] {
  const body = new RegExp(`<(?:\\w+:)?${collection}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${collection}>)`).exec(xml)?.[1] ?? '';
  return body.match(new RegExp(`<(?:\\w+:)?${entry}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${entry}>)`, 'g')) ?? [];
}

function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let current = '';
  let inT = false;
  let rph = 0;
  const p = new SaxesParser();
  p.on('opentag', (t: SaxesTagPlain) => {
    const n = local(t.name);
    if (n === 'si') current = '';
    else if (n === 't') inT = true;
    else if (n === 'rPh') rph++;
  });
  p.on('text', (t) => {
    if (inT && rph === 0) current += t;
  });
  p.on('closetag', (t: SaxesTagPlain) => {
    const n = local(t.name);
    if (n === 't') inT = false;
    else if (n === 'rPh') rph--;
    else if (n === 'si') out.push(current);
  });
  p.write(xml).close();
  return out;
}

function readSheet(xml: string, styles: Styles, sst: string[]): Pick<SheetModel, 'cells' | 'features' | 'rowAttrs'> {
  const cells = new Map<string, CellModel>();
  const rowAttrs = new Map<string, string>();
  let row = 0;
  let col = -1;
  let cell: { ref: string; t: string; s: string; v?: string; f?: string; is?: string } | undefined;
  let collecting: 'v' | 'f' | 't' | undefined;
  let fAttrs = '';
  let inIs = false;
  const p = new SaxesParser();
  p.on('opentag', (t: SaxesTagPlain) => {
    const n = local(t.name);
    const a = t.attributes as Record<string, string>;
    if (n === 'row') {
      row = a.r ? Number(a.r) : row + 1;
      col = -1;
      const { r: _r, spans: _spans, ...rest } = a;
      if (Object.keys(rest).length) rowAttrs.set(String(row), JSON.stringify(Object.entries(rest).sort()));
    } else if (n === 'c') {
      const m = a.r ? /^([A-Z]+)(\d+)$/.exec(a.r) : null;
      col = m ? colIndex(m[1]) : col + 1;
      if (m) row = Number(m[2]);
      cell = { ref: `${colName(col)}${row}`, t: a.t ?? 'n', s: a.s ?? '0' };
    } else if (cell && n === 'v') {
      collecting = 'v';
      cell.v = '';
    } else if (cell && n === 'f') {
      collecting = 'f';
      cell.f = '';
      fAttrs = JSON.stringify(Object.entries(a).sort());
    } else if (cell && n === 'is') {
      inIs = true;
      cell.is = '';
    } else if (cell && inIs && n === 't') collecting = 't';
  });
  p.on('text', (t) => {
    if (!cell || !collecting) return;
    if (collecting === 'v') cell.v += t;
    else if (collecting === 'f') cell.f += t;
    else cell.is += t;
  });
  p.on('closetag', (t: SaxesTagPlain) => {
    const n = local(t.name);
    if (n === 'v' || n === 'f' || n === 't') collecting = undefined;
    if (n === 'is') inIs = false;
    if (n === 'c' && cell) {
      const value = cell.t === 's' ? sst[Number(cell.v)] : cell.t === 'inlineStr' ? cell.is : cell.v;
      const xf = styles.xfs[Number(cell.s)] ?? '';
      const xa = attrs(/^<[^>]*?(?=\/?>)/.exec(xf)?.[0] ?? '');
      const numFmtId = xa.numFmtId ?? '0';
      cells.set(cell.ref, {
        type: cell.t === 'inlineStr' || cell.t === 's' || cell.t === 'str' ? 'text' : cell.t,
        value,
        formula: cell.f === undefined ? undefined : `${cell.f} ${fAttrs}`,
        numFmt: styles.numFmts.get(numFmtId) ?? `builtin ${numFmtId}`,
        font: styles.fonts[Number(xa.fontId ?? 0)] ?? '',
        fill: styles.fills[Number(xa.fillId ?? 0)] ?? '',
        border: styles.borders[Number(xa.borderId ?? 0)] ?? '',
        xf: xf.replace(/\s(fillId|applyFill)="[^"]*"/g, ''),
      });
      cell = undefined;
    }
  });
  p.write(xml).close();

  const features: Record<string, string[]> = {};
  for (const name of FEATURES) {
    const re = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${name}>)`, 'g');
    features[name] = (xml.match(re) ?? []).map((x) => (name === 'conditionalFormatting' ? withDxfs(x, styles.dxfs) : x));
  }
  return { cells, features, rowAttrs };
}

/** A conditional format with each `dxfId` replaced by the differential style it points at. */
function withDxfs(cf: string, dxfs: string[]): string {
  return cf.replace(/\sdxfId="(\d+)"/g, (_, i: string) => ` dxf=${JSON.stringify(dxfs[Number(i)] ?? 'missing')}`);
}

function readNotes(xml: string): Map<string, NoteModel> {
  const out = new Map<string, NoteModel>();
  if (!xml) return out;
  const authors = entries(xml, 'authors', 'author').map((a) => decode(a.replace(/<[^>]+>/g, '')));
  for (const m of xml.matchAll(/<(?:\w+:)?comment\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?comment>/g)) {
    const a = attrs(m[1]);
    const t = [...m[2].matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)].map((x) => decode(x[1])).join('');
    out.set(a.ref.replace(/\$/g, ''), { author: authors[Number(a.authorId)] ?? '', text: t });
  }
  return out;
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

function rels(xml: string, baseDir: string): Rel[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)].map((m) => {
    const a = attrs(m[1]);
    const target = a.TargetMode === 'External' ? a.Target : resolve(baseDir, decode(a.Target));
    return { id: a.Id, type: a.Type, target };
  });
}

function relsOf(path: string): string {
  const i = path.lastIndexOf('/');
  return `${path.slice(0, i + 1)}_rels/${path.slice(i + 1)}.rels`;
}

function resolve(base: string, target: string): string {
  const out: string[] = [];
  for (const s of (target.startsWith('/') ? target.slice(1) : base + target).split('/')) {
    if (s === '..') out.pop();
    else if (s && s !== '.') out.push(s);
  }
  return out.join('/');
}

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = m[2] ?? m[3];
  return out;
}

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

function local(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

function colName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
