/**
 * A rule's message template is filled in two steps: what is the same for all the rule's findings
 * (fact, operator, target, title) once per rule, the rest per finding. Every message must be
 * exactly what filling the template in one pass gives (the reference below, the way it was
 * rendered before): with names that hold braces, targets that change from finding to finding, both
 * languages and every outcome, in any order.
 */
import fc from 'fast-check';
import { PackEvaluator } from '../../src/evaluate/evaluatePack';
import { Finding, FindingStatus } from '../../src/evaluate/finding';
import { digitsToShow, formatNumber } from '../../src/evaluate/format';
import { DEFAULT_MESSAGES, fillTemplate, noDataReasonText } from '../../src/evaluate/messages';
import { defaultPack } from '../../src/packs/builtinPacks';
import { operatorOf, operatorSymbol } from '../../src/packs/operators';
import { PackRule, RulePack } from '../../src/packs/rulePack';
import { Lang } from '../../src/words/lang';

/** The message as one pass over the template renders it. */
function reference(pack: RulePack, rule: PackRule, f: Omit<Finding, 'message'>, lang: Lang): string {
  const key = f.status === 'no-data' ? 'noData' : f.status;
  const template = rule.messages?.[key]?.[lang] ?? DEFAULT_MESSAGES[key][lang];
  const digits = f.actual !== null && f.target !== null ? digitsToShow(f.actual, f.target) : 2;
  const qty = (x: number | null, d = 2) => (x === null ? '—' : `${formatNumber(x, lang, d)}${f.factUnit ? ` ${f.factUnit}` : ''}`);
  const gapUnit = f.factUnit === '%' ? (lang === 'vi' ? ' điểm %' : ' percentage points') : f.factUnit ? ` ${f.factUnit}` : '';
  const text = fillTemplate(template, (name) => {
    switch (name) {
      case 'fact':
        return f.factLabel[lang];
      case 'actual':
        return qty(f.actual, digits);
      case 'target':
        return qty(f.target);
      case 'op':
        return f.operator ? operatorSymbol(f.operator) : '';
      case 'gap':
        return f.gap === null ? '—' : `${formatNumber(f.gap, lang, digits)}${gapUnit}`;
      case 'unit':
        return f.unit;
      case 'reason':
        return f.noData ? noDataReasonText(pack, f.noData, lang) : '';
      case 'title':
        return f.title[lang];
      default:
        return undefined;
    }
  });
  const p = f.pledgedInWorkbook;
  if (!p?.differs) return text;
  const op = f.operator ? (operatorOf(f.operator)?.symbol ?? '') : '';
  return lang === 'vi'
    ? `${text} Sổ ghi chỉ tiêu "${p.text}" (ô ${p.cell}), bộ quy tắc kiểm tra ${op} ${qty(f.target)}.`
    : `${text} The workbook pledges "${p.text}" (cell ${p.cell}); the pack checks ${op} ${qty(f.target)}.`;
}

const EVERY = '{title} · {fact}: {actual} {op} {target}, {gap}; {unit} / {reason} {unknown} {fact}';
const base = defaultPack();
// The first rule with templates using every placeholder (twice, and one no rule fills); the others as shipped.
const pack: RulePack = {
  ...base,
  rules: base.rules.map((r, i) =>
    i === 0
      ? { ...r, messages: { met: { vi: EVERY, en: EVERY }, shortfall: { vi: `Chưa: ${EVERY}`, en: `Short: ${EVERY}` }, noData: { vi: EVERY, en: EVERY } } }
      : r,
  ),
};

const braces = fc.constantFrom('Tỷ lệ', '{actual}', 'a {gap} b', '{', '}{unit}', '');
const number = fc.oneof(fc.constantFrom(null, 0, -0, 60, 59.996, 1e21, -1234.5), fc.double({ noNaN: true, min: -1e6, max: 1e6 }));

const finding = fc.record({
  rule: fc.integer({ min: 0, max: pack.rules.length - 1 }),
  status: fc.constantFrom<FindingStatus>('met', 'shortfall', 'no-data'),
  unit: fc.oneof(fc.constantFrom('Công an xã số 1', '{fact}'), fc.string()),
  actual: number,
  target: number,
  gap: number,
  operator: fc.constantFrom(null, 'greaterThanInclusive', 'lessThanInclusive', 'equal', 'custom'),
  factUnit: fc.constantFrom('%', '', 'vụ'),
  factLabel: braces,
  title: braces,
  noData: fc.constantFrom(undefined, { kind: 'blank' as const, cell: 'D7', shown: '{x}' }, { kind: 'zero-denominator' as const, cell: 'E2' }),
  pledged: fc.constantFrom(undefined, { cell: 'Q7', text: 'Giảm {gap}%', value: -3, differs: true }, { cell: 'Q8', text: 'x', value: null, differs: false }),
});

/** A finding of the first rule as the property below makes them. */
function plainFinding(over: Partial<Omit<Finding, 'message'>> = {}): Omit<Finding, 'message'> {
  return {
    ruleId: pack.rules[0].id,
    title: { vi: 'Tiêu đề', en: 'Title' },
    severity: 'shortfall',
    unit: 'Công an xã số 1',
    status: 'shortfall',
    sheet: 'Tổng hợp',
    cell: 'D7',
    inputs: [],
    actual: 58.5,
    target: 60,
    operator: 'greaterThanInclusive',
    gap: 1.5,
    fact: 'f',
    factLabel: { vi: 'Tỷ lệ', en: 'Rate' },
    factUnit: '%',
    ...over,
  };
}

describe('messages filled per rule, then per finding', () => {
  it('differ whenever anything the rule part is made from differs, one finding after another', () => {
    const evaluator = new PackEvaluator(pack);
    const variants = [
      plainFinding(),
      plainFinding({ factLabel: { vi: 'Tỷ lệ khác', en: 'Other rate' } }),
      plainFinding({ title: { vi: 'Tiêu đề khác', en: 'Other title' } }),
      plainFinding({ target: 70 }),
      plainFinding({ target: null }),
      plainFinding({ operator: 'lessThanInclusive' }),
      plainFinding({ factUnit: 'vụ' }),
      plainFinding({ status: 'met' }),
      plainFinding({ status: 'no-data', noData: { kind: 'zero-denominator', cell: 'E2' } }),
      plainFinding({ unit: 'Công an xã số 2', actual: 12.25, gap: 47.75 }),
    ];
    // Twice round, each in both languages: the second round reads what the first one kept.
    for (let round = 0; round < 2; round++) {
      for (const v of variants) {
        for (const lang of ['vi', 'en'] as const) expect(evaluator.relink(v).message[lang]).toBe(reference(pack, pack.rules[0], v, lang));
      }
    }
  });

  it('are what one pass over the template gives, in any order, language and outcome', () => {
    const evaluator = new PackEvaluator(pack);
    fc.assert(
      fc.property(
        fc.array(finding, { minLength: 1, maxLength: 60 }),
        fc.array(fc.constantFrom<Lang>('vi', 'en'), { minLength: 1, maxLength: 3 }),
        (specs, langs) => {
          for (const s of specs) {
            const rule = pack.rules[s.rule];
            const plain: Omit<Finding, 'message'> = {
              ruleId: rule.id,
              title: { vi: s.title, en: `${s.title} (en)` },
              severity: 'shortfall',
              unit: s.unit,
              status: s.status,
              sheet: 'Tổng hợp',
              cell: 'D7',
              inputs: [],
              actual: s.actual,
              target: s.target,
              operator: s.operator,
              gap: s.gap,
              fact: 'f',
              factLabel: { vi: s.factLabel, en: `${s.factLabel} (en)` },
              factUnit: s.factUnit,
              noData: s.noData,
              ...(s.pledged ? { pledgedInWorkbook: s.pledged } : {}),
            };
            const f = evaluator.relink(plain);
            for (const lang of langs) expect(f.message[lang]).toBe(reference(pack, rule, plain, lang));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
