import { Binding, mergeBindings } from '../../src/bindings/binding';
import { BINDINGS_NAMESPACE, bindingsFromXml, bindingsToXml } from '../../src/bindings/bindingsXml';
import { NamespaceParts } from './namespaceParts';
import { ReadsAlong } from './readWorkbookGrid';

/**
 * People's word on where figures are ("this row is indicator X"), as the workbook stores it: the
 * custom XML part `urn:pledge-check:bindings:v1` that the CLI and the preview read from the
 * package (readPackageBindings), so a binding made in Excel holds everywhere the file goes.
 * Kept as NamespaceParts: reading takes two syncs and the caller owns them, so a check reads the
 * bindings on its own syncs.
 */
export class BindingStore implements ReadsAlong {
  private constructor(private readonly parts: NamespaceParts) {}

  /** Step 1, before a sync: look for the bindings parts. */
  static queueFind(context: Excel.RequestContext): BindingStore {
    return new BindingStore(NamespaceParts.queueFind(context, BINDINGS_NAMESPACE));
  }

  /** Step 2, after that sync and before the next: ask for their XML. */
  queueRead(): void {
    this.parts.queueRead();
  }

  /**
   * After the second sync: every binding stored. Throws BindingsFormatError for a damaged part.
   * A copy-paste between workbooks can leave two parts: their bindings are merged, the later
   * part's winning for the same label.
   */
  list(): Binding[] {
    return mergeBindings(...this.parts.texts().map(bindingsFromXml));
  }

  /** Queue replacing the stored bindings with `list` (in the first part, removing any others); returns the request's size in bytes. */
  queueWrite(list: ReadonlyArray<Binding>): number {
    return this.parts.queueReplace(bindingsToXml(list));
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
