import { Finding, FindingStatus } from '../evaluate/finding';
import { formatNumber } from '../evaluate/format';
import { operatorSymbol } from '../packs/operators';
import { ReviewStatus } from '../review/review';
import { FigureThen, InputChange } from '../review/reviewState';
import { ScoreStatus, TrendDirection } from './scorecard';
import { FINDING_STATUS_WORDS, PERCENTAGE_POINTS, REVIEW_STATUS_WORDS, SCORE_STATUS_WORDS } from '../words/glossary';
import { Lang, Localized } from '../words/lang';

const STATUS: Record<FindingStatus, Localized> = FINDING_STATUS_WORDS;

export function statusWord(s: FindingStatus, lang: Lang): string {
  return STATUS[s][lang];
}

/** `93,1 %`; `unbroken`, as unbrokenFigure would make it, without making the text twice. */
export function formatFigure(x: number, unit: string, lang: Lang, unbroken = false): string {
  const n = formatNumber(x, lang, 2);
  if (!unit) return n;
  // A number has no space: what unbrokenFigure changes is in the space and the unit after it.
  return unbroken ? n + unbrokenUnit(unit) : `${n} ${unit}`;
}

/** ` %` made ` %` (a no-break space), and any ` %` in the unit (`điểm %`); once per unit. */
function unbrokenUnit(unit: string): string {
  let u = unbrokenUnits.get(unit);
  if (u === undefined) {
    if (unbrokenUnits.size > 1000) unbrokenUnits.clear();
    unbrokenUnits.set(unit, (u = unbrokenFigure(` ${unit}`)));
  }
  return u;
}

const unbrokenUnits = new Map<string, string>();

const REVIEW: Record<ReviewStatus, Localized> = REVIEW_STATUS_WORDS;

export function reviewWord(s: ReviewStatus, lang: Lang): string {
  return REVIEW[s][lang];
}

/** The warning that a review was made on other figures than the workbook now holds. */
export const CHANGED_SINCE_REVIEW: Record<Lang, string> = {
  vi: 'đã thay đổi sau khi xét duyệt',
  en: 'changed since review',
};

const SCORE: Record<ScoreStatus, Localized> = SCORE_STATUS_WORDS;

export function scoreWord(s: ScoreStatus, lang: Lang): string {
  return SCORE[s][lang];
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
    x === undefined
      ? vi
        ? '(không có)'
        : '(none)'
      : x.value !== null
        ? formatNumber(x.value, lang, 6)
        : x.shown === ''
          ? vi
            ? '(trống)'
            : '(blank)'
          : `"${x.shown}"`;
  return `${c.sheet}!${c.cell}: ${shown(c.before)} → ${shown(c.now)}`;
}

// The texts of a finding's figures; `unbroken` for a narrow printed column (see unbrokenFigure).

/** `≥ 90 %`, the target a finding was judged against; '' when it has none. */
export function targetText(f: Finding, lang: Lang, unbroken = false): string {
  if (f.target === null) return '';
  const op = f.operator ? operatorSymbol(f.operator) + ' ' : '';
  // The operator's space is followed by a number, never by `%`: only a custom operator's own name could hold ` %`.
  return (unbroken && op.includes('%') ? unbrokenFigure(op) : op) + formatFigure(f.target, f.factUnit, lang, unbroken);
}

/** How far a shortfall is from its target (`2,48 điểm %`); '' when met or without data. */
export function gapText(f: Finding, lang: Lang, unbroken = false): string {
  if (f.gap === null || f.status === 'met') return '';
  return formatFigure(f.gap, f.factUnit === '%' ? PERCENTAGE_POINTS[lang] : f.factUnit, lang, unbroken);
}

export function actualText(f: Finding, lang: Lang, unbroken = false): string {
  return f.actual === null ? '' : formatFigure(f.actual, f.factUnit, lang, unbroken);
}

/**
 * A figure for a narrow printed column: the space before `%` made a no-break space, so a wrapped
 * cell reads `88,59 %` or `4,81 / điểm %` and never leaves the `%` alone on a line.
 */
export function unbrokenFigure(text: string): string {
  return text.includes(' %') ? text.replace(/ %/g, '\u00a0%') : text;
}
