import { CellRef, parseA1, rangeToA1, RangeRef } from '../../src/grid/address';

/**
 * `worksheet.getRanges("E9, E12:E14")` formats many areas in one command but fails, undocumented,
 * past roughly 500 areas (office-js #5198), and reads at most 8,192 characters of the address,
 * silently ignoring the rest: cells past it would simply not be marked or restored, with no error
 * to tell. Stay well under both; addressChunks refuses to be told a longer limit.
 */
export const MAX_AREAS = 400;
export const MAX_ADDRESS_CHARS = 8_000;
export const GETRANGES_MAX_CHARS = 8_192;

/** Cells as few areas: consecutive rows of one column become one area. Sorted, duplicates dropped. */
export function areasForCells(cells: Iterable<string | CellRef>): RangeRef[] {
  const byColumn = new Map<number, Set<number>>();
  for (const c of cells) {
    const ref = typeof c === 'string' ? parseA1(c) : c;
    let rows = byColumn.get(ref.col);
    if (!rows) byColumn.set(ref.col, (rows = new Set()));
    rows.add(ref.row);
  }
  const areas: RangeRef[] = [];
  for (const col of [...byColumn.keys()].sort((a, b) => a - b)) {
    const rows = [...byColumn.get(col)!].sort((a, b) => a - b);
    let top = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      areas.push({ top, bottom: rows[i - 1], left: col, right: col });
      top = rows[i];
    }
  }
  return areas;
}

/** Address strings for `getRanges`, each within the limits above. */
export function addressChunks(areas: ReadonlyArray<RangeRef>, maxAreas = MAX_AREAS, maxChars = MAX_ADDRESS_CHARS, hardLimit = GETRANGES_MAX_CHARS): string[] {
  if (maxChars > hardLimit) throw new Error(`getRanges ignores an address past ${hardLimit} characters; chunks of ${maxChars} would lose cells silently`);
  const chunks: string[] = [];
  let current: string[] = [];
  let chars = 0;
  for (const area of areas) {
    const a1 = rangeToA1(area);
    const added = a1.length + (current.length ? 2 : 0); // ", "
    if (current.length && (current.length >= maxAreas || chars + added > maxChars)) {
      chunks.push(current.join(', '));
      current = [];
      chars = 0;
    }
    chars += current.length ? added : a1.length;
    current.push(a1);
  }
  if (current.length) chunks.push(current.join(', '));
  return chunks;
}
