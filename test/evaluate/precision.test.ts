import { settle } from '../../src/evaluate/precision';

describe('settle: figures compared at 12 significant digits', () => {
  it('puts boundary ratios and changes exactly on their target', () => {
    expect(settle((4.35 * 100) / 7.25)).toBe(60);
    expect(settle(((261 - 290) / 290) * 100)).toBe(-10);
    expect(settle(0.1 + 0.2)).toBe(0.3);
  });

  it('leaves whole numbers as they are, zero without a sign, and what is not finite alone', () => {
    for (const x of [1, -1, 5, 1498, 999_999_999_999, -999_999_999_999]) expect(settle(x)).toBe(x);
    expect(Object.is(settle(-0), 0)).toBe(true);
    expect(settle(1e15 + 1)).toBe(1e15);
    expect(settle(Infinity)).toBe(Infinity);
    expect(settle(NaN)).toBeNaN();
  });
});
