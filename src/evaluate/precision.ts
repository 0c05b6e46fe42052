/**
 * Figures are compared at 12 significant digits, so 4,35 / 7,25 is exactly 60 % and 290 -> 261 is
 * exactly a 10 % fall: binary floating point must never turn a met boundary into a shortfall.
 */
export function settle(x: number): number {
  if (!Number.isFinite(x)) return x;
  // A whole number below 10^12 already has at most 12 digits (the usual case: counts, sums).
  if (Number.isInteger(x) && x < 1e12 && x > -1e12) return x === 0 ? 0 : x;
  const v = Number(x.toPrecision(12));
  return Object.is(v, -0) ? 0 : v;
}
