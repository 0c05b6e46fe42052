import { checkRulePack } from '../../src/packs/checkRulePack';
import { PackProblem } from '../../src/packs/packProblem';
import { basePack, localized, packText, positionOf } from './packText';

/** The one problem with this code, located exactly where the needle starts. */
function expectProblemAt(text: string, code: string, needle: string, after = '', severity: PackProblem['severity'] = 'error'): PackProblem {
  const { problems } = checkRulePack(text, 'pack.json');
  const found = problems.filter((p) => p.code === code);
  expect({ code, count: found.length, all: problems.map((p) => p.code) }).toEqual({ code, count: 1, all: expect.arrayContaining([code]) });
  expect(found[0]).toMatchObject({ file: 'pack.json', severity, ...positionOf(text, needle, after) });
  expect(found[0].message.vi).not.toBe(found[0].message.en);
  return found[0];
}

const rule = (id: string, conditions: object, extra: object = {}) => ({ id, title: localized(id), conditions, ...extra });

describe('lint: JSON syntax and safety', () => {
  it('json-syntax: a missing comma, at the token after it', () => {
    const text = '{\n  "id": "x",\n  "version": "1.0.0"\n  "title": {}\n}';
    expect(checkRulePack(text, 'pack.json').problems).toEqual([expect.objectContaining({ code: 'json-syntax', line: 4, column: 3 })]);
  });

  it('json-syntax: a trailing comma, and comments are not JSON', () => {
    expect(checkRulePack('{\n  "id": "x",\n}', 'p.json').problems[0]).toMatchObject({ code: 'json-syntax', line: 3, column: 1 });
    expect(checkRulePack('// ghi chú\n{}', 'p.json').problems[0]).toMatchObject({ code: 'json-syntax', line: 1, column: 1 });
  });

  it('forbidden-key: a prototype key anywhere, refused before the schema', () => {
    const text = packText(basePack({ abbreviations: { constructor: 'x' } }));
    const p = expectProblemAt(text, 'forbidden-key', '"constructor"');
    expect(p.message.en).toContain('constructor');
  });

  it('forbidden-path: `path` on a condition (jsonpath) is refused with its own message', () => {
    const text = packText(basePack({ rules: [rule('r', { all: [{ fact: 'cases', operator: 'equal', value: 0, path: '$..*' }] })] }));
    const p = expectProblemAt(text, 'forbidden-path', '"path"');
    expect(p.message.en).toMatch(/packs are data/);
  });

  it('forbidden-path: `params` as well', () => {
    const text = packText(basePack({ rules: [rule('r', { any: [{ fact: 'cases', operator: 'equal', value: 0, params: { x: 1 } }] })] }));
    expectProblemAt(text, 'forbidden-path', '"params"');
  });
});

describe('lint: schema errors carry the JSON path and the line and column', () => {
  it('a misspelt property is located on the key itself', () => {
    const text = packText(basePack({ treshold: 5 }));
    const p = expectProblemAt(text, 'schema', '"treshold"');
    expect(p.message.en).toMatch(/^\$\.treshold: property "treshold" is not in the schema/);
  });

  it('a missing required property names the object that lacks it', () => {
    const pack = basePack();
    (pack.rules as { title: object }[])[1].title = { vi: 'Giảm 5%' };
    const text = packText(pack);
    const p = expectProblemAt(text, 'schema', '"title"', '"cases-down-5pct"');
    expect(p.message).toEqual({ vi: '$.rules[1].title: thiếu thuộc tính bắt buộc "en"', en: '$.rules[1].title: missing required property "en"' });
  });

  it('a wrong type, e.g. a threshold written as text', () => {
    const text = packText(basePack({ rules: [rule('r', { all: [{ fact: 'cases', operator: 'equal', value: '0' }] })] }));
    const p = expectProblemAt(text, 'schema', '"value"');
    expect(p.message.en).toBe('$.rules[0].conditions.all[0].value: must be a number or an object ({…})');
  });

  it('an id with capitals or underscores', () => {
    const text = packText(basePack({ facts: { Ty_Le: { changePercent: 'cases' } } }));
    const p = expectProblemAt(text, 'schema', '"Ty_Le"');
    expect(p.message.en).toMatch(/not a valid id/);
  });

  it('a block with both all and any', () => {
    const text = packText(
      basePack({ rules: [rule('r', { all: [{ fact: 'cases', operator: 'equal', value: 0 }], any: [{ fact: 'cases', operator: 'equal', value: 1 }] })] }),
    );
    const p = expectProblemAt(text, 'schema', '"conditions"');
    expect(p.message.en).toMatch(/needs exactly one of: all, any, not/);
  });

  it('a pack without extends must have indicators and rules', () => {
    const text = packText({ id: 'x', version: '1.0.0', title: localized('X') });
    const { problems } = checkRulePack(text, 'pack.json');
    expect(problems.map((p) => [p.line, p.column, p.message.en])).toEqual([
      [1, 1, '$: missing required property "indicators"'],
      [1, 1, '$: missing required property "rules"'],
    ]);
  });

  it('unknown-operator: an operator json-rules-engine does not have (or a custom one)', () => {
    const text = packText(basePack({ rules: [rule('r', { all: [{ fact: 'cases', operator: 'greaterOrEqual', value: 0 }] })] }));
    const p = expectProblemAt(text, 'unknown-operator', '"operator"');
    expect(p.message.en).toContain(
      'unknown operator "greaterOrEqual"; use one of: equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive',
    );
  });
});

describe('lint: semantic errors', () => {
  it('unknown-fact: a rule reads a fact the catalogue lacks', () => {
    const text = packText(
      basePack({ rules: [...(basePack().rules as object[]), rule('r', { all: [{ fact: 'cleard-pct', operator: 'greaterThan', value: 1 }] })] }),
    );
    const p = expectProblemAt(text, 'unknown-fact', '"fact"', '"r"');
    expect(p.message.en).toBe('rule "r" reads fact "cleard-pct", which is neither an indicator nor a derived fact');
  });

  it('unknown-fact: also a fact used as the comparison value', () => {
    const text = packText(
      basePack({ rules: [...(basePack().rules as object[]), rule('r', { all: [{ fact: 'cases', operator: 'lessThan', value: { fact: 'ghost' } }] })] }),
    );
    expectProblemAt(text, 'unknown-fact', '"fact": "ghost"');
  });

  it('unknown-indicator: a derived fact reads an indicator the catalogue lacks', () => {
    const text = packText(basePack({ facts: { 'cleared-pct': { ratioPercent: ['cleared', 'all-cases'] }, 'cases-change-pct': { changePercent: 'cases' } } }));
    expectProblemAt(text, 'unknown-indicator', '"all-cases"');
  });

  it('unknown-indicator: a pattern names a parent the catalogue lacks', () => {
    const pack = basePack();
    (pack.indicators as Record<string, unknown>).cleared = { label: localized('Đã khám phá'), match: [{ text: 'khám phá', parent: 'case' }] };
    const text = packText(pack);
    expectProblemAt(text, 'unknown-indicator', '"parent"');
  });

  it('duplicate-id: two rules with one id', () => {
    const rules = basePack().rules as object[];
    const text = packText(basePack({ rules: [...rules, rule('cleared-80pct', { all: [{ fact: 'cleared-pct', operator: 'greaterThan', value: 1 }] })] }));
    expectProblemAt(text, 'duplicate-id', '"id"', '"cases-down-5pct"');
  });

  it('duplicate-id: a fact named like an indicator', () => {
    const pack = basePack();
    (pack.facts as Record<string, unknown>).cases = { sum: ['cases'] };
    const text = packText(pack);
    expectProblemAt(text, 'duplicate-id', '"cases": {', '"facts"');
  });

  it('empty-pattern: a label pattern with no words', () => {
    const pack = basePack();
    (pack.indicators as Record<string, { match: unknown[] }>).cases.match = ['số vụ phạm pháp hình sự', '* -'];
    const text = packText(pack);
    expectProblemAt(text, 'empty-pattern', '"* -"');
  });

  it('no-rules: a base pack with an empty rules list', () => {
    const text = packText(basePack({ rules: [], facts: {} }));
    expectProblemAt(text, 'no-rules', '"rules"');
  });
});

describe('lint: thresholds that cannot be met', () => {
  const withRule = (fact: string, operator: string, value: number) =>
    packText(basePack({ rules: [...(basePack().rules as object[]), rule('r', { all: [{ fact, operator, value }] })] }));

  it.each([
    ['a share ≥ 110 %', 'cleared-pct', 'greaterThanInclusive', 110, /is a share, between 0 and 100 %, so "≥ 110" can never be met/],
    ['a share > 100 %', 'cleared-pct', 'greaterThan', 100, /"> 100" can never be met/],
    ['a share = −1', 'cleared-pct', 'equal', -1, /"= -1" can never be met/],
    ['a change ≤ −120 %', 'cases-change-pct', 'lessThanInclusive', -120, /cannot fall by more than 100 %, so "≤ -120" can never be met/],
    ['a change ≤ −100 % (a fall to zero: write equal 0)', 'cases-change-pct', 'lessThanInclusive', -100, /equal 0/],
    ['a change < −100 %', 'cases-change-pct', 'lessThan', -100, /can never be met/],
    ['a count < 0', 'cases', 'lessThan', 0, /never negative, so "< 0" can never be met/],
    ['a count ≤ −1', 'cases', 'lessThanInclusive', -1, /can never be met/],
  ])('impossible-threshold: %s', (_name, fact, operator, value, message) => {
    const text = withRule(fact, operator, value);
    const p = expectProblemAt(text, 'impossible-threshold', '"value"', '"r"');
    expect(p.message.en).toMatch(message);
  });

  it('the boundaries that can be met are fine: share ≥ 100, change ≤ −99, count = 0', () => {
    for (const [fact, operator, value] of [
      ['cleared-pct', 'greaterThanInclusive', 100],
      ['cases-change-pct', 'lessThanInclusive', -99],
      ['cases', 'equal', 0],
      ['cases', 'lessThanInclusive', 0],
    ] as const) {
      const errors = checkRulePack(withRule(fact, operator, value), 'p.json').problems.filter((p) => p.severity === 'error');
      expect({ fact, operator, value, errors }).toEqual({ fact, operator, value, errors: [] });
    }
  });

  it('always-met (warning): a target every unit meets checks nothing', () => {
    const text = withRule('cleared-pct', 'lessThanInclusive', 100);
    const p = expectProblemAt(text, 'always-met', '"value"', '"r"', 'warning');
    expect(p.message.en).toMatch(/"≤ 100" is always met/);
  });

  it('inside "not" a comparison is judged negated', () => {
    const text = packText(
      basePack({ rules: [...(basePack().rules as object[]), rule('r', { not: { fact: 'cases', operator: 'greaterThanInclusive', value: 0 } })] }),
    );
    const p = expectProblemAt(text, 'impossible-threshold', '"value"', '"r"');
    expect(p.message.en).toMatch(/inside "not"/);
  });
});

describe('lint: warnings', () => {
  it('unused-indicator and unused-fact, unless the indicator is catalogueOnly', () => {
    const pack = basePack();
    Object.assign(pack.indicators as object, {
      fires: { label: localized('Cháy, nổ'), match: ['cháy nổ'] },
      decoy: { label: localized('Người chết do cháy'), match: ['người chết do cháy'], catalogueOnly: true },
    });
    Object.assign(pack.facts as object, { 'fires-sum': { sum: ['cases', 'cleared'] } });
    const text = packText(pack);
    expectProblemAt(text, 'unused-indicator', '"fires"', '"indicators"', 'warning');
    expectProblemAt(text, 'unused-fact', '"fires-sum"', '"facts"', 'warning');
    expect(checkRulePack(text, 'p.json').pack).toBeDefined();
  });

  it('unknown-placeholder: a misspelt placeholder in a message', () => {
    const rules = basePack().rules as object[];
    const text = packText(basePack({ rules: [rules[0], { ...rules[1], messages: { shortfall: localized('{fact}: {acutal}', '{fact}: {actual}') } }] }));
    const p = expectProblemAt(text, 'unknown-placeholder', '"vi"', '"shortfall"', 'warning');
    expect(p.message.en).toMatch(/no placeholder \{acutal\}/);
  });

  it('warnings alone still give a pack', () => {
    const text = packText(
      basePack({ rules: [...(basePack().rules as object[]), rule('r', { all: [{ fact: 'cases', operator: 'greaterThanInclusive', value: 0 }] })] }),
    );
    const { pack, problems } = checkRulePack(text, 'p.json');
    expect(problems.map((p) => p.severity)).toEqual(['warning']);
    expect(pack?.rules).toHaveLength(3);
  });
});

describe('lint: examples', () => {
  it('warns of an example naming an unknown fact or rule, and of two examples with one name (`test` fails them; `check` is not blocked)', () => {
    const text = packText(
      basePack({
        examples: [
          { name: 'một', facts: { 'cleared-pct': 80, clearedpct: 1 }, expect: { 'cleared-80pct': 'met' } },
          { name: 'một', facts: {}, expect: { 'cleared-90pct': 'met' } },
        ],
      }),
    );
    expectProblemAt(text, 'example-unknown-fact', '"clearedpct"', '', 'warning');
    expectProblemAt(text, 'example-unknown-rule', '"cleared-90pct"', '', 'warning');
    expectProblemAt(text, 'example-duplicate-name', '"name"', '"clearedpct"', 'warning');
    expect(checkRulePack(text, 'p.json').pack).toBeDefined();
  });

  it('a status other than met, shortfall, no-data is a schema error', () => {
    const text = packText(basePack({ examples: [{ name: 'x', facts: {}, expect: { 'cleared-80pct': 'pass' } }] }));
    const p = expectProblemAt(text, 'schema', '"cleared-80pct"', '"expect"');
    expect(p.message.en).toMatch(/must be one of: met, shortfall, no-data/);
  });
});
