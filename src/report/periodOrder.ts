import { fold } from '../tables/text';

/**
 * The periods of a table in time order: `01/2025`, `Tháng 2/2025`, `Quý I năm 2025`, `6 tháng 2025`,
 * `Năm 2025` are read as (year, position in the year); when any label cannot be read so, the order
 * in which they first appear (sheets are kept in time order) is used instead.
 */
export function orderPeriods(labels: ReadonlyArray<string>): string[] {
  const unique = [...new Set(labels)];
  const keys = unique.map(periodKey);
  if (keys.some((k) => k === undefined)) return unique;
  return unique
    .map((label, i) => ({ label, key: keys[i] as [number, number], i }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.i - b.i)
    .map((x) => x.label);
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** [year, month the period ends] — a quarter ends in its third month, a year in the twelfth. */
function periodKey(label: string): [number, number] | undefined {
  const f = fold(label); // `01/2025` -> `01 2025`, `Quý II năm 2025` -> `quy ii nam 2025`
  const year = /\b((?:19|20)\d\d)\b/.exec(f);
  if (!year || f.slice(year.index + year[0].length).trim() !== '') return undefined;
  const y = Number(year[1]);
  const before = f.slice(0, year.index).trim();
  if (before === '' || before === 'nam') return [y, 12];
  const month = /^(?:thang\s+)?(\d{1,2})(?:\s+nam)?$/.exec(before);
  if (month) return within(y, Number(month[1]));
  const quarter = /^quy\s+(i{1,3}|iv|[1-4])(?:\s+nam)?$/.exec(before);
  if (quarter) return [y, 3 * (ROMAN[quarter[1]] ?? Number(quarter[1]))];
  const months = /^(\d{1,2})\s+thang(?:\s+(?:dau\s+)?nam)?$/.exec(before); // `6 tháng 2025`: the first six months
  if (months) return within(y, Number(months[1]));
  return undefined;
}

function within(year: number, month: number): [number, number] | undefined {
  return month >= 1 && month <= 12 ? [year, month] : undefined;
}
