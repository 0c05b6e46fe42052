import { fold } from './text';

/**
 * Column headers read as a small grammar, the way a person reads them:
 *
 *   header  = [qualifier]… [role] [span] [year]        e.g. `Thực hiện 9 tháng năm 2025`, `TH cùng kỳ`,
 *                                                          `Lũy kế 11 tháng năm 2025`, `Quý III/2025`, `2024`
 *   role    = cùng kỳ [năm trước] | năm trước | kỳ trước  (baseline) | kỳ này | kỳ báo cáo | năm nay (current)
 *   span    = N tháng [đầu năm] | tháng N | quý I–IV | từ dd/mm/yyyy đến dd/mm/yyyy | năm
 *
 * Plan columns (`Kế hoạch năm 2025`, `Chỉ tiêu giao ước năm 2025`), computed columns (`So sánh (+/-)`,
 * `Tăng, giảm %`, `Tỷ lệ %`) and self-assessments (`Tự đánh giá`) name a year too, but never hold a
 * period's figure: they are recognised first.
 */

/** How long a period is: pairs a current column with the baseline of the same length. */
export type PeriodSpan = 'year' | 'months' | 'quarter' | 'month' | 'range' | 'unstated';

/** What a column header says about its period. */
export interface PeriodMention {
  /** Explicit role when the header says so (`Cùng kỳ`, `Kỳ này`); otherwise decided by year. */
  readonly role: 'baseline' | 'current' | 'undecided';
  readonly year?: number;
  readonly span: PeriodSpan;
  /** Months covered: 12 for a year, N for `N tháng`, 3 for a quarter, 1 for a month. */
  readonly months?: number;
  /** Which quarter or month (`Quý IV` → 4, `Tháng 11` → 11): a quarter compares with the same quarter. */
  readonly index?: number;
  /** The header with the period words taken out (`Số vụ PPHS năm 2019` -> `so vu pphs`), folded. */
  readonly rest: string;
}

export type HeaderKind =
  /** A single month of a monthly series (`Tháng 3`) is a period too, used only when nothing longer stands beside it. */
  | { readonly kind: 'period'; readonly mention: PeriodMention }
  | { readonly kind: 'plan' }
  | { readonly kind: 'computed' }
  | { readonly kind: 'assessment' }
  | { readonly kind: 'none' };

const PLAN = /\b(ke hoach|kh|giao uoc|muc tieu|phan dau|chi tieu (?:giao|nam|ke hoach|duoc giao|de ra|dat ra|phan dau|thi dua|\d{4})|plan|target|pledged?)\b/;
const COMPUTED =
  /\b(so sanh|tang giam|giam tang|chenh lech|ty le|ti le|ty trong|muc tang|muc giam|tang so voi|giam so voi|so voi|change|compared|difference|growth|vs)\b|(?:^| )%(?: |$)/;
const ONLY_SIGN = /^(tang|giam|tang hoac giam|\+|-)$/;
const ASSESSMENT = /\b(tu danh gia|danh gia|xep loai|dat khong dat|dat chua dat|ket qua danh gia|assessment|self assessment)\b/;

const BASELINE =
  /\b(cung ky(?: nam truoc)?|ky truoc|nam truoc|ck|same period(?: of)?(?: last year| previous year| the previous year)?|last year|previous year|prior year|previous period)\b/;
const CURRENT = /\b(ky nay|ky bao cao|nam nay|this year|current year|current period|reporting period|this period)\b/;
const RANGE = /\b(?:tu )?(?:ngay )?\d{1,2} \d{1,2} ((?:19|20)\d\d) (?:den )?(?:ngay )?\d{1,2} \d{1,2} ((?:19|20)\d\d)\b/;
/** `9 tháng`, `9 tháng đầu năm`, and the short `11T/2025`. */
const MONTHS = /\b(\d{1,2}) ?(?:thang|t)(?: (?:dau|cuoi))?(?: nam)?\b/;
const HALF = /\b(?:nua nam|6 thang) (dau|cuoi)(?: nam)?\b/;
const QUARTER = /\b(?:quy|quarter|q) ?(iv|i{1,3}|[1-4])(?: nam)?\b/;
const MONTH = /\bthang (\d{1,2})(?: nam)?\b/;
const YEAR = /(?:\b(?:nam|year) )?\b((?:19|20)\d\d)\b/;
/** A year written alone with its span word (`Năm 2025`) or after a slash (`III/2025` folds to `iii 2025`). */
const YEAR_WORD = /\b(nam|year)\b/;

/** Words around a period that do not change what the column holds. */
const FILLER = new Set([
  'so',
  'lieu',
  'ket',
  'qua',
  'thuc',
  'hien',
  'th',
  'uoc',
  'tinh',
  'luy',
  'ke',
  'cong',
  'don',
  'tong',
  'den',
  'ngay',
  'dau',
  'nam',
  'ky',
  'giai',
  'doan',
  'trong',
  'da',
  'duoc',
  'cua',
  'toan',
  'kq',
  'bao',
  'cao',
  'thoi',
  'gian',
  'tai',
  'thong',
  'ke',
  // `Ước TH cả năm 2025`
  'ca',
  // English headers (`Actual 2025`, `Same period 2024`, `Year 2025 figures`)
  'actual',
  'year',
  'figures',
  'figure',
  'data',
  'result',
  'results',
  'ytd',
  'cumulative',
  'total',
  'of',
  'the',
  'in',
]);

/** True when nothing but filler words is left of a header once its period words are taken out. */
export function isFillerOnly(rest: string): boolean {
  if (rest === '') return true;
  for (const w of rest.split(' ')) if (w && !FILLER.has(w)) return false;
  return true;
}

/**
 * Reads the period words of a header. Returns undefined when the header names no period, or is a
 * plan, computed or assessment column (those name years but hold no period's figure).
 */
export function parsePeriod(header: string): PeriodMention | undefined {
  const k = classifyHeader(header);
  return k.kind === 'period' ? k.mention : undefined;
}

/**
 * What kind of column a header names. A note in brackets after the period (`Cùng kỳ năm 2024 (số
 * liệu đã điều chỉnh)`, `Năm 2025 (15/12/2024-14/12/2025)`) does not change it; the brackets are read
 * only when the words outside them name nothing (`Thực hiện (15/12/2024 - 14/12/2025)`). Cached: the
 * same headers come back for every table of a sheet.
 */
export function classifyHeader(header: string): HeaderKind {
  let k = kindCache.get(header);
  if (k === undefined) {
    if (kindCache.size > 20_000) kindCache.clear();
    const whole = classifyFolded(fold(header));
    const outside = header.includes('(') ? header.replace(/\([^()]*\)/g, ' ') : header;
    if (whole.kind !== 'period' || outside === header) k = whole;
    else {
      const main = classifyFolded(fold(outside));
      k = main.kind === 'period' ? main : whole;
    }
    kindCache.set(header, k);
  }
  return k;
}

const kindCache = new Map<string, HeaderKind>();
const NONE: HeaderKind = { kind: 'none' };

function classifyFolded(folded: string): HeaderKind {
  if (folded === '') return NONE;
  if (PLAN.test(folded)) return { kind: 'plan' };
  if (ASSESSMENT.test(folded)) return { kind: 'assessment' };
  if (COMPUTED.test(folded) || ONLY_SIGN.test(folded)) return { kind: 'computed' };
  let f = ` ${folded} `;
  let role: PeriodMention['role'] = 'undecided';
  let year: number | undefined;
  let span: PeriodSpan = 'unstated';
  let months: number | undefined;
  let index: number | undefined;
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(f);
    if (m) f = f.slice(0, m.index) + ' ' + f.slice(m.index + m[0].length);
    return m;
  };
  const range = take(RANGE);
  if (range) {
    span = 'range';
    year = Number(range[2]);
  }
  if (take(BASELINE)) role = 'baseline';
  else if (take(CURRENT)) role = 'current';
  if (span === 'unstated') {
    const half = take(HALF);
    const n = half ? null : take(MONTHS);
    const q = half || n ? null : take(QUARTER);
    const m = half || n || q ? null : take(MONTH);
    if (half) [span, months] = ['months', 6];
    else if (n && Number(n[1]) >= 1 && Number(n[1]) <= 12) [span, months] = [Number(n[1]) === 12 ? 'year' : 'months', Number(n[1])];
    else if (q) [span, months, index] = ['quarter', 3, quarterNumber(q[1])];
    else if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) [span, months, index] = ['month', 1, Number(m[1])];
  }
  if (year === undefined) {
    const y = take(YEAR);
    if (y) year = Number(y[1]);
  }
  if (span === 'unstated' && year !== undefined) {
    span = 'year';
    months = 12;
  }
  if (YEAR_WORD.test(f) && span === 'unstated' && role !== 'undecided') [span, months] = ['year', 12];
  if (role === 'undecided' && year === undefined && span !== 'month') return NONE;
  const rest = f.replace(/\s+/g, ' ').trim();
  return { kind: 'period', mention: { role, year, span, months, ...(index === undefined ? {} : { index }), rest } };
}

function quarterNumber(q: string): number {
  return ({ i: 1, ii: 2, iii: 3, iv: 4 } as Record<string, number>)[q] ?? Number(q);
}

/** True for a single month of a series (`Tháng 3`), which is a period only when nothing longer stands beside it. */
export function isSingleMonth(m: PeriodMention): boolean {
  return m.span === 'month';
}

export type PeriodRole = 'baseline' | 'current';

/**
 * Decides which of several period headers is current and which is the baseline, as a person does:
 * explicit words win (`Cùng kỳ`, `Kỳ này`); single months of a series give way to the cumulative
 * column beside them; otherwise the later year is current and the latest earlier year the
 * baseline, preferring a baseline of the same length as the current period (`9 tháng 2025` with
 * `9 tháng 2024`, not with `Quý III/2024`). Others get no role.
 */
export function assignPeriodRoles(mentions: ReadonlyArray<PeriodMention | undefined>): Array<PeriodRole | undefined> {
  const longer = mentions.some((m) => m && !isSingleMonth(m));
  const live = mentions.map((m) => (m && longer && isSingleMonth(m) ? undefined : m));
  const explicitCurrent = live.filter((m) => m?.role === 'current') as PeriodMention[];
  const explicitBaseline = live.filter((m) => m?.role === 'baseline') as PeriodMention[];
  const undecided = live.filter((m) => m && m.role === 'undecided' && m.year !== undefined) as PeriodMention[];
  let current: PeriodMention[] = [];
  let baseline: PeriodMention[] = [];
  if (explicitCurrent.length && explicitBaseline.length) {
    // Both said in words: years without words are other periods.
  } else if (explicitBaseline.length) {
    current = pickLatest(undecided, explicitBaseline[0]);
  } else if (explicitCurrent.length) {
    const cy = explicitCurrent[0].year;
    baseline = pickLatest(
      undecided.filter((m) => cy === undefined || m.year! < cy),
      explicitCurrent[0],
    );
  } else if (undecided.length) {
    const maxYear = Math.max(...undecided.map((m) => m.year!));
    const earlier = undecided.filter((m) => m.year! < maxYear);
    // Of the latest year's columns, the one whose length an earlier year also has: they compare.
    const latest = undecided.filter((m) => m.year === maxYear);
    const paired = latest.filter((m) => earlier.some((e) => sameSpan(e, m)));
    current = widest(paired.length ? paired : latest);
    if (current.length) baseline = pickLatest(earlier, current[0]);
  }
  return live.map((m) => {
    if (!m) return undefined;
    if (m.role === 'current' || current.includes(m)) return 'current';
    if (m.role === 'baseline' || baseline.includes(m)) return 'baseline';
    return undefined;
  });
}

function sameSpan(a: PeriodMention, b: PeriodMention): boolean {
  return a.span === b.span && a.months === b.months && (a.index === undefined || b.index === undefined || a.index === b.index);
}

/** The columns of the latest year among `ms`, those of the same length as `like` when there are several. */
function pickLatest(ms: PeriodMention[], like: PeriodMention): PeriodMention[] {
  if (ms.length === 0) return [];
  const maxYear = Math.max(...ms.map((m) => m.year!));
  const latest = ms.filter((m) => m.year === maxYear);
  if (latest.length === 1 || like.span === 'unstated') return widest(latest);
  const same = latest.filter((m) => sameSpan(m, like));
  return same.length ? same : widest(latest);
}

/** The longest periods among columns of one year: a cumulative column over a single month. */
function widest(ms: PeriodMention[]): PeriodMention[] {
  if (ms.length <= 1) return ms;
  const most = Math.max(...ms.map((m) => m.months ?? 0));
  return ms.filter((m) => (m.months ?? 0) === most);
}
