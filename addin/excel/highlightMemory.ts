import { MEMORY_NAMESPACE, memoryXml, parseMemoryXml, RememberedCell } from './memoryXml';
import { NamespaceParts } from './namespaceParts';
import { jsonBytes, RoundTrips } from './roundTrips';

/**
 * Most XML per part: a part is read and written by one command, which has to fit one payload of
 * Excel on the web with room to spare. Past that (some 20,000 cells) the memory takes more parts.
 */
export const PART_BYTES = 1_500_000;

/**
 * The highlight memory lives in the workbook as a custom XML part (ExcelApi 1.5), so it is saved,
 * closed, reopened and shared with the file, and any copy of Pledge Check that opens the file can
 * clear what another one marked. Reading takes two syncs (find the parts, then their XML); the
 * caller owns the syncs so they can be shared with other work of the same phase. A large memory is
 * kept in several parts of at most PART_BYTES, so each fits a payload (RoundTrips).
 */
export class HighlightMemory {
  private constructor(private readonly parts: NamespaceParts) {}

  /** Step 1, before a sync: look for our parts. */
  static queueFind(context: Excel.RequestContext): HighlightMemory {
    return new HighlightMemory(NamespaceParts.queueFind(context, MEMORY_NAMESPACE));
  }

  /** Step 2, after that sync and before the next: ask for their XML. A part's size is unknown until read, so each reserves the most it can be. */
  queueRead(trips: RoundTrips): Promise<void> {
    return this.parts.queueReadWithin(trips, PART_BYTES);
  }

  /**
   * Queue listing our parts again, for when step 2 comes syncs after step 1; after the sync, the
   * answer says whether they changed meanwhile (another Pledge Check wrote or cleared highlights).
   */
  queueRecount(): () => boolean {
    return this.parts.queueRecount();
  }

  /** Whether the workbook holds a memory part (after step 2's sync, or after a write). */
  get stored(): boolean {
    return this.parts.stored;
  }

  /** After the second sync: every remembered cell. If a copy-paste left several parts, the first mention of a cell wins. */
  cells(): RememberedCell[] {
    const seen = new Set<string>();
    const out: RememberedCell[] = [];
    for (const x of this.parts.texts()) {
      for (const c of parseMemoryXml(x)) {
        const key = `${c.sheet}!${c.cell}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(c);
      }
    }
    return out;
  }

  /** Queue replacing the memory with `cells` (removing it when empty): the parts there are reused in order, extra ones deleted. */
  queueWrite(cells: ReadonlyArray<RememberedCell>, trips: RoundTrips): Promise<void> {
    return this.parts.queueReplaceAll(partsOf(cells), trips);
  }
}

/** The memory's XML, as few parts of at most PART_BYTES as its cells allow (none when there are none). */
export function partsOf(cells: ReadonlyArray<RememberedCell>, maxBytes = PART_BYTES): string[] {
  const out: string[] = [];
  const root = jsonBytes(memoryXml([]));
  let start = 0;
  let bytes = root;
  for (let i = 0; i < cells.length; i++) {
    const size = jsonBytes(memoryXml([cells[i]])) - root; // the element alone
    if (i > start && bytes + size > maxBytes) {
      out.push(memoryXml(cells.slice(start, i)));
      start = i;
      bytes = root;
    }
    bytes += size;
  }
  if (cells.length) out.push(memoryXml(cells.slice(start)));
  return out;
}
