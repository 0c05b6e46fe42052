import fc from 'fast-check';
import { assignPeriodRoles, classifyHeader, parsePeriod } from '../../src/tables/periods';

// The period grammar: [qualifier] [role] [span] [year], in any order people write them.
describe('period headers with words', () => {
  const cases: Array<[string, Partial<{ role: string; year: number; span: string; months: number; index: number }>]> = [
    ['Năm 2025', { role: 'undecided', year: 2025, span: 'year' }],
    ['2024', { role: 'undecided', year: 2024, span: 'year' }],
    ['Thực hiện năm 2025', { role: 'undecided', year: 2025, span: 'year' }],
    ['TH 2025', { role: 'undecided', year: 2025 }],
    ['Ước thực hiện năm 2025', { year: 2025 }],
    ['Thực hiện 9 tháng 2025', { year: 2025, span: 'months', months: 9 }],
    ['9 tháng đầu năm 2025', { year: 2025, span: 'months', months: 9 }],
    ['Lũy kế 11 tháng năm 2025', { year: 2025, span: 'months', months: 11 }],
    ['Luỹ kế 11 tháng năm 2025', { year: 2025, span: 'months', months: 11 }],
    ['6 tháng đầu năm 2025', { year: 2025, span: 'months', months: 6 }],
    ['Quý III/2025', { year: 2025, span: 'quarter' }],
    ['Quý 3 năm 2025', { year: 2025, span: 'quarter' }],
    ['Tháng 11/2025', { year: 2025, span: 'month' }],
    ['Tháng 3', { span: 'month', role: 'undecided' }],
    ['Từ 15/12/2024 đến 14/11/2025', { year: 2025, span: 'range' }],
    ['Cùng kỳ 2024', { role: 'baseline', year: 2024 }],
    ['Cùng kỳ năm 2024', { role: 'baseline', year: 2024 }],
    ['Cùng kỳ năm trước', { role: 'baseline' }],
    ['Năm trước', { role: 'baseline' }],
    ['Kỳ trước', { role: 'baseline' }],
    ['TH cùng kỳ', { role: 'baseline' }],
    ['TH kỳ này', { role: 'current' }],
    ['Kỳ báo cáo', { role: 'current' }],
    ['CÙNG KỲ NĂM 2024', { role: 'baseline', year: 2024 }],
    ['cung ky nam 2024', { role: 'baseline', year: 2024 }],
    ['Ước TH cả năm 2025', { role: 'undecided', year: 2025, span: 'year' }],
    ['11T/2025', { year: 2025, span: 'months', months: 11 }],
    ['Lũy kế 11T/2025', { year: 2025, span: 'months', months: 11 }],
    ['CK 11T/2024', { role: 'baseline', year: 2024, months: 11 }],
    ['6T/2025', { year: 2025, months: 6 }],
    ['Cùng kỳ năm 2024 (số liệu đã điều chỉnh)', { role: 'baseline', year: 2024 }],
    ['CK năm 2024 (cộng 2 tỉnh cũ)', { role: 'baseline', year: 2024 }],
    ['TH năm 2025 (đến 14/12/2025)', { year: 2025, span: 'year' }],
    ['Năm 2025 (15/12/2024-14/12/2025)', { year: 2025, span: 'year' }],
    ['Thực hiện (15/12/2024 - 14/12/2025)', { year: 2025 }],
    ['Quý IV/2025', { year: 2025, span: 'quarter', index: 4 }],
  ];
  it.each(cases)('%s', (header, want) => {
    const m = parsePeriod(header);
    expect(m).toBeDefined();
    expect(m).toMatchObject(want);
  });

  it.each([
    ['Kế hoạch năm 2025', 'plan'],
    ['Chỉ tiêu giao ước năm 2025', 'plan'],
    ['KH 2025', 'plan'],
    ['So sánh (+/-)', 'computed'],
    ['Tăng, giảm %', 'computed'],
    ['Tăng (+), giảm (-) %', 'computed'],
    ['Tỷ lệ %', 'computed'],
    ['So với cùng kỳ (%)', 'computed'],
    ['Tự đánh giá', 'assessment'],
    ['Nội dung chỉ tiêu', 'none'],
    ['Đơn vị tính', 'none'],
    ['Thực hiện', 'none'],
  ])('%s is %s, never a period', (header, kind) => {
    expect(classifyHeader(header).kind).toBe(kind);
  });

  it('keeps the indicator words of a layout C header', () => {
    expect(parsePeriod('Số vụ PPHS năm 2019')).toMatchObject({ year: 2019, rest: 'so vu pphs' });
  });
});

describe('which column is current', () => {
  const roles = (...hs: string[]) => assignPeriodRoles(hs.map((h) => parsePeriod(h)));

  it('the later year, in either order', () => {
    expect(roles('Năm 2024', 'Năm 2025')).toEqual(['baseline', 'current']);
    expect(roles('TH 2025', 'TH 2024')).toEqual(['current', 'baseline']);
  });

  it('explicit words over years', () => {
    expect(roles('Cùng kỳ năm trước', 'Lũy kế 11 tháng năm 2025')).toEqual(['baseline', 'current']);
    expect(roles('TH kỳ này', 'TH cùng kỳ')).toEqual(['current', 'baseline']);
  });

  it('a monthly series: the cumulative column, not the months', () => {
    const months = Array.from({ length: 11 }, (_, i) => `Tháng ${i + 1}`);
    const r = roles(...months, 'Lũy kế 11 tháng 2025', 'Cùng kỳ 2024');
    expect(r.slice(0, 11)).toEqual(Array(11).fill(undefined));
    expect(r.slice(11)).toEqual(['current', 'baseline']);
  });

  it('months with years give way to the cumulative column too', () => {
    expect(roles('Tháng 10/2025', 'Tháng 11/2025', '11 tháng 2025', '11 tháng 2024')).toEqual([undefined, undefined, 'current', 'baseline']);
  });

  it('a monthly report compares its month', () => {
    expect(roles('Tháng 11/2024', 'Tháng 11/2025')).toEqual(['baseline', 'current']);
  });

  it('pairs periods of the same length, the longer when both are there', () => {
    expect(roles('Quý III/2025', '9 tháng 2025', 'Quý III/2024', '9 tháng 2024')).toEqual([undefined, 'current', undefined, 'baseline']);
    expect(roles('9 tháng 2025', 'Quý III/2025', '9 tháng 2024')).toEqual(['current', undefined, 'baseline']);
  });

  it('a quarter compares with the same quarter of last year, not the previous quarter', () => {
    expect(roles('Quý IV/2025', 'Quý III/2025', 'Quý IV/2024', 'So với quý trước', 'So với CK')).toEqual([
      'current',
      undefined,
      'baseline',
      undefined,
      undefined,
    ]);
  });

  it('a year beside a whole-year estimate is the baseline', () => {
    expect(roles('Năm 2024', 'Ước TH cả năm 2025')).toEqual(['baseline', 'current']);
  });

  it('plan and computed columns get no role', () => {
    const hs = ['Kế hoạch năm 2025', 'Thực hiện năm 2024', 'Thực hiện năm 2025', 'So sánh (+/-)', 'Tỷ lệ %'];
    expect(roles(...hs)).toEqual([undefined, 'baseline', 'current', undefined, undefined]);
  });

  // Property: any qualifier and span wording, any order of the two columns: the later year is current.
  it('holds for generated wordings in both orders', () => {
    const qualifier = fc.constantFrom('', 'Thực hiện ', 'TH ', 'Số liệu ', 'Ước thực hiện ', 'Lũy kế ');
    const span = fc.constantFrom('năm ', '9 tháng ', '6 tháng đầu năm ', 'Quý IV/', 'Quý 2 năm ', '11 tháng năm ', '');
    fc.assert(
      fc.property(qualifier, span, fc.integer({ min: 2000, max: 2098 }), fc.boolean(), fc.boolean(), (q, s, year, swap, numeric) => {
        const cur = numeric && q === '' && s === '' ? String(year + 1) : `${q}${s}${year + 1}`;
        const base = `${q}${s}${year}`;
        const r = swap ? roles(cur, base) : roles(base, cur);
        expect(r).toEqual(swap ? ['current', 'baseline'] : ['baseline', 'current']);
      }),
    );
  });
});

describe('period headers in English', () => {
  const roles = (...hs: string[]) => assignPeriodRoles(hs.map((h) => parsePeriod(h)));
  it.each([
    [
      ['Same period 2024', 'Year 2025'],
      ['baseline', 'current'],
    ],
    [
      ['Last year', 'This year'],
      ['baseline', 'current'],
    ],
    [
      ['2025 actual', '2024 actual'],
      ['current', 'baseline'],
    ],
    [
      ['Q4 2025', 'Q4 2024'],
      ['current', 'baseline'],
    ],
  ])('%j', (headers, want) => {
    expect(roles(...headers)).toEqual(want);
  });
  it.each([
    ['Plan 2025', 'plan'],
    ['Change (%)', 'computed'],
    ['% change vs 2024', 'computed'],
  ])('%s is %s', (h, kind) => {
    expect(classifyHeader(h).kind).toBe(kind);
  });
});
