import { readFileSync } from 'fs';
import { checkPackSource, checkRulePack } from '../../src/packs/checkRulePack';
import { PackResolver, PackSource } from '../../src/packs/packSource';
import { checkRulePackFile, loadRulePack } from '../../src/packs/loadRulePack';
import { RulePackError } from '../../src/packs/packProblem';
import { basePack, localized, packText, positionOf, writePacks } from './packText';

/** The browser's way: packs held in memory, answered by a callback — no file system involved. */
function memoryResolver(files: Record<string, string>): PackResolver {
  return (ref) => {
    const name = ref.replace(/^\.\//, '');
    const key = name.endsWith('.json') ? name : `${name}.json`;
    return files[key] === undefined ? undefined : { file: key, key, text: files[key] };
  };
}

const child = (extra: object) => ({ id: 'child', version: '2.0.0', title: localized('Con', 'Child'), extends: 'base', ...extra });

function resolve(childPack: object, files: Record<string, string> = { 'base.json': packText(basePack()) }) {
  const text = packText(childPack);
  return { text, ...checkRulePack(text, 'child.json', { resolve: memoryResolver(files) }) };
}

describe('extends: one flat pack at load time', () => {
  it('inherits the catalogue, facts and rules, and records the base it was built on', () => {
    const { pack, problems } = resolve(child({}));
    expect(problems).toEqual([]);
    expect(pack).toMatchObject({ id: 'child', version: '2.0.0', basedOn: [{ id: 'base', version: '1.0.0' }] });
    expect(Object.keys(pack!.indicators)).toEqual(['cases', 'cleared']);
    expect(pack!.rules.map((r) => r.id)).toEqual(['cleared-80pct', 'cases-down-5pct']);
    expect(pack).not.toHaveProperty('extends');
  });

  it('a threshold override swaps only the comparison value: operator and shape stay json-rules-engine', () => {
    const { pack, problems } = resolve(child({ override: { 'cases-down-5pct': { threshold: -10, title: localized('Giảm 10%') } } }));
    expect(problems).toEqual([]);
    const r = pack!.rules.find((x) => x.id === 'cases-down-5pct')!;
    expect(r.conditions).toEqual({ all: [{ fact: 'cases-change-pct', operator: 'lessThanInclusive', value: -10 }] });
    expect(r.title.vi).toBe('Giảm 10%');
  });

  it('a threshold per fact for a rule with several comparisons', () => {
    const base = basePack({
      rules: [
        {
          id: 'both',
          title: localized('Cả hai'),
          conditions: {
            all: [
              { fact: 'cleared-pct', operator: 'greaterThanInclusive', value: 80 },
              { fact: 'cases-change-pct', operator: 'lessThan', value: 0 },
            ],
          },
        },
      ],
    });
    const { pack, problems } = resolve(child({ override: { both: { threshold: { 'cleared-pct': 85 }, title: localized('Cả hai, 85%') } } }), {
      'base.json': packText(base),
    });
    expect(problems).toEqual([]);
    expect(pack!.rules[0].conditions).toEqual({
      all: [
        { fact: 'cleared-pct', operator: 'greaterThanInclusive', value: 85 },
        { fact: 'cases-change-pct', operator: 'lessThan', value: 0 },
      ],
    });
  });

  it('replaces conditions, severity and messages; drops; adds rules and indicators; merges abbreviations', () => {
    const { pack, problems } = resolve(
      child({
        abbreviations: { ĐTKP: 'điều tra khám phá' },
        indicators: { fires: { label: localized('Cháy, nổ'), match: ['cháy nổ'] } },
        facts: { 'fires-change-pct': { changePercent: 'fires' } },
        override: {
          'cleared-80pct': {
            severity: 'warning',
            conditions: { any: [{ fact: 'cleared-pct', operator: 'greaterThanInclusive', value: 75 }] },
            messages: { shortfall: localized('{fact}: {actual}') },
          },
        },
        drop: ['cases-down-5pct'],
        rules: [
          {
            id: 'fires-not-up',
            title: localized('Cháy'),
            severity: 'warning',
            conditions: { all: [{ fact: 'fires-change-pct', operator: 'lessThanInclusive', value: 0 }] },
          },
        ],
      }),
    );
    expect(problems).toEqual([]);
    expect(pack!.rules.map((r) => [r.id, r.severity])).toEqual([
      ['cleared-80pct', 'warning'],
      ['fires-not-up', 'warning'],
    ]);
    expect(pack!.rules[0].conditions).toEqual({ any: [{ fact: 'cleared-pct', operator: 'greaterThanInclusive', value: 75 }] });
    expect(pack!.rules[0].messages?.shortfall?.vi).toBe('{fact}: {actual}');
    expect(Object.keys(pack!.indicators)).toEqual(['cases', 'cleared', 'fires']);
    expect(pack!.abbreviations).toEqual({ ĐTKP: 'điều tra khám phá' });
  });

  it('leaves the base pack untouched', () => {
    const files = { 'base.json': packText(basePack()) };
    resolve(child({ override: { 'cases-down-5pct': { threshold: -10, title: localized('Giảm 10%') } } }), files);
    const base = checkRulePack(files['base.json'], 'base.json').pack!;
    expect(base.rules[1].conditions).toEqual({ all: [{ fact: 'cases-change-pct', operator: 'lessThanInclusive', value: -5 }] });
  });

  it('extends the shipped default pack by id with no resolver given', () => {
    const { pack, problems } = checkRulePack(
      packText({ id: 'x', version: '1.0.0', title: localized('X'), extends: 'default', drop: ['no-wrongful-convictions'] }),
      'x.json',
    );
    expect(problems).toEqual([]);
    expect(pack!.rules).toHaveLength(6);
    expect(pack!.basedOn).toEqual([{ id: 'default', version: expect.any(String) }]);
  });

  it('chains: a pack extending a pack that extends another names both bases, root first', () => {
    const files = {
      'base.json': packText(basePack()),
      'mid.json': packText({ id: 'mid', version: '1.1.0', title: localized('Giữa'), extends: 'base', drop: ['cleared-80pct'] }),
    };
    const { pack, problems } = resolve({ id: 'leaf', version: '1.0.0', title: localized('Lá'), extends: './mid.json' }, files);
    expect(problems).toEqual([]);
    expect(pack!.basedOn).toEqual([
      { id: 'base', version: '1.0.0' },
      { id: 'mid', version: '1.1.0' },
    ]);
    expect(pack!.rules.map((r) => r.id)).toEqual(['cases-down-5pct']);
  });
});

describe('extends: errors, each on the line that causes it', () => {
  it('missing-base: no such pack id, or no such file', () => {
    const r1 = resolve(child({ extends: 'cum-99-2030' }));
    expect(r1.problems).toEqual([expect.objectContaining({ code: 'missing-base', ...positionOf(r1.text, '"extends"') })]);
    expect(r1.problems[0].message.en).toBe('there is no base pack "cum-99-2030" in rules/');
    const r2 = resolve(child({ extends: './nope.json' }));
    expect(r2.problems[0]).toMatchObject({ code: 'missing-base', message: { en: 'base pack file "./nope.json" not found' } });
  });

  it('extends-cycle: a pack extending itself, and two packs extending each other', () => {
    const self = { 'self.json': packText({ id: 'self', version: '1.0.0', title: localized('S'), extends: './self.json' }) };
    const s = checkPackSource({ file: 'self.json', key: 'self.json', text: self['self.json'] }, { resolve: memoryResolver(self) });
    expect(s.problems).toEqual([expect.objectContaining({ code: 'extends-cycle', ...positionOf(self['self.json'], '"extends"') })]);
    expect(s.problems[0].message.en).toBe('"extends" goes round in a circle: self.json → self.json');

    const files = {
      'a.json': packText({ id: 'a', version: '1.0.0', title: localized('A'), extends: './b.json' }),
      'b.json': packText({ id: 'b', version: '1.0.0', title: localized('B'), extends: './a.json' }),
    };
    const a = checkPackSource({ file: 'a.json', key: 'a.json', text: files['a.json'] }, { resolve: memoryResolver(files) });
    expect(a.pack).toBeUndefined();
    expect(a.problems).toEqual([expect.objectContaining({ file: 'a.json', code: 'extends-cycle', ...positionOf(files['a.json'], '"extends"') })]);
    expect(a.problems[0].message.en).toBe('"extends" goes round in a circle: a.json → b.json → a.json');
  });

  it('extends-depth: a chain longer than 8 levels', () => {
    const files: Record<string, string> = { 'base.json': packText(basePack()) };
    for (let i = 1; i <= 9; i++) {
      files[`p${i}.json`] = packText({ id: `p${i}`, version: '1.0.0', title: localized(`P${i}`), extends: i === 1 ? 'base' : `./p${i - 1}.json` });
    }
    const ok = checkPackSource({ file: 'p8.json', text: files['p8.json'] }, { resolve: memoryResolver(files) });
    expect(ok.problems).toEqual([]);
    const deep = checkPackSource({ file: 'p9.json', text: files['p9.json'] }, { resolve: memoryResolver(files) });
    expect(deep.problems).toEqual([expect.objectContaining({ code: 'invalid-base', ...positionOf(files['p9.json'], '"extends"') })]);
    expect(deep.problems[0].message.en).toMatch(/extends-depth/);
  });

  it('invalid-base: a base with errors is reported at extends, with its first error', () => {
    const broken = basePack();
    (broken.rules as { conditions: object }[])[0].conditions = { all: [{ fact: 'ghost', operator: 'equal', value: 0 }] };
    const r = resolve(child({}), { 'base.json': packText(broken) });
    expect(r.problems).toEqual([expect.objectContaining({ code: 'invalid-base', ...positionOf(r.text, '"extends"') })]);
    expect(r.problems[0].message.en).toMatch(
      /^the base pack base\.json has 1 error\(s\); fix it first\. First: base\.json:\d+:\d+: rule "cleared-80pct" reads fact "ghost"/,
    );
  });

  it('unknown-rule: dropping or overriding a rule the base does not have', () => {
    const r = resolve(child({ drop: ['cases-down-10pct'], override: { 'cleared-90pct': { severity: 'warning' } } }));
    const codes = r.problems.map((p) => [p.code, p.line, p.column]);
    expect(codes).toContainEqual(['unknown-rule', ...Object.values(positionOf(r.text, '"cases-down-10pct"'))]);
    expect(codes).toContainEqual(['unknown-rule', ...Object.values(positionOf(r.text, '"cleared-90pct"'))]);
  });

  it('duplicate-id: a new rule reusing a base id says to override or drop it', () => {
    const r = resolve(
      child({ rules: [{ id: 'cleared-80pct', title: localized('x'), conditions: { all: [{ fact: 'cases', operator: 'equal', value: 0 }] } }] }),
    );
    expect(r.problems).toEqual([expect.objectContaining({ code: 'duplicate-id', ...positionOf(r.text, '"id"', '"rules"') })]);
    expect(r.problems[0].message.en).toMatch(/already has rule "cleared-80pct": change it under "override", or list it in "drop"/);
    // Dropping it first makes room for a new rule with that id.
    const ok = resolve(
      child({
        drop: ['cleared-80pct'],
        rules: [{ id: 'cleared-80pct', title: localized('x'), conditions: { all: [{ fact: 'cleared-pct', operator: 'greaterThan', value: 70 }] } }],
      }),
    );
    expect(ok.problems).toEqual([]);
  });

  it('override-conflict: a rule both dropped and overridden, or given conditions and threshold', () => {
    const r = resolve(child({ drop: ['cleared-80pct'], override: { 'cleared-80pct': { severity: 'warning' } } }));
    expect(r.problems).toEqual([expect.objectContaining({ code: 'override-conflict', ...positionOf(r.text, '"cleared-80pct"', '"override"') })]);
    const both = resolve(
      child({ override: { 'cleared-80pct': { threshold: 70, conditions: { all: [{ fact: 'cleared-pct', operator: 'greaterThan', value: 1 }] } } } }),
    );
    expect(both.problems[0]).toMatchObject({ code: 'override-conflict', ...positionOf(both.text, '"threshold"') });
  });

  it('ambiguous-threshold: one number for a rule with two numeric comparisons', () => {
    const base = basePack({
      rules: [
        {
          id: 'range',
          title: localized('Khoảng'),
          conditions: {
            all: [
              { fact: 'cleared-pct', operator: 'greaterThan', value: 50 },
              { fact: 'cleared-pct', operator: 'lessThan', value: 99 },
            ],
          },
        },
      ],
    });
    const r = resolve(child({ override: { range: { threshold: 60 } } }), { 'base.json': packText(base) });
    expect(r.problems).toEqual([expect.objectContaining({ code: 'ambiguous-threshold', ...positionOf(r.text, '"threshold"') })]);
    expect(r.problems[0].message.en).toMatch(/has 2 comparisons \(cleared-pct\); give the threshold per fact/);
    const perFact = resolve(child({ override: { range: { threshold: { 'cleared-pct': 60 } } } }), { 'base.json': packText(base) });
    expect(perFact.problems[0].message.en).toMatch(/compares fact "cleared-pct" more than once/);
  });

  it('impossible-threshold through an override is located at the override', () => {
    const r = resolve(child({ override: { 'cases-down-5pct': { threshold: -150, title: localized('Giảm 150%') } } }));
    expect(r.problems).toEqual([expect.objectContaining({ code: 'impossible-threshold', ...positionOf(r.text, '"threshold"') })]);
  });

  it('threshold-title (warning): a new threshold under the old title', () => {
    const r = resolve(child({ override: { 'cases-down-5pct': { threshold: -7 } } }));
    expect(r.problems).toEqual([expect.objectContaining({ code: 'threshold-title', severity: 'warning', ...positionOf(r.text, '"threshold"') })]);
    expect(r.pack).toBeDefined();
  });

  it('no-rules: dropping every target', () => {
    const r = resolve(child({ drop: ['cleared-80pct', 'cases-down-5pct'] }));
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'no-rules', ...positionOf(r.text, '"drop"') }));
  });

  it('missing-base: override or drop without extends', () => {
    const text = packText(basePack({ drop: ['cleared-80pct'] }));
    expect(checkRulePack(text, 'p.json').problems).toContainEqual(expect.objectContaining({ code: 'missing-base', ...positionOf(text, '"drop"') }));
  });

  it('problems of inherited parts are not repeated in the extending pack', () => {
    // The base's unused fact is the base's warning, not the child's.
    const base = basePack();
    Object.assign(base.facts as object, { spare: { sum: ['cases'] } });
    expect(checkRulePack(packText(base), 'base.json').problems.map((p) => p.code)).toEqual(['unused-fact']);
    expect(resolve(child({}), { 'base.json': packText(base) }).problems).toEqual([]);
  });
});

describe('extends on disk (Node)', () => {
  it('resolves relative paths from the extending file and ids from rules/', () => {
    const files = writePacks({
      'base.json': basePack(),
      'child.json': { id: 'child', version: '1.0.0', title: localized('C'), extends: './base.json', drop: ['cleared-80pct'] },
      'cum.json': { id: 'cum', version: '1.0.0', title: localized('C'), extends: 'cum-5-2020', drop: ['reoffending-rate-down'] },
    });
    expect(loadRulePack(files['child.json']).rules.map((r) => r.id)).toEqual(['cases-down-5pct']);
    const cum = loadRulePack(files['cum.json']);
    expect(cum.basedOn?.map((b) => b.id)).toEqual(['default', 'cum-5-2020']);
  });

  it('finds a cycle however the path is spelt', () => {
    const files = writePacks({
      'a.json': { id: 'a', version: '1.0.0', title: localized('A'), extends: './sub/../b.json' },
      'b.json': { id: 'b', version: '1.0.0', title: localized('B'), extends: './a.json' },
    });
    const { problems } = checkRulePackFile(files['a.json']);
    expect(problems).toEqual([expect.objectContaining({ code: 'extends-cycle', ...positionOf(readFileSync(files['a.json'], 'utf8'), '"extends"') })]);
    expect(() => loadRulePack(files['a.json'])).toThrow(RulePackError);
  });

  it('a resolver that throws is a missing base with its reason', () => {
    const thrower: PackResolver = () => {
      throw new Error('mạng lỗi / network down');
    };
    const src: PackSource = { file: 'c.json', text: packText(child({})) };
    const r = checkPackSource(src, { resolve: thrower });
    expect(r.problems[0]).toMatchObject({ code: 'missing-base', message: { en: 'there is no base pack "base" in rules/ (mạng lỗi / network down)' } });
  });
});
