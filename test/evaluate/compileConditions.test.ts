import fc from 'fast-check';
import { Engine, Rule } from 'json-rules-engine';
import { compileConditions } from '../../src/evaluate/compileConditions';

const FACTS = ['a', 'b', 'c', 'd'];
const OPS = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];

/** Random json-rules-engine condition trees of the shapes packs may use. */
const leaf = fc.record({
  fact: fc.constantFrom(...FACTS),
  operator: fc.constantFrom(...OPS),
  value: fc.oneof(fc.constantFrom(-10, -5, 0, 5, 60, 90, 95), fc.double({ min: -200, max: 200, noNaN: true }), fc.record({ fact: fc.constantFrom(...FACTS) })),
});
const { tree } = fc.letrec<{ tree: unknown; node: unknown }>((tie) => ({
  tree: fc.oneof(
    fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 4 }) }),
    fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 4 }) }),
    fc.record({ not: tie('node') }),
  ),
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('tree')),
}));
/** Fact rows, sometimes with a fact missing (as an undefined fact reaches the engine). */
const row = fc.dictionary(fc.constantFrom(...FACTS), fc.oneof(fc.constantFrom(-10, -5, 0, 5, 60, 90, 95), fc.double({ min: -200, max: 200, noNaN: true })));

describe('compiled conditions are json-rules-engine, only faster', () => {
  it('reads a single comparison with a fixed number on the value alone, with the same verdict', () => {
    fc.assert(
      fc.property(tree, fc.oneof(fc.constantFrom(-10, -5, 0, 5, 60, 90, 95, -0), fc.double({ min: -200, max: 200, noNaN: true })), (conditions, value) => {
        const compiled = compileConditions(conditions)!;
        if (!compiled.single) return;
        expect(compiled.test({ [compiled.single.fact]: value })).toBe(compiled.single.test(value));
      }),
      { numRuns: 2000 },
    );
    const single = (c: unknown) => compileConditions(c)!.single;
    expect(single({ not: { fact: 'a', operator: 'greaterThan', value: 0 } })?.fact).toBe('a');
    expect(single({ all: [{ fact: 'a', operator: 'lessThanInclusive', value: -5 }] })?.test(-5)).toBe(true);
    expect(
      single({
        all: [
          { fact: 'a', operator: 'lessThan', value: 1 },
          { fact: 'a', operator: 'greaterThan', value: 0 },
        ],
      }),
    ).toBeUndefined();
    expect(single({ any: [{ fact: 'a', operator: 'lessThan', value: { fact: 'b' } }] })).toBeUndefined();
  });

  it('gives the same verdict as json-rules-engine for random condition trees and facts', async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.array(row, { minLength: 1, maxLength: 5 }), async (conditions, rows) => {
        const compiled = compileConditions(conditions);
        expect(compiled).toBeDefined();
        const engine = new Engine([new Rule({ name: 'r', conditions: conditions as never, event: { type: 'met' } })], { allowUndefinedFacts: true });
        for (const facts of rows) {
          const { results } = await engine.run({ ...facts });
          expect(compiled!.test(facts)).toBe(results.length === 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('explains with the first failing comparison, as a person reads the rule', () => {
    const c = compileConditions({
      all: [
        { fact: 'a', operator: 'greaterThanInclusive', value: 90 },
        { fact: 'b', operator: 'lessThan', value: 0 },
      ],
    })!;
    expect(c.explain({ a: 95, b: 3 }, false)).toMatchObject({ fact: 'b', actual: 3, target: 0, result: false });
    expect(c.explain({ a: 95, b: -3 }, true)).toMatchObject({ fact: 'a', actual: 95, target: 90, result: true });
  });

  it('leaves to json-rules-engine what it cannot compile (path, params, custom operators)', () => {
    expect(compileConditions({ all: [{ fact: 'a', operator: 'equal', value: 1, path: '$.x' }] })).toBeUndefined();
    expect(compileConditions({ all: [{ fact: 'a', operator: 'startsWith', value: 1 }] })).toBeUndefined();
    expect(compileConditions({ all: [{ condition: 'shared' }] })).toBeUndefined();
  });
});

describe('PackEvaluator statuses equal json-rules-engine used the obvious way', () => {
  it('for random packs and fact rows', async () => {
    const { PackEvaluator, engineRule } = await import('../../src/evaluate/evaluatePack');
    const { defaultPack } = await import('../../src/packs/builtinPacks');
    const base = defaultPack();
    const factNames = [...Object.keys(base.facts ?? {}), 'wrongful-convictions'];
    const packLeaf = fc.record({
      fact: fc.constantFrom(...factNames),
      operator: fc.constantFrom(...OPS),
      value: fc.oneof(fc.constantFrom(-10, -5, 0, 60, 80, 90, 95), fc.integer({ min: -100, max: 150 })),
    });
    const packRules = fc.array(
      fc.record({ all: fc.array(packLeaf, { minLength: 1, maxLength: 3 }) }).map((conditions) => conditions),
      { minLength: 1, maxLength: 8 },
    );
    const factRow = fc.dictionary(
      fc.constantFrom(...factNames),
      fc.oneof(fc.constant(null), fc.integer({ min: -100, max: 150 }), fc.constantFrom(60, 90, -10)),
    );
    await fc.assert(
      fc.asyncProperty(packRules, fc.array(factRow, { minLength: 1, maxLength: 4 }), async (conditionsList, rows) => {
        const pack = { ...base, rules: conditionsList.map((conditions, i) => ({ id: `r${i}`, title: { vi: 'x', en: 'x' }, conditions })) };
        const evaluator = new PackEvaluator(pack as never);
        const engine = new Engine(
          pack.rules.map((r) => engineRule(r as never)),
          { allowUndefinedFacts: true },
        );
        for (const facts of rows) {
          const ours = await evaluator.statusesForFacts(facts);
          const numeric = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== null));
          const { results } = await engine.run(numeric);
          const passed = new Set(results.map((r) => r.name));
          for (const r of pack.rules) {
            const complete = [...JSON.stringify(r.conditions).matchAll(/"fact":"([^"]+)"/g)].every((m) => m[1] in numeric);
            expect(ours.get(r.id)).toBe(!complete ? 'no-data' : passed.has(r.id) ? 'met' : 'shortfall');
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
