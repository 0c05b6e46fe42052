import { Finding } from '../../src/evaluate/finding';
import { actualText, gapText, targetText, unbrokenFigure } from '../../src/report/words';
import { aFinding } from '../helpers/finding';

// A percentage shortfall (88,59 % against ≥ 90 %), with some fields given.
const finding = (over: Partial<Finding>): Finding =>
  aFinding(0, { actual: 88.594, target: 90, operator: 'greaterThanInclusive', gap: 1.406, factUnit: '%', ...over });

describe("a finding's figures for a narrow printed column", () => {
  it('are the plain texts with the space before `%` made a no-break space, made at once', () => {
    const units = ['%', '', 'vụ', 'điểm %', 'a % b %', '%o'];
    const operators = ['greaterThanInclusive', 'lessThan', null, 'x %', 'custom'];
    let compared = 0;
    for (const factUnit of units)
      for (const operator of operators)
        for (const [actual, target, gap] of [
          [88.594, 90, 1.406],
          [-12.5, -10, 2.5],
          [1234567.891, 0, null],
          [null, null, null],
        ] as const)
          for (const lang of ['vi', 'en'] as const) {
            const f = finding({ factUnit, operator, actual, target, gap });
            expect(actualText(f, lang, true)).toBe(unbrokenFigure(actualText(f, lang)));
            expect(targetText(f, lang, true)).toBe(unbrokenFigure(targetText(f, lang)));
            expect(gapText(f, lang, true)).toBe(unbrokenFigure(gapText(f, lang)));
            compared++;
          }
    expect(compared).toBe(units.length * operators.length * 4 * 2);
    expect(targetText(finding({}), 'vi', true)).toBe('≥ 90\u00a0%');
    expect(gapText(finding({}), 'vi', true)).toBe('1,41 điểm\u00a0%');
    expect(targetText(finding({ operator: 'x %' }), 'vi', true)).toBe('x\u00a0% 90\u00a0%');
  });
});
