import { CellValue, showCell } from '../grid/cell';
import { parseNumberText } from '../grid/vietnameseNumber';
import { fold } from '../tables/text';

/** What kind of number a target is: a change in percent, a rate in percent, or a count. */
export type TargetKind = 'change' | 'ratio' | 'count';

/**
 * The number a workbook's plan cell pledges, on the scale of the pack's target: `Giảm 5%` → −5 for a
 * change, `≥ 90%` or 0,9 formatted as a percentage → 90 for a rate, `Không để xảy ra` → 0 for a
 * count. Undefined when the words say no number (`Hạn chế`, `Tăng cường`): such a pledge is shown
 * as written, never compared.
 */
export function pledgedValue(raw: CellValue, kind: TargetKind): number | undefined {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return undefined;
    // A rate typed as a fraction with a percent format (0,9 shown as 90 %).
    if ((kind === 'ratio' || kind === 'change') && Math.abs(raw) <= 1.5) return raw * 100;
    return raw;
  }
  if (typeof raw !== 'string') return undefined;
  const f = fold(raw);
  if (kind === 'count' && /\b(khong de xay ra|khong xay ra|khong de|khong co)\b/.test(f)) return 0;
  const m = /(\d+(?:[.,]\d+)?)/.exec(raw.normalize('NFC'));
  if (!m) return undefined;
  const x = parseNumberText(m[1]);
  if (x === undefined) return undefined;
  if (kind === 'change') {
    if (/\bgiam\b/.test(f)) return -x;
    if (/\btang\b/.test(f)) return x;
    return /^\s*[-−–]/.test(raw) ? -x : undefined;
  }
  return x;
}

/** The workbook's own pledge for a finding, as the finding reports it. */
export interface PledgedInWorkbook {
  readonly cell: string;
  /** The plan cell as written (`Giảm 3%`). */
  readonly text: string;
  /** The pledged number on the target's scale, when the words give one. */
  readonly value: number | null;
  /** True when the workbook pledges another number than the pack checks: reported, never used. */
  readonly differs: boolean;
}

export function pledgedInWorkbook(p: { cell: string; raw: CellValue }, kind: TargetKind, target: number | null): PledgedInWorkbook {
  const value = pledgedValue(p.raw, kind) ?? null;
  const differs = value !== null && target !== null && Math.abs(value - target) > 1e-9;
  return { cell: p.cell, text: showCell(p.raw), value, differs };
}
