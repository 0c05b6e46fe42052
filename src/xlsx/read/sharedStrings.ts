import { readRelationships, XlsxPackage } from '../package';
import { spreadsheetMlOnly } from '../xml/markupCompatibility';
import { decodeXmlPart } from '../xml/partEncoding';
import { parseXml, XmlHandlers } from '../xml/xmlEvents';
import { AMP, bytesAre, charReferenceAt, decodeReferences, entityAt, GT, indexOfAscii, isSpace, LT, plainUtf8, SLASH, textOf } from './sheetDataBytes';

/**
 * The workbook's shared strings, by index. A national workbook's table has tens of thousands of
 * them and a sheet reads a few as labels: when the part is plain (`<si><t>…</t></si>` only, what
 * spreadsheet writers produce for text without formatting) each string is decoded from the
 * part's bytes the first time a cell asks for it; anything else is read whole as text.
 */
export interface SharedStrings {
  /** The string at `index` (a cell's `<v>` as a number), or undefined when there is none. */
  at(index: number): string | undefined;
}

/** `asBytes`: false reads the table whole as text (tests compare both ways). */
export function readSharedStrings(pkg: XlsxPackage, asBytes = true): SharedStrings {
  const rel = readRelationships(pkg.parts, pkg.workbookPath).find((r) => /\/sharedStrings$/.test(r.type));
  const path = rel?.target ?? 'xl/sharedStrings.xml';
  const data = pkg.parts.get(path);
  if (data === undefined) return inList([]);
  return (asBytes ? sharedStringsFromBytes(data, path) : undefined) ?? inList(parseSharedStrings(decodeXmlPart(data, path), path));
}

/** Strings already decoded. */
function inList(list: string[]): SharedStrings {
  return { at: (index) => list[index] };
}

function sharedStringsHandlers(): { handlers: XmlHandlers; result: () => string[] } {
  const out: string[] = [];
  let current = '';
  let inT = false;
  let phonetic = 0; // <rPh> runs are reading aids, not part of the text
  const handlers: XmlHandlers = {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') inT = true;
      else if (name === 'rPh') phonetic++;
    },
    text(t) {
      if (inT && phonetic === 0) current += t;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') out.push(current);
    },
  };
  return { handlers: spreadsheetMlOnly(handlers), result: () => out };
}

function parseSharedStrings(xml: string, path: string): string[] {
  return parseXml(xml, path, sharedStringsHandlers);
}

/**
 * A plain table read from its bytes: the run of `<si>` elements from the first one found, each
 * an optional `<t>` of text, is scanned for where each string's text lies; everything around the
 * run, with one `<si/>` in its place, is read by the text reader, which must count exactly that
 * one (so the run is where the reader counts strings, and nothing outside it is a string).
 * Undefined for anything else: the part is then read whole as text, as it always was.
 */
function sharedStringsFromBytes(data: Uint8Array, path: string): SharedStrings | undefined {
  if (data[0] !== 0x3c && !(data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf)) return undefined; // UTF-8 only
  const from = indexOfAscii(data, '<si');
  if (from < 0) return undefined;
  const run = scanStrings(data, from);
  if (run === undefined) return undefined;
  const around = new Uint8Array(from + MARKER.length + data.length - run.end);
  around.set(data.subarray(0, from));
  around.set(MARKER, from);
  around.set(data.subarray(run.end), from + MARKER.length);
  try {
    const outside = parseSharedStrings(decodeXmlPart(around, path), path);
    if (outside.length !== 1 || outside[0] !== '') return undefined;
  } catch {
    return undefined; // the text reader words what is wrong
  }
  const { starts, ends, references } = run;
  const strings: (string | undefined)[] = new Array(starts.length);
  return {
    at(index) {
      if (!(index >= 0 && index < starts.length && Number.isInteger(index))) return undefined;
      let s = strings[index];
      if (s === undefined) {
        s = starts[index] < 0 ? '' : textOf(data, starts[index], ends[index]);
        if (references[index]) s = decodeReferences(s);
        strings[index] = s;
      }
      return s;
    },
  };
}

const MARKER = Uint8Array.from('<si/>', (c) => c.charCodeAt(0));

interface StringRun {
  /** Byte ranges of each string's text (start -1 for a string with no `<t>`), and whether it holds references. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly references: Uint8Array;
  /** Where the run ends: the first byte after the last `</si>`. */
  readonly end: number;
}

/** The run of plain `<si>` elements at `from`, or undefined at the first thing that is not plain. */
function scanStrings(bytes: Uint8Array, from: number): StringRun | undefined {
  const to = bytes.length;
  let starts: Int32Array = new Int32Array(1024);
  let ends: Int32Array = new Int32Array(1024);
  let references: Uint8Array = new Uint8Array(1024);
  let count = 0;
  let i = from;
  let end = from;
  for (;;) {
    while (i < to && isSpace(bytes[i])) i++;
    if (!bytesAre(bytes, i, '<si')) break;
    let start = -1;
    let stop = -1;
    let hasReference = false;
    if (bytesAre(bytes, i, '<si/>')) i += 5;
    else if (bytesAre(bytes, i, '<si>')) {
      i += 4;
      while (i < to && isSpace(bytes[i])) i++;
      if (bytesAre(bytes, i, '<t')) {
        i += 2;
        // Only xml:space, which changes nothing the reader keeps.
        if (isSpace(bytes[i])) {
          while (i < to && isSpace(bytes[i])) i++;
          if (!bytesAre(bytes, i, 'xml:space="')) return undefined;
          i += 11;
          if (bytesAre(bytes, i, 'preserve"')) i += 9;
          else if (bytesAre(bytes, i, 'default"')) i += 8;
          else return undefined;
          while (i < to && isSpace(bytes[i])) i++;
        }
        if (bytes[i] === SLASH && bytes[i + 1] === GT) i += 2;
        else if (bytes[i] === GT) {
          start = ++i;
          let unusual = false;
          while (i < to && bytes[i] !== LT) {
            const c = bytes[i];
            if (c === 0x0d || (c === 0x5d && bytes[i + 1] === 0x5d && bytes[i + 2] === GT)) return undefined; // \r is normalised; ]]> is not text
            if (c === AMP) {
              if (!entityAt(bytes, i) && !charReferenceAt(bytes, i, to)) return undefined;
              hasReference = true;
            }
            if (c < 0x20 || c >= 0x80) unusual = true;
            i++;
          }
          stop = i;
          if (unusual && !plainUtf8(bytes, start, stop)) return undefined;
          if (!bytesAre(bytes, i, '</t>')) return undefined;
          i += 4;
        } else return undefined;
        while (i < to && isSpace(bytes[i])) i++;
      }
      if (!bytesAre(bytes, i, '</si>')) return undefined;
      i += 5;
    } else return undefined; // attributes or a longer name
    if (count === starts.length) {
      starts = grown(starts);
      ends = grown(ends);
      const r = new Uint8Array(count * 2);
      r.set(references);
      references = r;
    }
    starts[count] = start;
    ends[count] = stop;
    references[count] = hasReference ? 1 : 0;
    count++;
    end = i;
  }
  return { starts: starts.subarray(0, count), ends: ends.subarray(0, count), references: references.subarray(0, count), end };
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
