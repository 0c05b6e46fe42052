import fc from 'fast-check';
import { cellError } from '../../src/grid/cell';
import { parseVietnameseNumber } from '../../src/grid/vietnameseNumber';

describe('parseVietnameseNumber', () => {
  it.each([
    ['1.245', 1245],
    ['1.245.000', 1245000],
    ['4,35', 4.35],
    ['12,5', 12.5],
    ['1.245,5', 1245.5],
    ['1,245', 1.245], // Vietnamese decimal comma, not one thousand
    ['0', 0],
    ['-12', -12],
    ['− 3,5', -3.5],
    ['1 245', 1245],
    ['1\u00a0245', 1245],
    ['8.4', 8.4], // a dot that cannot group thousands is a decimal point
    ['1,245.5', 1245.5],
    ['12,345,678', 12345678],
    ['226 vụ', 226],
    ['54 người', 54],
    ["'190", 190],
  ])('reads %p as %p', (text, value) => {
    expect(parseVietnameseNumber(text)).toBe(value);
  });

  it.each(['', '  ', 'chưa thống kê', '-', '51/61 vụ', '92%', 'vụ', "'", '12 vụ 3', '4,35 tỷ', '1.250 triệu đồng', '1.2.3', 'abc', '1,2,3', '12a'])(
    '%p is no data, never a number',
    (text) => {
      expect(parseVietnameseNumber(text)).toBeUndefined();
    },
  );

  it('keeps real numbers, rejects errors, booleans and blanks', () => {
    expect(parseVietnameseNumber(59.5)).toBe(59.5);
    expect(parseVietnameseNumber(cellError('#DIV/0!'))).toBeUndefined();
    expect(parseVietnameseNumber(cellError('#N/A'))).toBeUndefined();
    expect(parseVietnameseNumber(true)).toBeUndefined();
    expect(parseVietnameseNumber(null)).toBeUndefined();
    expect(parseVietnameseNumber(Number.NaN)).toBeUndefined();
  });

  it('reads back any integer written with Vietnamese thousands dots', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const text = new Intl.NumberFormat('vi-VN').format(n);
        return parseVietnameseNumber(text) === n;
      }),
    );
  });

  it('reads back any two-decimal number written the Vietnamese way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (cents) => {
        const n = cents / 100;
        const text = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);
        return parseVietnameseNumber(text) === n;
      }),
    );
  });

  it('never returns a silently wrong number for any short digit/separator text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9.,]{1,12}$/), (text) => {
        const v = parseVietnameseNumber(text);
        if (v === undefined) return true;
        // Whatever it reads, the digits must be the digits written, in order.
        const digits = text.replace(/[.,]/g, '').replace(/^0+(?=\d)/, '');
        const shown = String(v)
          .replace('.', '')
          .replace(/^0+(?=\d)/, '');
        return digits.replace(/0+$/, '') === shown.replace(/0+$/, '') || (Number(digits) === 0 && v === 0);
      }),
    );
  });
});
