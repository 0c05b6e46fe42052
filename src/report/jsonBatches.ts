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
     * The same elements as compact JSON text, each exactly what JSON.stringify gives for it, joined
     * by `separator` into one string, when the maker can write them faster than JSON.stringify can
     * (a finding's text is mostly constant per rule). Writers that have it use it; it never says
     * anything `batch` does not.
     */
    readonly text?: (from: number, to: number, separator: string) => string,
  ) {}

  toJSON(): T[] {
    return this.batch(0, this.length);
  }
}

/**
 * A JsonBatches `text` from a writer of one element's parts: a batch's parts are gathered in one
 * array and joined once, so no line is a tree of small strings copied again when joined.
 */
export function joinedLines<T>(
  items: { at(index: number): T | undefined },
  write: (item: T, parts: string[]) => void,
): (from: number, to: number, separator: string) => string {
  const parts: string[] = [];
  return (from, to, separator) => {
    for (let i = from; i < to; i++) {
      if (i > from) parts.push(separator);
      write(items.at(i) as T, parts);
    }
    const text = parts.join('');
    parts.length = 0;
    return text;
  };
}
