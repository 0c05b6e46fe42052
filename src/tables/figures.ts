import { CellValue } from '../grid/cell';
import { parseNumberText, parseVietnameseNumber } from '../grid/vietnameseNumber';

/**
 * `parseVietnameseNumber`, with each distinct text read once: figures typed as text (`1.245`,
 * `226 vụ`) repeat across a national sheet, and reading one takes several patterns.
 */
export function figureOf(v: CellValue | undefined): number | undefined {
  return typeof v === 'string' ? figureInText(v) : parseVietnameseNumber(v);
}

/** `parseNumberText`, once per distinct text. */
export function figureInText(raw: string): number | undefined {
  const known = cache.get(raw);
  if (known !== undefined || cache.has(raw)) return known ?? undefined;
  if (cache.size > 100_000) cache.clear();
  const n = parseNumberText(raw);
  cache.set(raw, n ?? null);
  return n;
}

const cache = new Map<string, number | null>();
