import { Localized } from '../../src/words/lang';

/**
 * The ribbon's outcome travels to its dialog page in the URL's fragment: the fragment never leaves
 * the computer (it is not sent to the server), and the page renders it as text only.
 */
export function outcomeFragment(lines: ReadonlyArray<Localized>): string {
  return `#${encodeURIComponent(JSON.stringify(lines.map((l) => [l.vi, l.en])))}`;
}

/** Reads what outcomeFragment wrote; anything else (a hand-edited URL) gives no lines. */
export function linesOfFragment(hash: string): Localized[] {
  try {
    const data: unknown = JSON.parse(decodeURIComponent(hash.replace(/^#/, '')));
    if (!Array.isArray(data)) return [];
    return data.filter((x): x is [string, string] => Array.isArray(x) && typeof x[0] === 'string' && typeof x[1] === 'string').map(([vi, en]) => ({ vi, en }));
  } catch {
    return [];
  }
}
