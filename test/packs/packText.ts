import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** A pack as an author would save it: two-space JSON, one property a line. */
export function packText(pack: object): string {
  return JSON.stringify(pack, null, 2);
}

/**
 * Line and column (1-based) where `needle` starts in `text`, counted independently of the code
 * under test; `after` skips to a first occurrence of another string, for needles that repeat.
 */
export function positionOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const start = after ? text.indexOf(after) : 0;
  if (start < 0) throw new Error(`"${after}" not in text`);
  const offset = text.indexOf(needle, start);
  if (offset < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

export const localized = (vi: string, en = vi) => ({ vi, en });

/** A small valid base pack: one indicator, one ratio, two rules. */
export function basePack(extra: object = {}): Record<string, unknown> {
  return {
    id: 'base',
    version: '1.0.0',
    title: localized('Bộ gốc', 'Base'),
    indicators: {
      cases: { label: localized('Số vụ'), unit: 'vụ', match: ['số vụ phạm pháp hình sự'] },
      cleared: { label: localized('Đã khám phá'), unit: 'vụ', match: [{ text: 'khám phá', parent: 'cases' }] },
    },
    facts: {
      'cleared-pct': { ratioPercent: ['cleared', 'cases'], label: localized('Tỷ lệ khám phá') },
      'cases-change-pct': { changePercent: 'cases' },
    },
    rules: [
      { id: 'cleared-80pct', title: localized('Khám phá ≥ 80%'), conditions: { all: [{ fact: 'cleared-pct', operator: 'greaterThanInclusive', value: 80 }] } },
      { id: 'cases-down-5pct', title: localized('Giảm 5%'), conditions: { all: [{ fact: 'cases-change-pct', operator: 'lessThanInclusive', value: -5 }] } },
    ],
    ...extra,
  };
}

/** Writes files into a fresh temporary folder and returns their paths by name. */
export function writePacks(files: Record<string, string | object>): Record<string, string> & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-packs-'));
  const out: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    const p = join(dir, name);
    writeFileSync(p, typeof content === 'string' ? content : packText(content));
    out[name] = p;
  }
  return Object.assign(out, { dir });
}
