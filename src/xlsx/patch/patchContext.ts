import { readXmlPart } from '../xml/byteText';
import { ContentTypes } from './contentTypes';
import { XlsxPackage } from '../package';
import { StylesPatch } from './patchStyles';
import { VmlShapeIds } from './vmlNotes';
import { rootElement } from '../xml/xmlScan';

/**
 * The namespaces new parts and elements must use: a workbook saved as "Strict Open XML" uses
 * purl.oclc.org names throughout, and mixing in transitional ones would break it.
 */
export interface Dialect {
  readonly mainNs: string;
  readonly relNs: string;
  relType(kind: 'worksheet' | 'styles' | 'comments' | 'vmlDrawing'): string;
}

export const TRANSITIONAL: Dialect = {
  mainNs: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  relNs: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  relType: (kind) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}`,
};

export const STRICT: Dialect = {
  mainNs: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  relNs: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  relType: (kind) => `http://purl.oclc.org/ooxml/officeDocument/relationships/${kind}`,
};

/** The dialect a package's workbook part is written in. */
export function detectDialect(pkg: XlsxPackage): Dialect {
  const xml = readXmlPart(pkg.parts, pkg.workbookPath) as string;
  const root = rootElement(xml, pkg.workbookPath);
  return xml.slice(root.start, root.openEnd).includes('http://purl.oclc.org/ooxml/spreadsheetml/main') ? STRICT : TRANSITIONAL;
}

/** Everything the patch steps share while a copy is being made. */
export interface PatchContext {
  /** The copy's parts; steps replace entries, never mutate the byte arrays. */
  readonly parts: Map<string, Uint8Array>;
  readonly contentTypes: ContentTypes;
  readonly styles: StylesPatch;
  readonly dialect: Dialect;
  readonly vmlIds: VmlShapeIds;
}

/** The first `make(n)` (n = 1, 2, …) not taken by a part or its rels part; OPC names are case-insensitive. */
export function unusedPartName(parts: ReadonlyMap<string, Uint8Array>, make: (n: number) => string): string {
  const taken = new Set([...parts.keys()].map((k) => k.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = make(n);
    const slash = name.lastIndexOf('/');
    const rels = `${name.slice(0, slash + 1)}_rels/${name.slice(slash + 1)}.rels`;
    if (!taken.has(name.toLowerCase()) && !taken.has(rels.toLowerCase())) return name;
  }
}
