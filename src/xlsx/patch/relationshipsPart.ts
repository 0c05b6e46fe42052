import { readXmlPart, textToBytes } from '../xml/byteText';
import { CT, ContentTypes } from './contentTypes';
import { relsPathOf } from '../package';
import { childElements, prefixOf, rootElement, spanAttrs, withPrefix } from '../xml/xmlScan';

const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * Adds a relationship from `sourcePart` to `targetPart` in the source's `_rels` part (created if
 * missing) and returns its id. Existing entries are kept byte for byte; the new one is appended.
 */
export function addRelationship(parts: Map<string, Uint8Array>, contentTypes: ContentTypes, sourcePart: string, type: string, targetPart: string): string {
  const relsPath = relsPathOf(sourcePart);
  let xml = readXmlPart(parts, relsPath);
  if (xml === undefined) {
    xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS_NS}"></Relationships>`;
    contentTypes.ensureDefault('rels', CT.relationships);
  }
  const root = rootElement(xml, relsPath);
  const used = new Set(childElements(xml, root, relsPath).map((r) => (spanAttrs(xml as string, r).Id ?? '').toLowerCase()));
  let n = used.size + 1;
  while (used.has(`rid${n}`)) n++;
  const id = `rId${n}`;
  const entry = withPrefix(`<Relationship Id="${id}" Type="${type}" Target="${relativeTarget(sourcePart, targetPart)}"/>`, prefixOf(root.name));
  const patched = root.selfClosing
    ? `${xml.slice(0, root.start)}${xml.slice(root.start, root.openEnd).replace(/\s*\/>$/, '>')}${entry}</${root.name}>${xml.slice(root.end)}`
    : xml.slice(0, root.closeStart) + entry + xml.slice(root.closeStart);
  parts.set(relsPath, textToBytes(patched));
  return id;
}

/** `xl/worksheets/sheet1.xml` -> `xl/comments1.xml` gives `../comments1.xml`. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}
