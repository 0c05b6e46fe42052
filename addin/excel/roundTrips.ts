/**
 * Excel on the web caps each request and each response at 5 MB, and one `context.sync()` is one
 * request and one response. Everything a phase needs is queued and sent in one sync; a phase only
 * takes a second sync when what it queued would not fit in one payload (a very large workbook),
 * so the number of syncs depends on bytes, never on the number of sheets, blocks or cells.
 */
export const PAYLOAD_BUDGET = 4_000_000; // bytes: below 5 MB with room for the protocol's own framing

export interface Syncable {
  sync(): Promise<unknown>;
}

export class RoundTrips {
  private pending = 0;

  constructor(
    private readonly context: Syncable,
    private readonly budget = PAYLOAD_BUDGET,
  ) {}

  /** Account for a command of about `bytes` (request or response), syncing first if it would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    this.pending += bytes;
  }

  /** End of a phase: send what is queued (always one sync, so results can be read after it). */
  async flush(): Promise<void> {
    await this.context.sync();
    this.pending = 0;
  }
}

/** Bytes a string takes in a UTF-8 JSON payload (Vietnamese letters take two or three). */
export function jsonBytes(text: string): number {
  let n = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? (c === 0x22 || c === 0x5c || c < 0x20 ? 2 : 1) : c < 0x800 ? 2 : 3;
  }
  return n;
}
