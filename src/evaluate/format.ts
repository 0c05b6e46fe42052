import { Lang } from '../words/lang';

const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/**
 * A number as the reader writes it: `1.245,5` and `93,1` in Vietnamese, `1,245.5` and `93.1` in
 * English — the same output as Intl.NumberFormat (vi-VN / en-GB, at most `maxDigits` decimals),
 * written by hand because a national report formats millions of figures.
 */
export function formatNumber(x: number, lang: Lang, maxDigits = 2): string {
  if (!Number.isFinite(x)) return String(x);
  // Most figures are counts under a thousand: nothing to round, group or replace.
  if (Number.isInteger(x) && x > -1000 && x < 1000) return String(x);
  const { group, decimal } = SEPARATORS[lang];
  const p = 10 ** maxDigits;
  const rounded = Math.round(Math.abs(x) * p) / p;
  // String() gives the shortest form (93.1, not 93.10); toFixed only where it would use an exponent.
  let text = String(rounded);
  if (text.includes('e')) text = rounded.toFixed(maxDigits).replace(/\.?0+$/, '');
  const dot = text.indexOf('.');
  let int = dot < 0 ? text : text.slice(0, dot);
  const frac = dot < 0 ? '' : text.slice(dot + 1);
  if (int.length > 3) {
    let grouped = '';
    for (let end = int.length; end > 0; end -= 3) grouped = (end > 3 ? group : '') + int.slice(Math.max(0, end - 3), end) + grouped;
    int = grouped;
  }
  const sign = x < 0 && rounded !== 0 ? '-' : '';
  return sign + int + (frac ? decimal + frac : '');
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
