import { Finding, FindingStatus } from '../evaluate/finding';
import { formatNumber } from '../evaluate/format';
import { operatorSymbol } from '../packs/operators';
import { ReviewStatus } from '../review/review';
import { FigureThen, InputChange } from '../review/reviewState';
import { ScoreStatus, TrendDirection } from './scorecard';
import { Lang } from '../words/lang';

const STATUS: Record<Lang, Record<FindingStatus, string>> = {
  vi: { met: 'Đạt', shortfall: 'Chưa đạt', 'no-data': 'Không có số liệu' },
  en: { met: 'Met', shortfall: 'Shortfall', 'no-data': 'No data' },
};

export function statusWord(s: FindingStatus, lang: Lang): string {
  return STATUS[lang][s];
}

export function formatFigure(x: number, unit: string, lang: Lang): string {
  const n = formatNumber(x, lang, 2);
  return unit ? `${n} ${unit}` : n;
}

const REVIEW: Record<Lang, Record<ReviewStatus, string>> = {
  vi: { accepted: 'Chấp nhận', 'needs-explanation': 'Cần giải trình', 'data-corrected': 'Đã sửa số liệu' },
  en: { accepted: 'Accepted', 'needs-explanation': 'Needs explanation', 'data-corrected': 'Data corrected' },
};

export function reviewWord(s: ReviewStatus, lang: Lang): string {
  return REVIEW[lang][s];
}

/** The warning that a review was made on other figures than the workbook now holds. */
export const CHANGED_SINCE_REVIEW: Record<Lang, string> = {
  vi: 'đã thay đổi sau khi xét duyệt',
  en: 'changed since review',
};

const SCORE: Record<Lang, Record<ScoreStatus, string>> = {
  vi: { met: 'Đạt', shortfall: 'Chưa đạt', warning: 'Chưa đạt (chỉ tiêu mềm)', 'no-data': 'Không có số liệu', 'not-reported': 'Không có trong sổ' },
  en: { met: 'Met', shortfall: 'Shortfall', warning: 'Missed (soft target)', 'no-data': 'No data', 'not-reported': 'Not in workbook' },
};

export function scoreWord(s: ScoreStatus, lang: Lang): string {
  return SCORE[lang][s];
}

const TREND: Record<Lang, Record<TrendDirection, string>> = {
  vi: { up: '↑ tăng', down: '↓ giảm', same: '→ giữ nguyên' },
  en: { up: '↑ up', down: '↓ down', same: '→ same' },
};

export function trendWord(d: TrendDirection, lang: Lang): string {
  return TREND[lang][d];
}

/** What one input change looks like in a reason: `D11: 1.234 → 1.250`. */
export function changeText(c: InputChange, lang: Lang): string {
  const vi = lang === 'vi';
  const shown = (x: FigureThen | undefined) =>
    x === undefined ? (vi ? '(không có)' : '(none)') : x.value !== null ? formatNumber(x.value, lang, 6) : x.shown === '' ? (vi ? '(trống)' : '(blank)') : `"${x.shown}"`;
  return `${c.sheet}!${c.cell}: ${shown(c.before)} → ${shown(c.now)}`;
}

/** `≥ 90 %`, the target a finding was judged against; '' when it has none. */
export function targetText(f: Finding, lang: Lang): string {
  if (f.target === null) return '';
  return `${f.operator ? operatorSymbol(f.operator) + ' ' : ''}${formatFigure(f.target, f.factUnit, lang)}`;
}

/** How far a shortfall is from its target (`2,48 điểm %`); '' when met or without data. */
export function gapText(f: Finding, lang: Lang): string {
  if (f.gap === null || f.status === 'met') return '';
  return formatFigure(f.gap, f.factUnit === '%' ? (lang === 'vi' ? 'điểm %' : 'pp') : f.factUnit, lang);
}

export function actualText(f: Finding, lang: Lang): string {
  return f.actual === null ? '' : formatFigure(f.actual, f.factUnit, lang);
}
