/**
 * JSON literals written by hand, each exactly as JSON.stringify writes it: documents with tens of
 * thousands of similar lines (findings, scorecard rows) are written from parts, not by stringifying
 * an object per line.
 */

/** Strings JSON.stringify may escape: quote, backslash, control characters, surrogates (lone ones are escaped; pairs are left to it too). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Whether JSON writes the string between its quotes as it is (nothing in it escaped). */
export function jsonPlain(s: string): boolean {
  return !NEEDS_ESCAPE.test(s);
}

export function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"';
}

/**
 * What goes between the quotes of a string's literal: the string itself when nothing in it is
 * escaped (no copy made), else JSON.stringify's escapes.
 */
export function jsonInside(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s).slice(1, -1) : s;
}

/** As JSON.stringify writes a number: NaN and infinities as null. */
export function jsonNumber(n: number | null): string {
  return n !== null && Number.isFinite(n) ? String(n) : 'null';
}

/** A string's literal, made once per distinct string of a document (names of units, sheets, rules). */
export function jsonNames(): (s: string) => string {
  return memoText(jsonString);
}

/**
 * `text(a)` made once per distinct value: a run of a line that depends only on names (a rule's
 * head, an input's indicator and sheet), so lines of a large document are joined from a few runs.
 * Values are told apart as a Map does (so -0 is 0, which JSON writes alike).
 */
export function memoText<A>(text: (a: A) => string): (a: A) => string {
  const texts = new Map<A, string>();
  return (a) => {
    let t = texts.get(a);
    if (t === undefined) texts.set(a, (t = text(a)));
    return t;
  };
}

/**
 * `text(a, b)` made once per distinct pair, looked up in a map of maps. It was a memoText per `a`,
 * made by a closure over `a` inside the lookup: V8 then made `a` a context of its own on every
 * lookup, closure made or not, some 40 bytes each, 75 MB over a national check's million lookups.
 */
export function memoText2<A, B>(text: (a: A, b: B) => string): (a: A, b: B) => string {
  const byA = new Map<A, Map<B, string>>();
  return (a, b) => {
    let byB = byA.get(a);
    if (byB === undefined) byA.set(a, (byB = new Map()));
    let t = byB.get(b);
    if (t === undefined) byB.set(b, (t = text(a, b)));
    return t;
  };
}

/** `text(a, b, c)` made once per distinct triple (see memoText2). */
export function memoText3<A, B, C>(text: (a: A, b: B, c: C) => string): (a: A, b: B, c: C) => string {
  const byA = new Map<A, Map<B, Map<C, string>>>();
  return (a, b, c) => {
    let byB = byA.get(a);
    if (byB === undefined) byA.set(a, (byB = new Map()));
    let byC = byB.get(b);
    if (byC === undefined) byB.set(b, (byC = new Map()));
    let t = byC.get(c);
    if (t === undefined) byC.set(c, (t = text(a, b, c)));
    return t;
  };
}
