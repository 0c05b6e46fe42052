import { fold } from './text';

/** What a column header says about its period. */
export interface PeriodMention {
  /** Explicit role when the header says so (`Cùng kỳ`, `Kỳ này`); otherwise decided by year. */
  readonly role: 'baseline' | 'current' | 'undecided';
  readonly year?: number;
  /** The header with the period words taken out (`Số vụ PPHS năm 2019` -> `Số vụ PPHS`). */
  readonly rest: string;
}

const BASELINE = /\b(cung ky(?: nam truoc)?|ky truoc|nam truoc)\b/;
const CURRENT = /\b(ky nay|ky bao cao|nam nay|thuc hien(?: ky nay)?)\b/;
const YEAR = /\b(?:(?:\d{1,2} )?thang (?:dau )?(?:nam )?|(?:quy [ivx1-4]+ )(?:nam )?|nam )?((?:19|20)\d\d)\b/;

/**
 * Reads the period words of a header. Returns undefined when the header names no period.
 * Headers that look like periods but are not values of the period (`Kế hoạch`, `Chỉ tiêu giao`)
 * are not periods.
 */
export function parsePeriod(header: string): PeriodMention | undefined {
  let f = fold(header);
  if (/\b(ke hoach|chi tieu giao|so sanh|tang giam|tang|giam)\b/.test(f) && !YEAR.test(f) && !BASELINE.test(f)) return undefined;
  let role: PeriodMention['role'] = 'undecided';
  let year: number | undefined;
  const b = BASELINE.exec(f);
  if (b) {
    role = 'baseline';
    f = f.replace(BASELINE, ' ');
  } else {
    const c = CURRENT.exec(f);
    if (c) {
      role = 'current';
      f = f.replace(CURRENT, ' ');
    }
  }
  const y = YEAR.exec(f);
  if (y) {
    year = Number(y[1]);
    f = f.replace(YEAR, ' ');
  }
  if (role === 'undecided' && year === undefined) return undefined;
  return { role, year, rest: f.replace(/\s+/g, ' ').trim() };
}

/**
 * Headers such as `Tăng (+), giảm (-) %` or `So sánh` hold a computed change, not a period's
 * value; they are recognised so they are not mistaken for indicators or periods.
 */
export function isChangeHeader(header: string): boolean {
  const f = fold(header);
  return /\b(tang giam|tang|giam|so sanh|ty le %|%)\b/.test(f) && !YEAR.test(f) && !BASELINE.test(f) && !CURRENT.test(f);
}

export type PeriodRole = 'baseline' | 'current';

/**
 * Decides which of several period headers is current and which is the baseline: explicit words
 * win; otherwise the later year is current and the latest earlier year the baseline. Others
 * (older years) get no role.
 */
export function assignPeriodRoles(mentions: ReadonlyArray<PeriodMention | undefined>): Array<PeriodRole | undefined> {
  const years = mentions.filter((m) => m && m.role === 'undecided' && m.year !== undefined).map((m) => m!.year!);
  const explicitCurrent = mentions.some((m) => m?.role === 'current');
  const explicitBaseline = mentions.some((m) => m?.role === 'baseline');
  const maxYear = years.length ? Math.max(...years) : undefined;
  const earlier = years.filter((y) => y !== maxYear);
  const baseYear = earlier.length ? Math.max(...earlier) : undefined;
  return mentions.map((m) => {
    if (!m) return undefined;
    if (m.role !== 'undecided') return m.role;
    if (m.year === undefined) return undefined;
    if (explicitCurrent && !explicitBaseline) return m.year === maxYear || maxYear === undefined ? 'baseline' : undefined;
    if (explicitBaseline && !explicitCurrent) return m.year === maxYear ? 'current' : undefined;
    if (m.year === maxYear) return 'current';
    if (m.year === baseYear) return 'baseline';
    return undefined;
  });
}
