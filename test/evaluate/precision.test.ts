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

  it('is Number(x.toPrecision(12)) for every figure, the ratios and changes a check makes included', () => {
    const slow = (x: number) => {
      const v = Number(x.toPrecision(12));
      return Object.is(v, -0) ? 0 : v;
    };
    const xs: number[] = [];
    // Deterministic pseudo-random figures (a check must not pass by luck): every magnitude, both signs.
    let seed = 20261203;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 200_000; i++) xs.push((rnd() - 0.5) * 10 ** Math.floor(rnd() * 44 - 22));
    // Percentages, changes and ratios of counts, as computeFact makes them.
    for (let a = 0; a < 400; a++)
      for (let b = 1; b < 400; b += 3) {
        xs.push((a * 100) / b, ((a - b) / b) * 100, (a * 1.37 * 100) / (b * 0.7));
      }
    // 13 significant digits ending in 5 (a tie in decimal, not in binary), and next to powers of ten.
    for (let i = 0; i < 20_000; i++) {
      const digits = Math.floor(rnd() * 9e11) + 1e11;
      const e = Math.floor(rnd() * 30) - 15;
      xs.push(Number(`${digits}5e${e}`), -Number(`${digits}5e${e}`));
    }
    for (let e = -25; e <= 25; e++)
      for (const m of [1, 0.9999999999995, 0.99999999999949, 1.0000000000005, 9.9999999999995]) xs.push(m * 10 ** e, -m * 10 ** e);
    xs.push(Number.MIN_VALUE, Number.MAX_VALUE, 1e-300, Number('123456789012.49999'), 123456789012.5, 999999999999.5, 0.1 + 0.2);
    const differ = xs.filter((x) => !Object.is(settle(x), slow(x)));
    expect(differ).toEqual([]);
  });
});
