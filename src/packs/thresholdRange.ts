import { operatorOf, operatorSymbol } from './operators';
import { RulePack } from './rulePack';
import { Localized } from '../words/lang';

/**
 * The values a fact can take, so a threshold no unit could ever meet (or that every unit always
 * meets) is caught when the pack is written rather than when a whole cluster shows red.
 * - a share (`ratioPercent`, or an indicator measured in `%`): 0 to 100;
 * - a change (`changePercent`): above −100 — a fall of exactly 100 % is a fall to zero, which a
 *   pack states as `<indicator> equal 0` (that also works when the same period was 0);
 * - a count or an amount (any other indicator, `sum`): 0 or more.
 */
export type FactKind = 'share' | 'change' | 'count';

interface Range {
  readonly lo: number;
  readonly loOpen: boolean;
  readonly hi: number;
}

const RANGES: Record<FactKind, Range> = {
  share: { lo: 0, loOpen: false, hi: 100 },
  change: { lo: -100, loOpen: true, hi: Infinity },
  count: { lo: 0, loOpen: false, hi: Infinity },
};

export function factKind(pack: Pick<RulePack, 'indicators' | 'facts'>, fact: string): FactKind | undefined {
  const d = pack.facts?.[fact];
  if (d) return 'changePercent' in d ? 'change' : 'ratioPercent' in d ? 'share' : 'count';
  const ind = pack.indicators[fact];
  if (!ind) return undefined;
  return ind.unit?.trim() === '%' ? 'share' : 'count';
}

export type ThresholdVerdict = 'impossible' | 'always' | 'ok';

/**
 * Whether `fact <operator> value` can hold for some value of the fact's kind, and whether it holds
 * for all of them. Under an odd number of `not`s the comparison must fail for the target to be met,
 * so it is judged negated.
 */
export function judgeThreshold(kind: FactKind, operator: string, value: number, negated: boolean): ThresholdVerdict {
  const op = negated ? (operatorOf(operator)?.negation ?? operator) : operator;
  const { lo, loOpen, hi } = RANGES[kind];
  const inRange = (v: number) => (loOpen ? v > lo : v >= lo) && v <= hi;
  switch (op) {
    case 'greaterThanInclusive':
      return value > hi ? 'impossible' : value <= lo ? 'always' : 'ok';
    case 'greaterThan':
      return value >= hi ? 'impossible' : value < lo || (loOpen && value === lo) ? 'always' : 'ok';
    case 'lessThanInclusive':
      return value < lo || (loOpen && value === lo) ? 'impossible' : value >= hi ? 'always' : 'ok';
    case 'lessThan':
      return value <= lo ? 'impossible' : value > hi ? 'always' : 'ok';
    case 'equal':
      return inRange(value) ? 'ok' : 'impossible';
    case 'notEqual':
      return inRange(value) ? 'ok' : 'always';
    default:
      return 'ok';
  }
}

/** Why, in words an author recognises: what range the fact lives in. */
export function rangeText(kind: FactKind, fact: string, operator: string, value: number, verdict: 'impossible' | 'always'): Localized {
  const cmp = `"${operatorSymbol(operator)} ${value}"`;
  const range: Localized =
    kind === 'share'
      ? { vi: `"${fact}" là một tỷ lệ, chỉ từ 0 đến 100 %`, en: `"${fact}" is a share, between 0 and 100 %` }
      : kind === 'change'
        ? {
            vi: `"${fact}" là mức tăng, giảm so với cùng kỳ, không thể giảm quá 100 %`,
            en: `"${fact}" is a change from the same period and cannot fall by more than 100 %`,
          }
        : { vi: `"${fact}" là số đếm hoặc số tiền, không bao giờ âm`, en: `"${fact}" is a count or an amount, never negative` };
  if (verdict === 'always') {
    return { vi: `${range.vi}, nên ${cmp} luôn đạt: chỉ tiêu này không kiểm tra gì`, en: `${range.en}, so ${cmp} is always met: the target checks nothing` };
  }
  if (kind === 'change' && value === -100 && (operator === 'lessThanInclusive' || operator === 'equal')) {
    return {
      vi: `${range.vi}; giảm 100 % là giảm về 0, nên ${cmp} không bao giờ đạt được như mong muốn — để giao ước "không để xảy ra", so sánh chính chỉ tiêu: equal 0`,
      en: `${range.en}; a 100 % fall is a fall to zero, so ${cmp} cannot work as meant — to pledge "none at all", compare the indicator itself: equal 0`,
    };
  }
  return { vi: `${range.vi}, nên ${cmp} không bao giờ đạt được`, en: `${range.en}, so ${cmp} can never be met` };
}
