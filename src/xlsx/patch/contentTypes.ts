import { ByteText, readXmlPart } from '../xml/byteText';
import { WorkbookFormatError } from '../package';
import { childElements, localName, prefixOf, rootElement, spanAttrs, withPrefix } from '../xml/xmlScan';

export const CONTENT_TYPES_PART = '[Content_Types].xml';

export const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  vmlDrawing: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;

/**
 * `[Content_Types].xml`, edited by appending `<Default>`/`<Override>` entries before `</Types>`.
 * Nothing is written back unless something was added, so an untouched package keeps the part's
 * exact bytes.
 */
export class ContentTypes {
  private readonly added: string[] = [];
  private readonly defaults = new Map<string, string>(); // extension (lower case) -> type
  private readonly overrides = new Set<string>(); // part name without leading '/', lower case

  private constructor(
    private readonly xml: ByteText,
    private readonly closeStart: number,
    private readonly prefix: string,
  ) {}

  static read(parts: ReadonlyMap<string, Uint8Array>): ContentTypes {
    const xml = readXmlPart(parts, CONTENT_TYPES_PART);
    if (xml === undefined) {
      throw new WorkbookFormatError(
        'tệp không phải là gói Office hợp lệ: thiếu phần [Content_Types].xml',
        'the file is not a valid Office package: it has no [Content_Types].xml part',
      );
    }
    const root = rootElement(xml, CONTENT_TYPES_PART);
    if (root.selfClosing) {
      // `<Types/>` cannot describe any part; no real package looks like this.
      throw new WorkbookFormatError('phần [Content_Types].xml của tệp trống', 'the [Content_Types].xml part of the file is empty');
    }
    const ct = new ContentTypes(xml, root.closeStart, prefixOf(root.name));
    for (const child of childElements(xml, root, CONTENT_TYPES_PART)) {
      const a = spanAttrs(xml, child);
      if (localName(child.name) === 'Default' && a.Extension) ct.defaults.set(a.Extension.toLowerCase(), a.ContentType ?? '');
      if (localName(child.name) === 'Override' && a.PartName) ct.overrides.add(normal(a.PartName));
    }
    return ct;
  }

  /** True if the part already has a content type, by override or by its extension. */
  covers(partName: string): boolean {
    if (this.overrides.has(normal(partName))) return true;
    const dot = partName.lastIndexOf('.');
    return dot >= 0 && this.defaults.has(partName.slice(dot + 1).toLowerCase());
  }

  addOverride(partName: string, contentType: string): void {
    if (this.overrides.has(normal(partName))) return;
    this.overrides.add(normal(partName));
    this.added.push(`<Override PartName="/${partName}" ContentType="${contentType}"/>`);
  }

  /** A `<Default>` for an extension, unless one (of any type) is already there. */
  ensureDefault(extension: string, contentType: string): void {
    if (this.defaults.has(extension.toLowerCase())) return;
    this.defaults.set(extension.toLowerCase(), contentType);
    // Defaults conventionally come first, but the schema allows any order.
    this.added.push(`<Default Extension="${extension}" ContentType="${contentType}"/>`);
  }

  /** The patched part, or undefined when nothing was added. */
  result(): ByteText | undefined {
    if (this.added.length === 0) return undefined;
    const ins = withPrefix(this.added.join(''), this.prefix);
    return this.xml.slice(0, this.closeStart) + ins + this.xml.slice(this.closeStart);
  }
}

function normal(partName: string): string {
  return partName.replace(/^\//, '').toLowerCase();
}
