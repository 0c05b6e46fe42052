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
 * Where a writer puts the parts of an element's text, in order: up to seven at a time. A fixed
 * list, not a rest parameter: once V8 inlined push into a writer it made the rest's array on every
 * call, some 70 MB over a national check's lines.
 */
export interface LineParts {
  push(a: string, b?: string, c?: string, d?: string, e?: string, f?: string, g?: string): void;
}

/**
 * A JsonBatches `text` from a writer of one element's parts: a batch's parts are gathered in one
 * array and joined once, so no line is a tree of small strings copied again when joined. The
 * array is written over from batch to batch and cut to length before each join: emptied with
 * `length = 0`, V8 gives up its storage, and growing it again by push was half of what writing a
 * national check's findings made (besides the joined text).
 */
export function joinedLines<T>(
  items: { at(index: number): T | undefined },
  write: (item: T, parts: LineParts) => void,
): (from: number, to: number, separator: string) => string {
  const gathered: string[] = [];
  let n = 0;
  const parts: LineParts = {
    push(a, b, c, d, e, f, g): void {
      gathered[n++] = a;
      if (b === undefined) return;
      gathered[n++] = b;
      if (c === undefined) return;
      gathered[n++] = c;
      if (d === undefined) return;
      gathered[n++] = d;
      if (e === undefined) return;
      gathered[n++] = e;
      if (f === undefined) return;
      gathered[n++] = f;
      if (g !== undefined) gathered[n++] = g;
    },
  };
  return (from, to, separator) => {
    n = 0;
    for (let i = from; i < to; i++) {
      if (i > from) gathered[n++] = separator;
      write(items.at(i) as T, parts);
    }
    gathered.length = n;
    return gathered.join('');
  };
}
