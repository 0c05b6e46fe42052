/**
 * An array of a JSON document whose elements are made a batch at a time as the document is
 * written (a national check's findings: hundreds of thousands of objects never held at once).
 * The CLI's writer (src/cli/jsonText.ts) asks for one batch after another; JSON.stringify, which
 * knows nothing of it, gets every element through toJSON.
 */
export class JsonBatches<T> {
  constructor(
    readonly length: number,
    /** Elements `from` (included) to `to` (excluded). */
    readonly batch: (from: number, to: number) => T[],
    /**
     * Optionally the same elements already as text, exactly as `JSON.stringify(…, null, 2)` writes
     * them at `indent` (each element's first line indented, elements joined by `,\n`): written by
     * hand, with no object made per element, for arrays too long to stringify object by object.
     */
    readonly text?: (from: number, to: number, indent: string) => string,
  ) {}

  toJSON(): T[] {
    return this.batch(0, this.length);
  }
}
