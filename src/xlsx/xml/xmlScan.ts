import { WorkbookFormatError } from '../package';
import { isRegexSpace } from '../../xml/regexSpace';

/**
 * A forward-only scanner over the tags of an XML text, for patching parts in place: it reports
 * where each tag starts and ends so edits can be spliced in without re-serialising anything.
 * Attribute values may contain `>`; comments, CDATA and processing instructions are skipped as
 * whole tokens. No allocation per token beyond the name, so it can walk a 100 MB sheet.
 */
export type TokenKind = 'open' | 'close' | 'empty' | 'other';

/**
 * A start tag at `at`, as the sticky regex /<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y
 * matches one: `found` gets the name's end, the attribute list's start and end, and whether it
 * ends with `/>`; the tag's end is returned, or -1 when no tag starts there. By hand, because the
 * copy reads every row's tag of a national sheet and a match array per tag was much of what it made.
 * Every part of the pattern is deterministic (a run ends at the first character that cannot go on
 * it, and that character can never begin what follows), so one pass gives the regex's answer.
 */
function scanStartTag(xml: string, at: number, found: Int32Array): number {
  const n = xml.length;
  if (xml.charCodeAt(at) !== 0x3c /* < */) return -1;
  let p = at + 1;
  while (p < n && isTagNameCode(xml.charCodeAt(p))) p++;
  if (p === at + 1) return -1;
  found[0] = p;
  const attrsStart = p;
  // Attributes: each is white space, a name, `=` and a quoted value; the list ends before the first that is not.
  for (;;) {
    let q = p;
    while (q < n && isRegexSpace(xml.charCodeAt(q))) q++;
    if (q === p) break;
    const nameStart = q;
    while (q < n && isNameCode(xml.charCodeAt(q))) q++;
    if (q === nameStart) break;
    while (q < n && isRegexSpace(xml.charCodeAt(q))) q++;
    if (xml.charCodeAt(q) !== 0x3d /* = */) break;
    q++;
    while (q < n && isRegexSpace(xml.charCodeAt(q))) q++;
    const quote = xml.charCodeAt(q);
    if (quote !== 0x22 && quote !== 0x27) break;
    const close = xml.indexOf(quote === 0x22 ? '"' : "'", q + 1);
    if (close < 0) break;
    p = close + 1;
  }
  found[1] = attrsStart;
  found[2] = p;
  while (p < n && isRegexSpace(xml.charCodeAt(p))) p++;
  const selfClosing = xml.charCodeAt(p) === 0x2f; /* / */
  if (selfClosing) p++;
  if (xml.charCodeAt(p) !== 0x3e /* > */) return -1;
  found[3] = selfClosing ? 1 : 0;
  return p + 1;
}

function isTagNameCode(c: number): boolean {
  return c !== 0x2f && c !== 0x3e && c !== 0x21 && c !== 0x3f && !isRegexSpace(c);
}

const TAG_FOUND = new Int32Array(4);

export class XmlCursor {
  kind: TokenKind = 'other';
  /** Qualified name as written (`x:c`); '' for `other`. */
  name = '';
  start = 0;
  end = 0;
  /** Offsets of the attribute list inside a start tag (`attrsEnd` is before any `/>` or `>`). */
  attrsStart = 0;
  attrsEnd = 0;
  private pos: number;
  private plain: boolean | undefined;

  constructor(
    readonly xml: string,
    from = 0,
    private readonly limit = xml.length,
    private readonly partName = 'XML',
  ) {
    this.pos = from;
  }

  get localName(): string {
    return localName(this.name);
  }

  next(): boolean {
    const xml = this.xml;
    const i = xml.indexOf('<', this.pos);
    if (i < 0 || i >= this.limit) return false;
    this.start = i;
    this.name = '';
    const c = xml.charCodeAt(i + 1);
    if (c === 0x21 /* ! */) {
      this.kind = 'other';
      if (xml.startsWith('<!--', i)) this.end = this.after(xml.indexOf('-->', i + 4), 3);
      else if (xml.startsWith('<![CDATA[', i)) this.end = this.after(xml.indexOf(']]>', i + 9), 3);
      else this.end = this.after(xml.indexOf('>', i), 1);
    } else if (c === 0x3f /* ? */) {
      this.kind = 'other';
      this.end = this.after(xml.indexOf('?>', i + 2), 2);
    } else if (c === 0x2f /* / */) {
      this.kind = 'close';
      this.end = this.after(xml.indexOf('>', i), 1);
      this.name = xml.slice(i + 2, this.end - 1).trim();
    } else {
      const found = TAG_FOUND;
      const end = scanStartTag(xml, i, found);
      if (end < 0) this.malformed(i);
      this.name = xml.slice(i + 1, found[0]);
      this.kind = found[3] ? 'empty' : 'open';
      this.attrsStart = found[1];
      this.attrsEnd = found[2];
      this.end = end;
    }
    this.pos = this.end;
    return true;
  }

  /**
   * After an `open` token of an element that never contains an element of its own name (`row`,
   * `c`, `sheetData`): moves past its close tag with one native search when the text has no
   * comments, CDATA or processing instructions that could hide a `</row>`; else walks the tokens.
   */
  skipNonNesting(): number {
    if (!this.isPlain()) return this.skipElement();
    const close = `</${this.name}>`;
    const at = this.xml.indexOf(close, this.end);
    if (at < 0 || at >= this.limit) return this.malformed(this.start);
    this.start = at;
    this.end = at + close.length;
    this.kind = 'close';
    this.name = close.slice(2, -1);
    this.pos = this.end;
    return at;
  }

  /**
   * True when every close tag is written `</name>` and nothing after the declaration is a
   * comment, CDATA section or processing instruction — what every spreadsheet writer produces.
   * Then a close tag can be found by plain search. Checked once per text (native regex scan).
   */
  isPlain(): boolean {
    if (this.plain === undefined) {
      const decl = /^[^<]*<\?[^>]*\?>/.exec(this.xml.slice(0, 512))?.[0].length ?? 0;
      this.plain = !/<!|<\?|<\/[^>\s]*\s/.test(this.xml.slice(decl));
    }
    return this.plain;
  }

  /** After an `open` token: moves past its matching close tag and returns the close tag's start. */
  skipElement(): number {
    let depth = 1;
    while (this.next()) {
      if (this.kind === 'open') depth++;
      else if (this.kind === 'close' && --depth === 0) return this.start;
    }
    return this.malformed(this.xml.length);
  }

  attrs(): Record<string, string> {
    return parseAttrList(this.xml.slice(this.attrsStart, this.attrsEnd));
  }

  /** One attribute of the start tag, as `attrs()[name]` gives it, without making the others. */
  attr(name: string): string | undefined {
    return attrIn(this.xml, this.attrsStart, this.attrsEnd, name);
  }

  private after(found: number, len: number): number {
    if (found < 0) this.malformed(this.start);
    return found + len;
  }

  private malformed(at: number): never {
    throw new WorkbookFormatError(
      `phần ${this.partName} của tệp không phải XML hợp lệ (vị trí ${at})`,
      `the ${this.partName} part of the file is not well-formed XML (offset ${at})`,
    );
  }
}

/** The start tag that begins at `at` (a `<`), or undefined when none does. */
export function startTagAt(xml: string, at: number): { name: string; attrsStart: number; attrsEnd: number; end: number; selfClosing: boolean } | undefined {
  const found = TAG_FOUND;
  const end = scanStartTag(xml, at, found);
  if (end < 0) return undefined;
  return { name: xml.slice(at + 1, found[0]), attrsStart: found[1], attrsEnd: found[2], end, selfClosing: found[3] === 1 };
}

export function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** `x:` for `x:c`, '' for `c`. */
export function prefixOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? '' : qname.slice(0, i + 1);
}

/** Where nextAttr gives the offsets of what it found (one at a time: nothing here is reentrant). */
const ATTR_FOUND = new Int32Array(4);

/**
 * Attribute values as written (still XML-escaped): every `name="value"` or `name='value'` found
 * scanning the text from the left, as the global regex /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
 * would find them, a later one of a name winning. Scanned by hand: the copy reads the attributes of
 * every row of a national sheet, and a match array per attribute was most of what patching made.
 */
export function parseAttrList(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  const found = ATTR_FOUND;
  for (let p = 0; (p = nextAttr(s, p, s.length, found)) >= 0;) out[s.slice(found[0], found[1])] = s.slice(found[2], found[3]);
  return out;
}

/** The value of attribute `name` in `s[from, to)` as parseAttrList would give it (the last one written), without making the others. */
export function attrIn(s: string, from: number, to: number, name: string): string | undefined {
  let value: string | undefined;
  const found = ATTR_FOUND;
  for (let p = from; (p = nextAttr(s, p, to, found)) >= 0;) {
    if (found[1] - found[0] === name.length && s.startsWith(name, found[0])) value = s.slice(found[2], found[3]);
  }
  return value;
}

/**
 * The next attribute in `s[p, to)`: its name's and value's offsets in `found` (start, end, start,
 * end), and where scanning goes on; -1 when there is none. A name is a run of characters other than
 * white space (as `\s` means it), `=`, `/` and `>`. When the run is not followed by `=` and a closed
 * quote, no shorter run from inside it is either (the character after it is the same), so the scan
 * resumes after the run: the regex's answer, each character looked at a bounded number of times.
 */
function nextAttr(s: string, p: number, to: number, found: Int32Array): number {
  while (p < to) {
    if (!isNameCode(s.charCodeAt(p))) {
      p++;
      continue;
    }
    let end = p + 1;
    while (end < to && isNameCode(s.charCodeAt(end))) end++;
    let q = end;
    while (q < to && isRegexSpace(s.charCodeAt(q))) q++;
    if (q < to && s.charCodeAt(q) === 0x3d /* = */) {
      q++;
      while (q < to && isRegexSpace(s.charCodeAt(q))) q++;
      const quote = q < to ? s.charCodeAt(q) : 0;
      if (quote === 0x22 || quote === 0x27) {
        const close = s.indexOf(quote === 0x22 ? '"' : "'", q + 1);
        if (close >= 0 && close < to) {
          found[0] = p;
          found[1] = end;
          found[2] = q + 1;
          found[3] = close;
          return close + 1;
        }
      }
    }
    p = end;
  }
  return -1;
}

function isNameCode(c: number): boolean {
  return c !== 0x3d && c !== 0x2f && c !== 0x3e && !isRegexSpace(c);
}

/** One element found by `findElement` / `childElements`. */
export interface ElementSpan {
  readonly name: string;
  readonly start: number;
  /** End of the start tag. */
  readonly openEnd: number;
  /** Start of the close tag; equals `openEnd` for an empty element. */
  readonly closeStart: number;
  readonly end: number;
  readonly selfClosing: boolean;
  readonly attrsStart: number;
  readonly attrsEnd: number;
}

/** Elements that never contain an element of their own name, so their end can be searched for. */
const NON_NESTING = new Set(['sheetData', 'row', 'c']);

function spanAt(cur: XmlCursor, isRoot = false): ElementSpan {
  const { name, start, end, attrsStart, attrsEnd } = cur;
  if (cur.kind === 'empty') return { name, start, openEnd: end, closeStart: end, end, selfClosing: true, attrsStart, attrsEnd };
  if (isRoot && cur.isPlain()) {
    // The root's close tag is the last tag of the text: find it from the end (big sheets).
    const at = cur.xml.lastIndexOf(`</${name}>`);
    const after = at + name.length + 3;
    if (at >= end && !/\S/.test(cur.xml.slice(after))) {
      return { name, start, openEnd: end, closeStart: at, end: after, selfClosing: false, attrsStart, attrsEnd };
    }
  }
  const closeStart = NON_NESTING.has(localName(name)) ? cur.skipNonNesting() : cur.skipElement();
  return { name, start, openEnd: end, closeStart, end: cur.end, selfClosing: false, attrsStart, attrsEnd };
}

/** The document element (skipping the declaration and comments). */
export function rootElement(xml: string, partName?: string): ElementSpan {
  const cur = new XmlCursor(xml, 0, xml.length, partName);
  while (cur.next()) {
    if (cur.kind === 'open' || cur.kind === 'empty') return spanAt(cur, true);
  }
  throw new WorkbookFormatError(`phần ${partName ?? 'XML'} của tệp trống hoặc không phải XML`, `the ${partName ?? 'XML'} part of the file is empty or not XML`);
}

/** Direct children of an element, in document order. */
export function childElements(xml: string, parent: ElementSpan, partName?: string): ElementSpan[] {
  const out: ElementSpan[] = [];
  if (parent.selfClosing) return out;
  const cur = new XmlCursor(xml, parent.openEnd, parent.closeStart, partName);
  while (cur.next()) {
    if (cur.kind === 'open' || cur.kind === 'empty') out.push(spanAt(cur));
  }
  return out;
}

export function findChild(xml: string, parent: ElementSpan, local: string, partName?: string): ElementSpan | undefined {
  return childElements(xml, parent, partName).find((e) => localName(e.name) === local);
}

export function spanAttrs(xml: string, e: ElementSpan): Record<string, string> {
  return parseAttrList(xml.slice(e.attrsStart, e.attrsEnd));
}

/**
 * A start tag (`<x:xf a="1" b="2">` or `.../>`) with one attribute set: the value is replaced in
 * place when present, else the attribute is appended. `value` must already be XML-escaped.
 */
export function setAttr(startTag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${escapeRe(name)}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(startTag)) return startTag.replace(re, (_, lead: string) => `${lead}"${value}"`);
  const close = startTag.endsWith('/>') ? startTag.length - 2 : startTag.length - 1;
  let at = close;
  while (at > 0 && /\s/.test(startTag[at - 1])) at--; // keep `<c r="A1" />` tidy
  return `${startTag.slice(0, at)} ${name}="${value}"${startTag.slice(at)}`;
}

/** The prefix (with colon, or '') that a start tag binds to a namespace URI, if it does. */
export function prefixBoundTo(startTag: string, uri: string): string | undefined {
  const attrs = parseAttrList(startTag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== uri) continue;
    if (k === 'xmlns') return '';
    if (k.startsWith('xmlns:')) return `${k.slice(6)}:`;
  }
  return undefined;
}

/** Writes our own unprefixed fragment with a namespace prefix (`<fill>` -> `<x:fill>`). */
export function withPrefix(fragment: string, prefix: string): string {
  return prefix === '' ? fragment : fragment.replace(/<(\/?)([A-Za-z])/g, `<$1${prefix}$2`);
}

/** Splices non-overlapping edits into a text in one pass. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function applyEdits(text: string, edits: ReadonlyArray<Edit>): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error(`overlapping edits at ${e.start}`);
    out.push(text.slice(pos, e.start), e.text);
    pos = e.end;
  }
  out.push(text.slice(pos));
  return out.join('');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
