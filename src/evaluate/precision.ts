/**
 * Figures are compared at 12 significant digits, so 4,35 / 7,25 is exactly 60 % and 290 -> 261 is
 * exactly a 10 % fall: binary floating point must never turn a met boundary into a shortfall.
 * The result is always `Number(x.toPrecision(12))`; most figures get it by arithmetic, since a
 * national check settles hundreds of thousands of ratios and toPrecision goes through a string.
 */
export function settle(x: number): number {
  if (!Number.isFinite(x)) return x;
  // A whole number below 10^12 already has at most 12 digits (the usual case: counts, sums).
  if (Number.isInteger(x) && x < 1e12 && x > -1e12) return x === 0 ? 0 : x;
  const v = twelveDigits(x) ?? Number(x.toPrecision(12));
  return Object.is(v, -0) ? 0 : v;
}

/**
 * `Number(x.toPrecision(12))` by arithmetic, or undefined where arithmetic might differ. x is scaled
 * to a 12-digit integer part with one rounding (at most 2^-14 off below 10^12), so the rounded
 * integer is toPrecision's digits unless the fraction is that close to a half; dividing those
 * digits by an exact power of ten then rounds to the same double that reading the digits does.
 */
function twelveDigits(x: number): number | undefined {
  const a = Math.abs(x);
  const q = 11 - Math.floor(Math.log10(a)); // decimals kept
  if (!(q >= 0 && q <= 22)) return undefined; // 10^q exact only up to 10^22
  const p = POWERS[q];
  const y = a * p;
  // log10 can be off by one next to a power of ten: then the scaled figure has the wrong length.
  if (!(y >= 1e11 && y < 1e12 - 1)) return undefined;
  const frac = y - Math.floor(y);
  if (Math.abs(frac - 0.5) < 1e-3) return undefined;
  const digits = Math.round(y);
  return x < 0 ? -digits / p : digits / p;
}

const POWERS = Array.from({ length: 23 }, (_, i) => 10 ** i);
