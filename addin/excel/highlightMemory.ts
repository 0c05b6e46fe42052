import { MEMORY_NAMESPACE, memoryXml, parseMemoryXml, RememberedCell } from './memoryXml';
import { jsonBytes } from './roundTrips';

/**
 * The highlight memory lives in the workbook as a custom XML part (ExcelApi 1.5), so it is saved,
 * closed, reopened and shared with the file, and any copy of Pledge Check that opens the file can
 * clear what another one marked. Reading takes two syncs (find the parts, then their XML); the
 * caller owns the syncs so they can be shared with other work of the same phase.
 */
export class HighlightMemory {
  private parts: Excel.CustomXmlPart[] = [];
  private xml: OfficeExtension.ClientResult<string>[] = [];

  private constructor(
    private readonly context: Excel.RequestContext,
    private readonly found: Excel.CustomXmlPartScopedCollection,
  ) {}

  /** Step 1, before a sync: look for our parts. */
  static queueFind(context: Excel.RequestContext): HighlightMemory {
    return new HighlightMemory(context, context.workbook.customXmlParts.getByNamespace(MEMORY_NAMESPACE).load('items/id'));
  }

  /** Step 2, after that sync and before the next: ask for their XML. */
  queueRead(): void {
    this.parts = this.found.items.slice();
    this.xml = this.parts.map((p) => p.getXml());
  }

  /** Whether the workbook holds a memory part (after step 2's sync, or after a write). */
  get stored(): boolean {
    return this.parts.length > 0;
  }

  /** After the second sync: every remembered cell. If a copy-paste left several parts, the first mention of a cell wins. */
  cells(): RememberedCell[] {
    const seen = new Set<string>();
    const out: RememberedCell[] = [];
    for (const x of this.xml) {
      for (const c of parseMemoryXml(x.value)) {
        const key = `${c.sheet}!${c.cell}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(c);
      }
    }
    return out;
  }

  /** Queue replacing the memory with `cells` (removing it when empty); returns the request's size in bytes. */
  queueWrite(cells: ReadonlyArray<RememberedCell>): number {
    if (cells.length === 0) {
      for (const p of this.parts) p.delete();
      this.parts = [];
      return 100;
    }
    const xml = memoryXml(cells);
    const [first, ...extra] = this.parts;
    if (first) first.setXml(xml);
    for (const p of extra) p.delete();
    this.parts = [first ?? this.context.workbook.customXmlParts.add(xml)];
    return jsonBytes(xml) + 100;
  }
}
