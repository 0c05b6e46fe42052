import { jsonBytes, RoundTrips } from './roundTrips';

/**
 * The custom XML parts of one namespace, as every store of ours keeps them (highlight memory,
 * reviews, bindings): saved with the file, read by any copy of Pledge Check that opens it. Reading
 * takes two syncs (find the parts, then their XML) and the caller owns them, so they can be shared
 * with other work of the same phase. Only parts in this namespace are ever touched.
 */
export class NamespaceParts {
  private parts: Excel.CustomXmlPart[] = [];
  private xml: OfficeExtension.ClientResult<string>[] = [];

  private constructor(
    private readonly context: Excel.RequestContext,
    private readonly namespace: string,
    private readonly found: Excel.CustomXmlPartScopedCollection,
  ) {}

  /** Step 1, before a sync: look for the parts. */
  static queueFind(context: Excel.RequestContext, namespace: string): NamespaceParts {
    return new NamespaceParts(context, namespace, context.workbook.customXmlParts.getByNamespace(namespace).load('items/id'));
  }

  /** Step 2, after that sync and before the next: ask for their XML. */
  queueRead(): void {
    this.parts = this.found.items.slice();
    this.xml = this.parts.map((p) => p.getXml());
  }

  /** Step 2 for parts that may be large: a part's size is unknown until read, so each reserves the most it can be. */
  async queueReadWithin(trips: RoundTrips, partBytes: number): Promise<void> {
    this.parts = this.found.items.slice();
    this.xml = [];
    for (const p of this.parts) {
      await trips.reserve(partBytes);
      this.xml.push(p.getXml());
    }
  }

  /**
   * Queue listing the parts again, for when step 2 comes syncs after step 1; after the sync, the
   * answer says whether they changed meanwhile (another Pledge Check wrote or cleared them).
   */
  queueRecount(): () => boolean {
    const again = this.context.workbook.customXmlParts.getByNamespace(this.namespace).load('items/id');
    const ids = (c: Excel.CustomXmlPartScopedCollection) => c.items.map((p) => p.id).join('\n');
    return () => ids(again) !== ids(this.found);
  }

  /** Whether the workbook holds a part (after step 2's sync, or after a write). */
  get stored(): boolean {
    return this.parts.length > 0;
  }

  /** After the second sync: each part's XML, in the order Excel lists them. */
  texts(): string[] {
    return this.xml.map((x) => x.value);
  }

  /** Queue replacing the parts with one holding `xml` (the first part is reused, others removed); returns the request's size in bytes. */
  queueReplace(xml: string): number {
    const [first, ...extra] = this.parts;
    if (first) first.setXml(xml);
    for (const p of extra) p.delete();
    this.parts = [first ?? this.context.workbook.customXmlParts.add(xml)];
    return jsonBytes(xml) + 100;
  }

  /** Queue replacing the parts with `xmls` (none removes them all): the parts there are reused in order, extra ones deleted. */
  async queueReplaceAll(xmls: ReadonlyArray<string>, trips: RoundTrips): Promise<void> {
    const kept: Excel.CustomXmlPart[] = [];
    for (let i = 0; i < xmls.length; i++) {
      await trips.reserve(jsonBytes(xmls[i]) + 100);
      const part = this.parts[i];
      if (part) part.setXml(xmls[i]);
      kept.push(part ?? this.context.workbook.customXmlParts.add(xmls[i]));
    }
    for (const p of this.parts.slice(xmls.length)) {
      await trips.reserve(100);
      p.delete();
    }
    this.parts = kept;
  }
}
