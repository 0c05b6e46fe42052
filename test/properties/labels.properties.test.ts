/**
 * Labels and period headers as people type them: any casing, with or without diacritics, NFC or
 * NFD, any spacing or punctuation between words, a list marker in front. None of that may change
 * which indicator a label is, or which period a header names.
 */
import fc from 'fast-check';
import { defaultPack } from '../../src/packs/builtinPacks';
import { LabelMatcher } from '../../src/tables/labelMatcher';
import { assignPeriodRoles, parsePeriod } from '../../src/tables/periods';
import { stripListMarker } from '../../src/tables/text';

const pack = defaultPack();
const matcher = new LabelMatcher(pack);

/** Every plain label of the catalogue (patterns without `*`) and each indicator's own label. */
const LABELS: string[] = [
  ...new Set(
    Object.values(pack.indicators).flatMap((ind) => [
      ind.label.vi,
      ...ind.match.map((m) => (typeof m === 'string' ? m : m.text)).filter((t) => !t.includes('*')),
    ]),
  ),
];

/** Real labels from units' reports, for good measure. */
const REPORT_LABELS = [
  'Số vụ phạm pháp hình sự',
  'Số vụ PPHS đã điều tra khám phá',
  'Án rất nghiêm trọng, đặc biệt nghiêm trọng',
  'Số tin báo, tố giác tội phạm đã tiếp nhận',
  'Tài sản thiệt hại trong các vụ án tham nhũng',
  'Số người chết do TNGT',
  'Số vụ án oan',
  'Số vụ cháy, nổ',
];

const MARKERS = ['', '- ', '+ ', '– ', '• ', '* ', 'a) ', 'b) ', 'đ) ', '1. ', '2) ', '1.2. ', 'iv) ', 'Trong đó: ', '- Trong đó: ', 'trong do, '];

/** Strips Vietnamese diacritics the way a person typing without them would (đ → d). */
function withoutDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** A variant of `label`: casing per letter, diacritics kept or not, NFC/NFD, spacing and punctuation between words. */
function variant(): fc.Arbitrary<(label: string) => string> {
  return fc
    .record({
      cases: fc.array(fc.constantFrom('lower', 'upper', 'keep'), { minLength: 1, maxLength: 40 }),
      noMarks: fc.boolean(),
      form: fc.constantFrom('NFC', 'NFD', 'NFKC', 'NFKD'),
      gaps: fc.array(fc.constantFrom(' ', '  ', '\t', '\u00a0', ' , ', ', ', ' - ', '\u202f', ' ; '), { minLength: 1, maxLength: 20 }),
      outer: fc.constantFrom('', ' ', '  ', '\u00a0', ':', '.', ' .'),
    })
    .map(({ cases, noMarks, form, gaps, outer }) => (label: string) => {
      const base = noMarks ? withoutDiacritics(label) : label;
      const cased = Array.from(base)
        .map((ch, i) => (cases[i % cases.length] === 'upper' ? ch.toUpperCase() : cases[i % cases.length] === 'lower' ? ch.toLowerCase() : ch))
        .join('');
      const words = cased.split(/[\s,]+/).filter(Boolean);
      const spaced = words.map((w, i) => (i === 0 ? w : gaps[i % gaps.length] + w)).join('');
      return (outer.trim() === '' ? outer : '') + spaced.normalize(form) + (outer.trim() !== '' ? outer : '');
    });
}

const matchOf = (label: string) => matcher.match(stripListMarker(label).text);

describe('label matching', () => {
  it('the catalogue has labels to vary', () => {
    expect(LABELS.length).toBeGreaterThan(15);
    expect(LABELS.map(matchOf).filter((m) => m.kind === 'indicator').length).toBeGreaterThan(10);
  });

  it('any casing, diacritics, Unicode form, spacing or punctuation variant matches what the label matches', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LABELS, ...REPORT_LABELS), variant(), (label, vary) => {
        expect(matchOf(vary(label))).toEqual(matchOf(label));
      }),
      { numRuns: 2000 },
    );
  });

  it('a list marker in front never changes the match, nor whether the row is a sub-row', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LABELS, ...REPORT_LABELS), fc.constantFrom(...MARKERS), variant(), (label, marker, vary) => {
        const plain = stripListMarker(label);
        const marked = stripListMarker(marker + vary(label));
        expect(matcher.match(marked.text)).toEqual(matcher.match(plain.text));
        expect(marked.marked).toBe(marker.trim() !== '' || plain.marked);
      }),
      { numRuns: 2000 },
    );
  });

  it('context is read the same way: a section or parent label in any form gives the same result', () => {
    const contexts: Array<[string, { section?: string; parent?: string }]> = [
      ['Số người chết', { section: 'TAI NẠN GIAO THÔNG' }],
      ['Số vụ', { section: 'II. Tai nạn giao thông' }],
      ['Đã giải quyết', { section: 'TIN BÁO, TỐ GIÁC TỘI PHẠM' }],
      ['đã điều tra khám phá', { parent: 'criminal-cases' }],
      ['Đã thu hồi', { parent: 'corruption-assets-lost' }],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...contexts), variant(), variant(), ([label, ctx], vary, varySection) => {
        const expected = matcher.match(label, ctx);
        expect(expected.kind).toBe('indicator');
        const ctx2 = ctx.section ? { section: varySection(ctx.section) } : ctx;
        expect(matcher.match(vary(label), ctx2)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('period headers', () => {
  const HEADERS: Array<[string, 'baseline' | 'current' | 'undecided', number | undefined]> = [
    ['Cùng kỳ năm 2023', 'baseline', 2023],
    ['Cùng kỳ', 'baseline', undefined],
    ['Kỳ trước', 'baseline', undefined],
    ['Năm 2023', 'undecided', 2023],
    ['2024', 'undecided', 2024],
    ['6 tháng 2019', 'undecided', 2019],
    ['6 tháng đầu năm 2020', 'undecided', 2020],
    ['Kỳ này', 'current', undefined],
    ['Kỳ báo cáo', 'current', undefined],
    ['Năm 2024', 'undecided', 2024],
  ];

  it('any variant of a period header names the same period', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HEADERS), variant(), ([header, role, year], vary) => {
        const p = parsePeriod(vary(header));
        expect(p).toMatchObject({ role, year });
        expect(p?.rest).toBe('');
      }),
      { numRuns: 2000 },
    );
  });

  it('of two years, the later is current and the earlier the baseline, in either order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2098 }), fc.integer({ min: 1, max: 10 }), fc.boolean(), variant(), (y, d, swap, vary) => {
        const early = parsePeriod(vary(`Năm ${y}`));
        const late = parsePeriod(vary(`Năm ${Math.min(y + d, 2099)}`));
        const roles = assignPeriodRoles(swap ? [late, early] : [early, late]);
        expect(roles).toEqual(swap ? ['current', 'baseline'] : ['baseline', 'current']);
      }),
    );
  });

  it('explicit words win over years: "Cùng kỳ" is the baseline even beside an earlier year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2099 }), variant(), (y, vary) => {
        const roles = assignPeriodRoles([parsePeriod(vary('Kỳ báo cáo')), parsePeriod(vary(`Cùng kỳ năm ${y}`))]);
        expect(roles).toEqual(['current', 'baseline']);
      }),
    );
  });
});
