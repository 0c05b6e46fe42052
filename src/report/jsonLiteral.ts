/**
 * JSON literals written by hand, each exactly as JSON.stringify writes it: documents with tens of
 * thousands of similar lines (findings, scorecard rows) are written from parts, not by stringifying
 * an object per line.
 */

/** Strings JSON.stringify may escape: quote, backslash, control characters, surrogates (lone ones are escaped; pairs are left to it too). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

export function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"';
}

/** As JSON.stringify writes a number: NaN and infinities as null. */
export function jsonNumber(n: number | null): string {
  return n !== null && Number.isFinite(n) ? String(n) : 'null';
}

/** A string's literal, made once per distinct string of a document (names of units, sheets, rules). */
export function jsonNames(): (s: string) => string {
  const names = new Map<string, string>();
  return (s) => {
    let text = names.get(s);
    if (text === undefined) names.set(s, (text = jsonString(s)));
    return text;
  };
}
