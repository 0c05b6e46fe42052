import fc from 'fast-check';
import { formatNumber } from '../../src/evaluate/format';

describe('formatNumber', () => {
  it('writes Vietnamese and English numbers', () => {
    expect(formatNumber(93.1, 'vi')).toBe('93,1');
    expect(formatNumber(1245.5, 'vi')).toBe('1.245,5');
    expect(formatNumber(1245.5, 'en')).toBe('1,245.5');
    expect(formatNumber(-5.2209, 'vi')).toBe('-5,22');
    expect(formatNumber(60, 'vi')).toBe('60');
    expect(formatNumber(-0.001, 'vi')).toBe('0');
  });

  it('agrees with Intl.NumberFormat for vi-VN and en-GB', () => {
    const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
    const en = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (i, c) => {
        const x = i + Math.sign(i || 1) * (c / 100);
        return formatNumber(x, 'vi') === vi.format(x) && formatNumber(x, 'en') === en.format(x);
      }),
    );
  });

  it('writes whole numbers near the shortcut (under a thousand) as Intl does, and minus zero as 0', () => {
    const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
    const en = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
    for (let i = -2000; i <= 2000; i++) {
      expect(formatNumber(i, 'vi')).toBe(vi.format(i));
      expect(formatNumber(i, 'en')).toBe(en.format(i));
    }
    expect(formatNumber(-0, 'vi')).toBe('0');
    expect(formatNumber(999.999, 'vi')).toBe('1.000');
  });
});
