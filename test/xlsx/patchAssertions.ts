/**
 * The checks every patched copy must pass, shared by the ExcelJS, handmade and fixture tests:
 * only the allowed parts change, and inside an original sheet only the `s` of flagged cells.
 */
import { MARK_FILL, MarkStatus } from '../../src/xlsx/write/highlightPlan';
import { attr, changedParts, rawCells, styleEntries, text, withoutS } from './xlsxTestKit';

/** Parts a patch may change or add; everything else must be byte-identical. */
export function isAllowedChange(name: string, patchedSheets: ReadonlyArray<string>): boolean {
  if (patchedSheets.includes(name)) return true;
  if (/^xl\/worksheets\/_rels\/[^/]+\.rels$/.test(name)) return true;
  if (['xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'].includes(name)) return true;
  if (/comments?\d*\.xml$/.test(name) || /\.vml$/.test(name)) return true;
  if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) return true; // the findings sheet (new)
  return false;
}

export function expectOnlyAllowedPartsChanged(before: Map<string, Uint8Array>, after: Map<string, Uint8Array>, patchedSheets: ReadonlyArray<string>): void {
  const changed = changedParts(before, after);
  const unexpected = changed.filter((n) => !isAllowedChange(n, patchedSheets));
  expect(unexpected).toEqual([]);
  // A sheet we did not patch must not change, even though sheets are in the allowed family.
  for (const n of changed) {
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(n) && before.has(n)) expect(patchedSheets).toContain(n);
  }
}

export interface FlagExpectation {
  readonly ref: string;
  readonly status: MarkStatus;
}

/**
 * Cell by cell: every original `<c>` is still there, in order, identical except the `s` of flagged
 * cells; cells that did not exist are present now only if flagged. Returns the (old s, new s) of
 * each flagged cell for style checks.
 */
export function expectOnlyFlaggedStylesChanged(
  beforeSheet: string,
  afterSheet: string,
  flagged: ReadonlyArray<FlagExpectation>,
): Map<string, { oldS: string | undefined; newS: string; status: MarkStatus }> {
  const before = rawCells(beforeSheet);
  const after = rawCells(afterSheet);
  const flaggedBy = new Map(flagged.map((f) => [f.ref, f.status]));
  const afterBy = new Map(after.map((c) => [c.ref, c]));
  const out = new Map<string, { oldS: string | undefined; newS: string; status: MarkStatus }>();
  for (const c of before) {
    const now = afterBy.get(c.ref);
    expect(now).toBeDefined();
    if (!now) continue;
    const status = flaggedBy.get(c.ref);
    if (status) {
      expect(withoutS(now.raw)).toBe(withoutS(c.raw));
      expect(now.s).toBeDefined();
      expect(now.s).not.toBe(c.s);
      out.set(c.ref, { oldS: c.s, newS: now.s as string, status });
    } else {
      expect(now.raw).toBe(c.raw);
    }
  }
  const beforeRefs = new Set(before.map((c) => c.ref));
  for (const c of after) {
    if (beforeRefs.has(c.ref)) continue;
    const status = flaggedBy.get(c.ref);
    expect({ created: c.ref, flagged: status !== undefined }).toEqual({ created: c.ref, flagged: true });
    if (status) out.set(c.ref, { oldS: undefined, newS: c.s as string, status });
  }
  // Original order is kept.
  const order = after.filter((c) => beforeRefs.has(c.ref)).map((c) => c.ref);
  expect(order).toEqual(before.map((c) => c.ref));
  for (const f of flagged) expect(out.has(f.ref)).toBe(true);
  return out;
}

/**
 * A new xf copies its original (all attributes and children) except fillId/applyFill, and its
 * fill is the mark colour. Original xfs are untouched.
 */
export function expectDerivedXfs(
  beforeStyles: string,
  afterStyles: string,
  changes: Map<string, { oldS: string | undefined; newS: string; status: MarkStatus }>,
  baseOfCreated: (ref: string) => string = () => '0',
): void {
  const oldXfs = styleEntries(beforeStyles, 'cellXfs', 'xf');
  const newXfs = styleEntries(afterStyles, 'cellXfs', 'xf');
  const fills = styleEntries(afterStyles, 'fills', 'fill');
  expect(newXfs.slice(0, oldXfs.length)).toEqual(oldXfs);
  const cellXfsCount = /<(?:\w+:)?cellXfs\b[^>]*\scount="(\d+)"/.exec(afterStyles)?.[1];
  expect(Number(cellXfsCount)).toBe(newXfs.length);
  const fillsCount = /<(?:\w+:)?fills\b[^>]*\scount="(\d+)"/.exec(afterStyles)?.[1];
  expect(Number(fillsCount)).toBe(fills.length);
  for (const [ref, { oldS, newS, status }] of changes) {
    const base = oldXfs[Number(oldS ?? baseOfCreated(ref))] ?? oldXfs[0];
    const derived = newXfs[Number(newS)];
    expect(Number(newS)).toBeGreaterThanOrEqual(oldXfs.length);
    expect(derived).toBeDefined();
    const strip = (xf: string) => xf.replace(/\s(fillId|applyFill)="[^"]*"/g, '');
    expect(strip(derived)).toBe(strip(base));
    expect(attr(derived, 'applyFill')).toBe('1');
    const fill = fills[Number(attr(derived, 'fillId'))];
    expect(fill).toContain(`rgb="${MARK_FILL[status]}"`);
    expect(fill).toContain('patternType="solid"');
  }
}

/** Note texts by cell ref, read from a comments part. */
export function commentsByRef(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?comment\b[^>]*\sref="([^"]+)"[^>]*>([\s\S]*?)<\/(?:\w+:)?comment>/g)) {
    const t = [...m[2].matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)].map((x) => decode(x[1])).join('');
    out.set(m[1], t);
  }
  return out;
}

export function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

export { text };

/**
 * Outside `<sheetData>`, a patched sheet differs from its original only by `<dimension>` (grown
 * to cover created cells) and a `<legacyDrawing>` we inserted: merges, validation, conditional
 * formats, drawings, tables and the rest are byte-identical.
 */
export function expectSheetFrameUnchanged(beforeSheet: string, afterSheet: string): void {
  const frame = (x: string) => x.replace(/(<(?:\w+:)?sheetData\b[^>]*>)[\s\S]*?(<\/(?:\w+:)?sheetData>)/, '$1$2').replace(/<(?:\w+:)?dimension\b[^>]*\/>/, '');
  const ld = /<(?:\w+:)?legacyDrawing\b[^>]*\/>/g;
  const added = (afterSheet.match(ld) ?? []).length - (beforeSheet.match(ld) ?? []).length;
  const a = added > 0 ? frame(afterSheet).replace(/<(?:\w+:)?legacyDrawing\b[^>]*\/>(?![\s\S]*<(?:\w+:)?legacyDrawing\b)/, '') : frame(afterSheet);
  expect(a).toBe(frame(beforeSheet));
}
