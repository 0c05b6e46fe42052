import { SaxesParser, SaxesTagPlain } from 'saxes';
import { WorkbookFormatError } from '../package';

/**
 * Reading a part as a stream of events (start tags with their attributes, text, end tags), by
 * local name. Two readers give the same events: a fast one for the plain XML spreadsheet writers
 * produce, and saxes for everything else, which also words the errors of a broken part.
 */
export interface XmlHandlers {
  /** `name` is the local name; `qname` the name as written, with its prefix (for namespace-aware readers). */
  open: (name: string, attrs: Record<string, string>, qname?: string) => void;
  text?: (t: string) => void;
  close?: (name: string, qname?: string) => void;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/**
 * Parses a part with the handlers `start()` gives: first with the fast reader, which takes only
 * plain XML (what spreadsheet writers produce) and gives up on anything else; then, if it gave up,
 * with fresh handlers and saxes, which handles all of XML and words the errors.
 */
export function parseXml<R>(xml: string, part: string, start: () => { handlers: XmlHandlers; result: () => R }): R {
  const first = start();
  try {
    fastParse(xml, first.handlers);
    return first.result();
  } catch (e) {
    if (e !== NOT_PLAIN) throw e;
  }
  const second = start();
  saxesParse(xml, part, second.handlers);
  return second.result();
}

export function saxesParse(xml: string, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag: SaxesTagPlain) => handlers.open(localName(tag.name), tag.attributes as Record<string, string>, tag.name));
  if (handlers.text) {
    const onText = handlers.text;
    parser.on('text', onText);
    parser.on('cdata', onText);
  }
  if (handlers.close) {
    const onClose = handlers.close;
    parser.on('closetag', (tag: SaxesTagPlain) => onClose(localName(tag.name), tag.name));
  }
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof WorkbookFormatError) throw e; // thrown by a handler, already one sentence
    throw new WorkbookFormatError(
      `phần ${part} trong tệp có XML không hợp lệ (${(e as Error).message.split('\n')[0]})`,
      `the part ${part} of the file is not valid XML (${(e as Error).message.split('\n')[0]})`,
    );
  }
}

/** Thrown by the fast reader for anything it does not take; the part is then read with saxes. */
export const NOT_PLAIN = new Error('not plain XML');

const START_TAG = /<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const NAME = /^[A-Za-z_\u00c0-\ufffd][\w.:\u00b7\u00c0-\ufffd-]*$/;
/** Characters XML 1.0 does not allow; lone surrogates, looked for only when there are surrogates. */
const DISALLOWED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * A reader for plain XML — elements, attributes, text and the five entities and character
 * references, nothing else (no comments, CDATA, DOCTYPE or processing instructions after the
 * declaration) — that gives the handlers exactly the events saxes would, several times faster:
 * a national sheet has millions of cells. Anything it is not sure of (a construct it does not
 * take, a document that is not well-formed) throws NOT_PLAIN before or while calling handlers.
 */
export function fastParse(xml: string, handlers: XmlHandlers): void {
  let pos = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw NOT_PLAIN;
    pos = end + 2;
  }
  if (xml.indexOf('<!', pos) >= 0 || xml.indexOf('<?', pos) >= 0 || DISALLOWED.test(xml)) throw NOT_PLAIN;
  if (SURROGATE.test(xml) && LONE_SURROGATE.test(xml)) throw NOT_PLAIN;
  const stack: string[] = [];
  const names = new Set<string>(); // attribute names already checked
  const locals = new Map<string, string>(); // element names already checked, with their local names
  const { open, text, close } = handlers;
  let rootDone = false;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    const end = lt < 0 ? xml.length : lt;
    if (end > pos) {
      const raw = xml.slice(pos, end);
      if (stack.length === 0) {
        if (/\S/.test(raw)) throw NOT_PLAIN; // text outside the root element
        // Like saxes: whitespace after the declaration or the root is reported, at the very start it is not.
        if (text && pos > 0) text(textValue(raw));
      } else if (text) text(textValue(raw));
      else if (raw.includes(']]>')) throw NOT_PLAIN;
    }
    if (lt < 0) break;
    if (xml.charCodeAt(lt + 1) === 0x2f /* / */) {
      // The end tag must name the open element (`</name>`, or `</name >`).
      const name = stack.pop();
      if (name === undefined || !xml.startsWith(name, lt + 2)) throw NOT_PLAIN;
      let gt = lt + 2 + name.length;
      while (gt < xml.length && isSpace(xml.charCodeAt(gt))) gt++;
      if (xml.charCodeAt(gt) !== 0x3e /* > */) throw NOT_PLAIN;
      if (stack.length === 0) rootDone = true;
      if (close) close(locals.get(name) as string, name);
      pos = gt + 1;
      continue;
    }
    START_TAG.lastIndex = lt;
    const m = START_TAG.exec(xml);
    if (!m || rootDone) throw NOT_PLAIN;
    const name = m[1];
    let local = locals.get(name);
    if (local === undefined) {
      if (!NAME.test(name)) throw NOT_PLAIN;
      locals.set(name, (local = localName(name)));
    }
    open(local, m[2] ? attributes(m[2], names) : NO_ATTRIBUTES, name);
    if (m[3]) {
      if (stack.length === 0) rootDone = true;
      if (close) close(local, name);
    } else stack.push(name);
    pos = lt + m[0].length;
  }
  if (stack.length > 0 || !rootDone) throw NOT_PLAIN;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function attributes(list: string, names: Set<string>): Record<string, string> {
  const out: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (ATTRIBUTE.lastIndex < list.length && (m = ATTRIBUTE.exec(list))) {
    const name = m[1];
    if (!names.has(name)) {
      if (!NAME.test(name)) throw NOT_PLAIN;
      names.add(name);
    }
    if (Object.prototype.hasOwnProperty.call(out, name)) throw NOT_PLAIN; // an attribute twice
    let value = m[2] ?? m[3];
    if (value.includes('<')) throw NOT_PLAIN;
    // Attribute-value normalisation: line ends and tabs written as such read as spaces.
    if (/[\t\n\r]/.test(value)) value = value.replace(/\r\n|[\t\n\r]/g, ' ');
    out[name] = value.includes('&') ? decodeReferences(value) : value;
  }
  return out;
}

/** Text between tags as a parser reports it: line ends normalised, references decoded. */
function textValue(raw: string): string {
  if (raw.includes(']]>')) throw NOT_PLAIN;
  let t = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (t.includes('&')) t = decodeReferences(t);
  return t;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeReferences(s: string): string {
  return s.replace(/&([^;&]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw NOT_PLAIN;
    if (ref[0] === '#') {
      const cp = /^#x[0-9a-fA-F]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
      const allowed =
        cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
      if (!allowed) throw NOT_PLAIN;
      return String.fromCodePoint(cp);
    }
    const e = Object.prototype.hasOwnProperty.call(ENTITIES, ref) ? ENTITIES[ref] : undefined;
    if (e === undefined) throw NOT_PLAIN;
    return e;
  });
}
