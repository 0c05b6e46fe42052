import { Binding, mergeBindings } from '../../src/bindings/binding';
import { BINDINGS_NAMESPACE, bindingsFromXml, bindingsToXml } from '../../src/bindings/bindingsXml';
import { jsonBytes } from './roundTrips';
import { ReadsAlong } from './readWorkbookGrid';

/**
 * People's word on where figures are ("this row is indicator X"), as the workbook stores it: the
 * custom XML part `urn:pledge-check:bindings:v1` that the CLI and the preview read from the
 * package (readPackageBindings), so a binding made in Excel holds everywhere the file goes.
 * Modelled on ReviewStore: reading takes two syncs (find the parts, then their XML) and the
 * caller owns them, so a check reads the bindings on its own syncs. Only parts in this namespace
 * are ever touched.
 */
export class BindingStore implements ReadsAlong {
  private parts: Excel.CustomXmlPart[] = [];
  private xml: OfficeExtension.ClientResult<string>[] = [];

  private constructor(
    private readonly context: Excel.RequestContext,
    private readonly found: Excel.CustomXmlPartScopedCollection,
  ) {}

  /** Step 1, before a sync: look for the bindings parts. */
  static queueFind(context: Excel.RequestContext): BindingStore {
    return new BindingStore(context, context.workbook.customXmlParts.getByNamespace(BINDINGS_NAMESPACE).load('items/id'));
  }

  /** Step 2, after that sync and before the next: ask for their XML. */
  queueRead(): void {
    this.parts = this.found.items.slice();
    this.xml = this.parts.map((p) => p.getXml());
  }

  /**
   * After the second sync: every binding stored. Throws BindingsFormatError for a damaged part.
   * A copy-paste between workbooks can leave two parts: their bindings are merged, the later
   * part's winning for the same label.
   */
  list(): Binding[] {
    return mergeBindings(...this.xml.map((x) => bindingsFromXml(x.value)));
  }

  /** Queue replacing the stored bindings with `list` (in the first part, removing any others); returns the request's size in bytes. */
  queueWrite(list: ReadonlyArray<Binding>): number {
    const xml = bindingsToXml(list);
    const [first, ...extra] = this.parts;
    if (first) first.setXml(xml);
    for (const p of extra) p.delete();
    this.parts = [first ?? this.context.workbook.customXmlParts.add(xml)];
    return jsonBytes(xml) + 100;
  }
}

/** The bindings stored in the open workbook. Two syncs. */
export async function readBindings(context: Excel.RequestContext): Promise<Binding[]> {
  const store = BindingStore.queueFind(context);
  await context.sync();
  store.queueRead();
  await context.sync();
  return store.list();
}
