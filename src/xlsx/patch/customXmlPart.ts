import { strFromU8, strToU8 } from 'fflate';
import { CONTENT_TYPES_PART, ContentTypes } from './contentTypes';
import { decodeXml, openPackage, readRelationships, XlsxPackage } from '../package';
import { detectDialect } from './patchContext';
import { addRelationship } from './relationshipsPart';
import { textToBytes } from '../xml/byteText';
import { prefixOf, XmlCursor } from '../xml/xmlScan';
import { zipPackage } from '../zip/zipPackage';

const PROPS_CT = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';
const DATASTORE_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/customXml';

/** A custom XML part of the package, found by the namespace of its root element. */
export interface FoundCustomXml {
  readonly path: string;
  /** The part as text (UTF-8 or UTF-16, as Office may store it). */
  readonly xml: string;
}

/**
 * The custom XML part whose root element is in `namespace`, as Office.js `getByNamespace` finds
 * it: related from the workbook part (Excel) or, in some files, from the package root.
 */
export function findCustomXmlPart(pkg: XlsxPackage, namespace: string): FoundCustomXml | undefined {
  for (const path of customXmlParts(pkg)) {
    const xml = decodePart(pkg.parts.get(path) as Uint8Array);
    if (rootNamespace(xml) === namespace) return { path, xml };
  }
  return undefined;
}

function customXmlParts(pkg: XlsxPackage): string[] {
  const rels = [...readRelationships(pkg.parts, pkg.workbookPath), ...readRelationships(pkg.parts, '')];
  const paths = rels.filter((r) => !r.external && /\/customXml$/.test(r.type) && pkg.parts.has(r.target)).map((r) => r.target);
  return [...new Set(paths)];
}

/**
 * A copy of the package with the custom XML part of `namespace` set to `xml` (an element without
 * declaration): the existing part is replaced in place, or a new item, its properties part and
 * their relationships are added. Every other part is carried over byte for byte.
 */
export function withCustomXmlPart(bytes: Uint8Array, namespace: string, xml: string): Uint8Array {
  const pkg = openPackage(bytes);
  const parts = new Map(pkg.parts);
  const data = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`);
  const found = findCustomXmlPart(pkg, namespace);
  if (found) {
    parts.set(found.path, data);
    return zipPackage(parts, pkg);
  }
  const dialect = detectDialect(pkg);
  const contentTypes = ContentTypes.read(parts);
  // Both names of a pair take the same number, as Office writes them (item2.xml, itemProps2.xml).
  const taken = new Set([...parts.keys()].map((k) => k.toLowerCase()));
  let n = 1;
  while (taken.has(`customxml/item${n}.xml`) || taken.has(`customxml/itemprops${n}.xml`) || taken.has(`customxml/_rels/item${n}.xml.rels`)) n++;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  parts.set(item, data);
  parts.set(props, strToU8(itemProps(namespace, xml)));
  if (!contentTypes.covers(item)) contentTypes.addOverride(item, 'application/xml');
  contentTypes.addOverride(props, PROPS_CT);
  addRelationship(parts, contentTypes, item, `${dialect.relNs}/customXmlProps`, props);
  addRelationship(parts, contentTypes, pkg.workbookPath, `${dialect.relNs}/customXml`, item);
  const ct = contentTypes.result();
  if (ct !== undefined) parts.set(CONTENT_TYPES_PART, textToBytes(ct));
  return zipPackage(parts, pkg);
}

/** The datastore properties Office keeps beside each item: an id and the schema it declares. */
function itemProps(namespace: string, xml: string): string {
  const esc = namespace.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n` +
    `<ds:datastoreItem ds:itemID="${itemId(namespace + xml)}" xmlns:ds="${DATASTORE_NS}">` +
    `<ds:schemaRefs><ds:schemaRef ds:uri="${esc}"/></ds:schemaRefs></ds:datastoreItem>`
  );
}

/**
 * A GUID derived from the content (four FNV-1a hashes), so the same input always gives the same
 * package; it only has to be unique among the workbook's own items.
 */
function itemId(seed: string): string {
  let hex = '';
  for (const basis of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x7f4a7c15]) {
    let h = basis;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
    hex += (h >>> 0).toString(16).padStart(8, '0');
  }
  hex = hex.toUpperCase();
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16).toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}}`;
}

function decodePart(bytes: Uint8Array): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0x3c && bytes[1] === 0))) return utf16(bytes, true);
  if (bytes.length >= 2 && ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0 && bytes[1] === 0x3c))) return utf16(bytes, false);
  return strFromU8(bytes).replace(/^\uFEFF/, '');
}

function utf16(bytes: Uint8Array, littleEndian: boolean): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
  return out.replace(/^\uFEFF/, '');
}

/**
 * The namespace URI of the root element (default or prefixed), read from its start tag alone: a
 * part of ours that is damaged further on is still found, so its reader can say so.
 */
function rootNamespace(xml: string): string | undefined {
  try {
    const cur = new XmlCursor(xml);
    while (cur.next()) {
      if (cur.kind !== 'open' && cur.kind !== 'empty') continue;
      const prefix = prefixOf(cur.name);
      const uri = cur.attrs()[prefix === '' ? 'xmlns' : `xmlns:${prefix.slice(0, -1)}`];
      return uri === undefined ? undefined : decodeXml(uri);
    }
  } catch {
    // A damaged start tag: no namespace to read.
  }
  return undefined;
}
