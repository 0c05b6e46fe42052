import { ByteText } from '../xml/byteText';
import { FillStatus, MarkStatus, STATUS_FILL } from '../write/highlightPlan';
import { WorkbookFormatError } from '../package';
import { applyEdits, childElements, Edit, ElementSpan, localName, prefixOf, rootElement, setAttr, withPrefix } from '../xml/xmlScan';

export type FontVariant = 'bold' | 'link';

/** What a derived cell format changes on top of its base `<xf>`; everything else is copied. */
export interface XfChange {
  readonly fill?: FillStatus;
  readonly font?: FontVariant;
  readonly wrap?: boolean;
  /** Aligned to the top of its row (implied by wrap): a row several lines tall reads from its top line. */
  readonly top?: boolean;
}

const PART = 'xl/styles.xml';

/** CT_Stylesheet child order, for placing a collection the part lacks. */
const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

type CollectionName = 'fonts' | 'fills' | 'borders' | 'cellXfs';

/** What a collection holds when we have to create it: the entries Excel expects at index 0 (and 1). */
const SEEDS: Record<CollectionName, string[]> = {
  fonts: ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'],
  // Excel reserves fill 0 (none) and fill 1 (gray125) whatever the part says.
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ['<border><left/><right/><top/><bottom/><diagonal/></border>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
};

const LINK_COLOR = 'FF0563C1'; // Excel's default hyperlink blue

/**
 * Excel opens a workbook of at most this many cell formats (`cellXfs`); past it, it repairs the
 * file by dropping formats. A copy never goes past it: an identical existing format is reused, and
 * when none is left the cell keeps its own format (no fill) and is counted in `formatsUnavailable`.
 */
export const MAX_CELL_XFS = 64_000;

/** A stylesheet for a package that has none; the collections are added as they are needed. */
export function emptyStylesheet(mainNs: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${mainNs}"></styleSheet>`;
}

interface Collection {
  readonly name: CollectionName;
  readonly span: ElementSpan | undefined; // undefined: the part lacks it, we create it
  /** Entries as text: the original ones (sliced from the part) or the seeds, then ours. */
  readonly entries: string[];
  readonly originalCount: number;
}

/**
 * `xl/styles.xml`, patched by appending: new fills, fonts and cell formats (`<xf>`) go at the end of
 * their collections and every existing entry keeps its index and bytes, so cells that share a
 * style with a flagged cell are not affected. A derived `<xf>` is a copy of its base with only the
 * changed ids and `apply*` flags rewritten.
 */
export class StylesPatch {
  private readonly collections = new Map<CollectionName, Collection>();
  private readonly root: ElementSpan;
  private readonly rootChildren: ElementSpan[];
  private readonly fillIds = new Map<FillStatus, number>();
  private readonly fontIds = new Map<FontVariant, number>();
  private readonly xfIds = new Map<string, number>();
  /** The existing entries of a collection by their normalised text, built when first needed. */
  private readonly known = new Map<CollectionName, Map<string, number>>();
  private changed = false;
  /** Marked cells left in their own format (no fill) because Excel's format limit was reached. */
  formatsUnavailable = 0;
  private exhausted = 0;

  constructor(private readonly xml: ByteText) {
    this.root = rootElement(xml, PART);
    if (localName(this.root.name) !== 'styleSheet') {
      throw new WorkbookFormatError(
        'phần xl/styles.xml của tệp không phải là bảng định dạng (styleSheet)',
        'the xl/styles.xml part of the file is not a stylesheet',
      );
    }
    this.rootChildren = childElements(xml, this.root, PART);
  }

  /** Index of a new cell format: `base` with a mark fill. */
  markXf(base: number, status: MarkStatus): number {
    const before = this.exhausted;
    const id = this.xf(base, { fill: status });
    if (this.exhausted > before) this.formatsUnavailable++;
    return id;
  }

  /** Index of a cell format derived from `cellXfs[base]` (memoised, so each pair is added once). */
  xf(base: number, change: XfChange): number {
    const key = `${base}|${change.fill ?? ''}|${change.font ?? ''}|${change.wrap ? 1 : change.top ? 't' : 0}`;
    const known = this.xfIds.get(key);
    if (known !== undefined) return known;
    const xfs = this.collection('cellXfs');
    const baseXf = base >= 0 && base < xfs.originalCount ? xfs.entries[base] : SEEDS.cellXfs[0]; // a dangling s shows as the default
    let xf = baseXf;
    if (change.fill) xf = setStartTagAttrs(xf, { fillId: String(this.fillId(change.fill)), applyFill: '1' });
    if (change.font) xf = setStartTagAttrs(xf, { fontId: String(this.fontId(change.font)), applyFont: '1' });
    if (change.wrap || change.top) xf = withAlignment(setStartTagAttrs(xf, { applyAlignment: '1' }), change.wrap === true);
    let id = this.existing('cellXfs', xf);
    if (id === undefined && xfs.entries.length >= MAX_CELL_XFS) {
      // No room left: the cell keeps its format; its reason is still in its note and on the findings sheet.
      this.exhausted++;
      return base >= 0 && base < xfs.entries.length ? base : 0;
    }
    id ??= this.append(xfs, xf);
    this.xfIds.set(key, id);
    return id;
  }

  /** The patched part, or undefined if nothing was added. */
  result(): ByteText | undefined {
    if (!this.changed) return undefined;
    const edits: Edit[] = [];
    const rootPrefix = prefixOf(this.root.name);
    for (const name of STYLESHEET_ORDER) {
      const c = this.collections.get(name as CollectionName);
      if (!c || (c.span && c.entries.length === c.originalCount)) continue;
      const count = String(c.entries.length);
      if (c.span && !c.span.selfClosing) {
        const open = this.xml.slice(c.span.start, c.span.openEnd);
        edits.push({ start: c.span.start, end: c.span.openEnd, text: setAttr(open, 'count', count) });
        edits.push({ start: c.span.closeStart, end: c.span.closeStart, text: c.entries.slice(c.originalCount).join('') });
      } else if (c.span) {
        const open = setAttr(this.xml.slice(c.span.start, c.span.end), 'count', count).replace(/\s*\/>$/, '>');
        edits.push({ start: c.span.start, end: c.span.end, text: `${open}${c.entries.join('')}</${c.span.name}>` });
      } else {
        const at = this.insertionPoint(name);
        const text = `${withPrefix(`<${name} count="${count}">`, rootPrefix)}${c.entries.join('')}${withPrefix(`</${name}>`, rootPrefix)}`;
        edits.push({ start: at ?? this.root.closeStart, end: at ?? this.root.closeStart, text });
      }
    }
    if (this.root.selfClosing) {
      // `<styleSheet .../>`: open it so the new collections have somewhere to go.
      const open = this.xml.slice(this.root.start, this.root.end).replace(/\s*\/>$/, '>');
      const inner = edits.map((e) => e.text).join('');
      return this.xml.slice(0, this.root.start) + open + inner + `</${this.root.name}>` + this.xml.slice(this.root.end);
    }
    return applyEdits(this.xml, edits);
  }

  private fillId(status: FillStatus): number {
    let id = this.fillIds.get(status);
    if (id === undefined) {
      const fills = this.collection('fills');
      const argb = STATUS_FILL[status];
      const fill = `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;
      // A workbook checked before (or a copy checked again) may hold this very fill already.
      id = this.existing('fills', fill) ?? this.append(fills, fill);
      this.fillIds.set(status, id);
    }
    return id;
  }

  private fontId(variant: FontVariant): number {
    let id = this.fontIds.get(variant);
    if (id === undefined) {
      const fonts = this.collection('fonts');
      const base = fonts.entries[0] ?? SEEDS.fonts[0];
      const font = variant === 'bold' ? replaceChildren(base, ['b'], '<b/>') : replaceChildren(base, ['u', 'color'], `<u/><color rgb="${LINK_COLOR}"/>`);
      id = this.append(fonts, font);
      this.fontIds.set(variant, id);
    }
    return id;
  }

  /** Index of an entry already in the collection whose text is the same as `entry` (prefixes, attribute order and spacing aside). */
  private existing(name: CollectionName, entry: string): number | undefined {
    const c = this.collection(name);
    let map = this.known.get(name);
    if (!map) {
      map = new Map();
      for (let i = c.entries.length - 1; i >= 0; i--) map.set(normalised(c.entries[i]), i);
      this.known.set(name, map);
    }
    const key = normalised(entry);
    const id = map.get(key);
    // Index 0 and 1 of fills are reserved by Excel whatever they say.
    return id !== undefined && !(name === 'fills' && id < 2) ? id : undefined;
  }

  private append(c: Collection, entry: string): number {
    const prefix = c.span ? prefixOf(c.span.name) : prefixOf(this.root.name);
    // Copies of existing entries already carry their prefix; our own templates get it here.
    c.entries.push(entry.startsWith(`<${prefix}`) && prefix !== '' ? entry : withPrefix(entry, prefix));
    this.changed = true;
    this.known.get(c.name)?.set(normalised(c.entries[c.entries.length - 1]), c.entries.length - 1);
    return c.entries.length - 1;
  }

  private collection(name: CollectionName): Collection {
    let c = this.collections.get(name);
    if (c) return c;
    const span = this.rootChildren.find((e) => localName(e.name) === name);
    let entries: string[];
    if (span) {
      entries = childElements(this.xml, span, PART)
        .filter((e) => localName(e.name) === entryName(name))
        .map((e) => this.xml.slice(e.start, e.end));
    } else {
      // A cell format points at font 0, fill 0 and border 0: make sure they exist too.
      if (name === 'cellXfs') for (const dep of ['fonts', 'fills', 'borders'] as const) this.collection(dep);
      entries = SEEDS[name].map((s) => withPrefix(s, prefixOf(this.root.name)));
      this.changed = true;
    }
    c = { name, span, entries, originalCount: entries.length };
    this.collections.set(name, c);
    // An existing but short collection (`<fills count="0"/>`) still needs Excel's reserved entries
    // before ours, or our fill would land on an index Excel treats as "none".
    for (let i = entries.length; span && i < SEEDS[name].length; i++) this.append(c, SEEDS[name][i]);
    return c;
  }

  /** Where a missing collection goes: before the first existing child that the schema puts after it. */
  private insertionPoint(name: string): number | undefined {
    const rank = STYLESHEET_ORDER.indexOf(name);
    const later = this.rootChildren.find((e) => {
      const r = STYLESHEET_ORDER.indexOf(localName(e.name));
      return r > rank;
    });
    return later?.start;
  }
}

/**
 * An entry's markup in a form where equal entries are equal strings: no prefixes, attributes
 * sorted, no white space between tags, self-closing tags written one way.
 */
function normalised(entry: string): string {
  return entry
    .replace(/<(\/?)[A-Za-z_][\w.-]*:/g, '<$1')
    .replace(/>\s+</g, '><')
    .replace(/<([A-Za-z_][\w.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g, (_m, name: string, attrs: string, close: string) => {
      const list = [...attrs.matchAll(/([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((a) => `${a[1]}="${a[2] ?? a[3]}"`).sort();
      return `<${name}${list.length ? ' ' + list.join(' ') : ''}${close ? '/' : ''}>`;
    });
}

function entryName(collection: CollectionName): string {
  return { fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf' }[collection];
}

/** Sets attributes on the start tag at the beginning of an element's text. */
function setStartTagAttrs(element: string, attrs: Record<string, string>): string {
  const span = rootElement(element, PART);
  let open = element.slice(0, span.openEnd);
  for (const [k, v] of Object.entries(attrs)) open = setAttr(open, k, v);
  return open + element.slice(span.openEnd);
}

/** An `<xf>` aligned to the top (and wrapping its text when asked), keeping any other alignment it had. */
function withAlignment(xf: string, wrap: boolean): string {
  const span = rootElement(xf, PART);
  const prefix = prefixOf(span.name);
  const align = childElements(xf, span, PART).find((e) => localName(e.name) === 'alignment');
  if (align) {
    let open = xf.slice(align.start, align.openEnd);
    open = setAttr(wrap ? setAttr(open, 'wrapText', '1') : open, 'vertical', 'top');
    return xf.slice(0, align.start) + open + xf.slice(align.openEnd);
  }
  const alignment = `<${prefix}alignment vertical="top"${wrap ? ' wrapText="1"' : ''}/>`;
  // CT_Xf: alignment is the first child.
  if (span.selfClosing) return `${xf.slice(0, span.end).replace(/\s*\/>$/, '>')}${alignment}</${span.name}>`;
  return xf.slice(0, span.openEnd) + alignment + xf.slice(span.openEnd);
}

/** A `<font>` copy with some child elements dropped and others put first (CT_Font allows any order). */
function replaceChildren(font: string, drop: string[], insert: string): string {
  const span = rootElement(font, PART);
  const prefix = prefixOf(span.name);
  const kept = childElements(font, span, PART)
    .filter((e) => !drop.includes(localName(e.name)))
    .map((e) => font.slice(e.start, e.end))
    .join('');
  const open = span.selfClosing ? font.slice(0, span.end).replace(/\s*\/>$/, '>') : font.slice(0, span.openEnd);
  return `${open}${withPrefix(insert, prefix)}${kept}</${span.name}>`;
}
