/**
 * Helpers for the package-patch tests: unzip, pull cells out of sheet XML with a deliberately
 * independent (regex) reader, check well-formedness with saxes, and build small packages by hand.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as fs from 'fs';
import * as path from 'path';
import { SaxesParser } from 'saxes';

export const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');
export const haveFixtures = fs.existsSync(path.join(FIXTURES, 'expected.json'));

export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const [k, v] of Object.entries(unzipSync(bytes))) if (!k.endsWith('/')) out.set(k.replace(/^\//, ''), v);
  return out;
}

export function text(parts: Map<string, Uint8Array>, name: string): string {
  const b = parts.get(name);
  if (!b) throw new Error(`no part ${name}`);
  return strFromU8(b);
}

export function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Parts whose bytes differ (or that exist on one side only). */
export function changedParts(before: Map<string, Uint8Array>, after: Map<string, Uint8Array>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => !sameBytes(before.get(n), after.get(n))).sort();
}

export interface RawCell {
  readonly ref: string; // computed A1, whether or not the cell has an `r`
  readonly raw: string; // the element as written
  readonly s: string | undefined;
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

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** Every `<c>` of a sheet in document order, with its position computed as Excel would. */
export function rawCells(sheetXml: string): RawCell[] {
  const out: RawCell[] = [];
  const data = /<((?:\w+:)?sheetData)\b[^>]*>([\s\S]*?)<\/\1>/.exec(sheetXml)?.[2] ?? '';
  const rowRe = /<((?:\w+:)?row)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g;
  let prevRow = 0;
  let m: RegExpExecArray | null;
  while ((m = rowRe.exec(data))) {
    const r = /\sr="(\d+)"/.exec(m[2]);
    const row = r ? Number(r[1]) : prevRow + 1;
    prevRow = row;
    const cellRe = /<((?:\w+:)?c)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g;
    let prevCol = -1;
    let c: RegExpExecArray | null;
    while ((c = cellRe.exec(m[3] ?? ''))) {
      const ref = /\sr="([A-Z]+)\d+"/.exec(c[2]);
      const col = ref ? colIndex(ref[1]) : prevCol + 1;
      prevCol = col;
      out.push({ ref: `${colName(col)}${row}`, raw: c[0], s: /\ss="(\d+)"/.exec(c[2])?.[1] });
    }
  }
  return out;
}

/** A cell element with its `s` attribute removed, for comparing everything else. */
export function withoutS(raw: string): string {
  return raw.replace(/^(<[^>]*?)\ss="\d+"/, '$1');
}

export function assertWellFormed(xml: string, name: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.write(xml).close();
  if (error) throw new Error(`${name} is not well-formed: ${error.message}`);
}

/** Start tags of an element (any prefix) with their attributes. */
export function tags(xml: string, local: string): Array<Record<string, string>> {
  const re = new RegExp(`<(?:\\w+:)?${local}\\b([^>]*?)\\/?>`, 'g');
  const out: Array<Record<string, string>> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w:]+)="([^"]*)"/g)) attrs[a[1]] = a[2];
    out.push(attrs);
  }
  return out;
}

/** Children texts of `<cellXfs>` / `<fills>` / `<fonts>` in a stylesheet. */
export function styleEntries(stylesXml: string, collection: string, entry: string): string[] {
  const body = new RegExp(`<(?:\\w+:)?${collection}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${collection}>`).exec(stylesXml)?.[1] ?? '';
  const re = new RegExp(`<(?:\\w+:)?${entry}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${entry}>)`, 'g');
  return body.match(re) ?? [];
}

export function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** Zips hand-written parts (UTF-8), for packages no library would write. */
export function handmadePackage(files: Record<string, string | Uint8Array>): Uint8Array {
  const z: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) z[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(z);
}

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
};

/** The fixed parts of a one-sheet package; pass the sheet, styles and extras. */
export function minimalPackage(opts: {
  sheet: string | Uint8Array;
  styles?: string;
  workbook?: string;
  sheetRels?: string;
  extra?: Record<string, string | Uint8Array>;
  extraContentTypes?: string;
}): Uint8Array {
  const files: Record<string, string | Uint8Array> = {
    '[Content_Types].xml':
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${NS.ct}">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      (opts.styles !== undefined
        ? `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`
        : '') +
      (opts.extraContentTypes ?? '') +
      `</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${NS.rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      opts.workbook ??
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS.pkgRel}">` +
      `<Relationship Id="rId1" Type="${NS.rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
      (opts.styles !== undefined ? `<Relationship Id="rId2" Type="${NS.rel}/styles" Target="styles.xml"/>` : '') +
      `</Relationships>`,
    'xl/worksheets/sheet1.xml': opts.sheet,
    ...(opts.styles !== undefined ? { 'xl/styles.xml': opts.styles } : {}),
    ...(opts.sheetRels !== undefined ? { 'xl/worksheets/_rels/sheet1.xml.rels': opts.sheetRels } : {}),
    ...(opts.extra ?? {}),
  };
  return handmadePackage(files);
}
