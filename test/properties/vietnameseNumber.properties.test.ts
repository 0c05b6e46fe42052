/**
 * Vietnamese numbers are never silently wrong. The reader may refuse a text (no data), but any
 * number it returns is the one a person meant: the Vietnamese reading when the text has one
 * (`1.245` = 1245, `1,245` = 1.245, `1.245,5` = 1245.5), else the English reading when only that
 * one exists (`8.4`, `1,245.5`). The spec below is written independently of the parser.
 */
import fc from 'fast-check';
import { parseVietnameseNumber } from '../../src/grid/vietnameseNumber';

/** A grouped number never starts with 0; a plain one may (`007`). */
const VI_GROUPED = /^[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/;
const VI_PLAIN = /^\d+(,\d+)?$/;
const EN_GROUPED = /^[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/;
const EN_PLAIN = /^\d+(\.\d+)?$/;

function viReading(t: string): number | undefined {
  if (VI_GROUPED.test(t) || VI_PLAIN.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  return undefined;
}

function enReading(t: string): number | undefined {
  if (EN_GROUPED.test(t) || EN_PLAIN.test(t)) return Number(t.replace(/,/g, ''));
  return undefined;
}

/** What a person meant, if anything: Vietnamese first, English only where Vietnamese cannot read it. */
function meant(t: string): number | undefined {
  return viReading(t) ?? enReading(t);
}

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
const group3 = digits(3, 3);

describe('Vietnamese number text: never a silently wrong number', () => {
  it('any short text of digits, dots and commas reads as what was meant, or as no data', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9.,]{1,14}$/), (t) => {
        const v = parseVietnameseNumber(t);
        return v === undefined || v === meant(t);
      }),
      // The texts that once went wrong, always tried first.
      { numRuns: 5000, examples: [['0.245'], ['00.245'], ['0,245.5'], ['0,245,000'], ['1,245'], ['1.245'], ['1.245,5'], ['1,245.5'], ['12,345,678']] },
    );
  });

  it('a dot before exactly three digits is always thousands: 1.245 is 1245, never 1.245', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 999 }), group3, (a, b) => parseVietnameseNumber(`${a}.${b}`) === a * 1000 + Number(b)));
  });

  it('a lone comma is always the decimal comma: 1,245 is 1.245, never 1245', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999 }), digits(1, 6), (a, b) => parseVietnameseNumber(`${a},${b}`) === Number(`${a}.${b}`)));
  });

  it('thousands dots with a decimal comma: 1.245,5 is 1245.5', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.array(group3, { minLength: 1, maxLength: 3 }), digits(1, 4), (a, groups, dec) => {
        const text = `${a}.${groups.join('.')},${dec}`;
        return parseVietnameseNumber(text) === Number(`${a}${groups.join('')}.${dec}`);
      }),
    );
  });

  it('the three readings of one set of digits never collide', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), group3, digits(1, 2), (a, b, c) => {
        const thousands = parseVietnameseNumber(`${a}.${b}`);
        const decimal = parseVietnameseNumber(`${a},${b}`);
        const both = parseVietnameseNumber(`${a}.${b},${c}`);
        return thousands === a * 1000 + Number(b) && decimal === Number(`${a}.${b}`) && both === Number(`${a}${b}.${c}`) && decimal !== thousands;
      }),
    );
  });

  it('what Excel shows in Vietnamese reads back exactly (integers and two decimals, any sign)', () => {
    const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => parseVietnameseNumber(vi.format(n)) === n));
    fc.assert(fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => parseVietnameseNumber(vi.format(cents / 100)) === cents / 100));
  });

  it('signs and spaces: only a sign and thousands groups of three may carry spaces', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', '-', '−', '+', '- ', '+ '),
        fc.integer({ min: 1, max: 999 }),
        fc.array(group3, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(' ', '\u00a0', '\u202f'),
        (sign, head, groups, space) => {
          const magnitude = Number(`${head}${groups.join('')}`);
          const expected = sign.trim() === '-' || sign.trim() === '−' ? -magnitude : magnitude;
          return parseVietnameseNumber(`${sign}${head}${space}${groups.join(space)}`) === expected;
        },
      ),
    );
    // A space anywhere else is not a thousands separator: no number rather than a glued one.
    fc.assert(fc.property(digits(1, 3), digits(1, 2), (a, b) => parseVietnameseNumber(`${a} ${b}`) === undefined));
  });

  it('words, percentages, fractions and errors are no data, whatever digits they hold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom('%', '/61', ' tỷ', ' triệu đồng', 'x', '*', ' vụ/61'),
        (n, suffix) => parseVietnameseNumber(`${n}${suffix}`) === undefined,
      ),
    );
  });

  it("a count's unit after the figure is how it is written: the figure is read", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom(' vụ', ' người', ' tin', ' đối tượng'),
        (n, unit) => parseVietnameseNumber(`${n}${unit}`) === n,
      ),
    );
  });

  it('cell values that are not text: finite numbers pass through, everything else is no data', () => {
    fc.assert(
      fc.property(fc.double(), (d) => {
        const v = parseVietnameseNumber(d);
        return Number.isFinite(d) ? v === d : v === undefined;
      }),
    );
    fc.assert(fc.property(fc.boolean(), (b) => parseVietnameseNumber(b) === undefined));
  });
});
