export type Lang = 'vi' | 'en';

const formatters = new Map<string, Intl.NumberFormat>();

/** A number as the reader writes it: `93,1` in Vietnamese, `93.1` in English. */
export function formatNumber(x: number, lang: Lang, maxDigits = 2): string {
  const key = `${lang}:${maxDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: maxDigits });
    formatters.set(key, f);
  }
  return f.format(x);
}

/** Enough decimals that rounding never shows a shortfall as exactly on target (59,996 % is not 60,00 %). */
export function digitsToShow(actual: number, target: number): number {
  for (let d = 2; d < 8; d++) {
    const p = 10 ** d;
    if (Math.round(actual * p) / p !== target || actual === target) return d;
  }
  return 8;
}

export function formatQuantity(x: number, unit: string, lang: Lang, digits = 2): string {
  const n = formatNumber(x, lang, digits);
  return unit ? `${n} ${unit}` : n;
}

export const OPERATOR_SYMBOL: Record<string, string> = {
  greaterThanInclusive: '≥',
  greaterThan: '>',
  lessThanInclusive: '≤',
  lessThan: '<',
  equal: '=',
  notEqual: '≠',
};
