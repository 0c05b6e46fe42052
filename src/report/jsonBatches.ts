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
  ) {}

  toJSON(): T[] {
    return this.batch(0, this.length);
  }
}
