/**
 * Rule packs are data. One place judges them (src/packs/checkRulePack.ts, with its bounds in
 * packSafety.ts), and every way a pack comes in goes through it: text, a file, a base named by
 * `extends`, the packs shipped in rules/. A hostile pack is refused before JSON.parse, the schema
 * or json-rules-engine see it; and should a pack built in code carry a `path` anyway, the
 * evaluator never hands it to jsonpath-plus.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join, relative } from 'path';
import { PackEvaluator } from '../../src/evaluate/evaluatePack';
import { defaultPack } from '../../src/packs/builtinPacks';
import { checkRulePack, parseRulePack } from '../../src/packs/checkRulePack';
import { checkRulePackFile, loadRulePack } from '../../src/packs/loadRulePack';
import { RulePackError } from '../../src/packs/packProblem';
import { PACK_LIMITS } from '../../src/packs/packSafety';
import { RulePack } from '../../src/packs/rulePack';
import { PROJECT_ROOT } from '../helpers/paths';
import { tempDir } from '../badInput/cliHarness';

const DEFAULT_TEXT = readFileSync(join(PROJECT_ROOT, 'rules/default.json'), 'utf8');
const DEFAULT = JSON.parse(DEFAULT_TEXT) as { rules: Array<Record<string, unknown>>; indicators: Record<string, unknown> } & Record<string, unknown>;
const FACT = 'criminal-cases-change-pct';

function withConditions(conditions: unknown): string {
  return JSON.stringify({ ...DEFAULT, rules: [{ ...DEFAULT.rules[0], conditions }, ...DEFAULT.rules.slice(1)] }, null, 2);
}

/** Inserts `"key": value` as the first member of the object that starts at the first `"at": {`. */
function injectKey(at: string, key: string, value = '{ "polluted": true }'): string {
  const i = DEFAULT_TEXT.indexOf(`"${at}": {`);
  if (i < 0) throw new Error(`no ${at}`);
  const brace = DEFAULT_TEXT.indexOf('{', i);
  return `${DEFAULT_TEXT.slice(0, brace + 1)}\n "${key}": ${value},${DEFAULT_TEXT.slice(brace + 1)}`;
}

const nested = (depth: number) =>
  JSON.parse('{"all":['.repeat(depth) + `{"fact":"${FACT}","operator":"lessThanInclusive","value":-5}` + ']}'.repeat(depth)) as unknown;

const HOSTILE: Array<[string, () => string, string]> = [
  ['a jsonpath `path` on a condition', () => withConditions({ all: [{ fact: FACT, operator: 'equal', value: 1, path: '$..*' }] }), 'forbidden-path'],
  [
    'a `path` deep inside any / not / all',
    () =>
      withConditions({ any: [{ not: { all: [{ fact: FACT, operator: 'equal', value: 1, path: "$[?(@.constructor.constructor('return process')())]" }] } }] }),
    'forbidden-path',
  ],
  ['`params` for a fact function', () => withConditions({ all: [{ fact: FACT, operator: 'equal', value: 1, params: { x: 1 } }] }), 'forbidden-path'],
  ['`__proto__` at the top', () => DEFAULT_TEXT.replace('{', '{\n "__proto__": { "polluted": true },'), 'forbidden-key'],
  ['`constructor` inside the indicator catalogue', () => injectKey('indicators', 'constructor'), 'forbidden-key'],
  ['`prototype` inside the derived facts', () => injectKey('facts', 'prototype'), 'forbidden-key'],
  [
    '`__proto__` inside a condition',
    () => withConditions({ all: [{ fact: FACT, operator: 'equal', value: 1, __proto__x: 1 }] }).replace('"__proto__x"', '"__proto__"'),
    'forbidden-key',
  ],
  ['text past the size limit', () => JSON.stringify({ ...DEFAULT, description: { vi: 'x'.repeat(PACK_LIMITS.maxBytes), en: 'x' } }), 'too-large'],
  ['conditions nested past the depth limit', () => withConditions(nested(PACK_LIMITS.maxDepth)), 'too-deep'],
  ['nesting that would overflow the parser’s stack', () => '['.repeat(300_000) + ']'.repeat(300_000), 'too-deep'],
];

describe.each(HOSTILE)('a pack with %s', (_name, text, code) => {
  it('is refused by the text entry point, before anything else reads it', () => {
    const { pack, problems } = checkRulePack(text(), 'hostile.json');
    expect(pack).toBeUndefined();
    expect(problems.map((p) => p.code)).toContain(code);
    // Safety problems stop the check: no schema or semantic noise after them.
    expect(problems.every((p) => ['forbidden-path', 'forbidden-key', 'too-large', 'too-deep'].includes(p.code))).toBe(true);
    expect(() => parseRulePack(text(), 'hostile.json')).toThrow(RulePackError);
  });

  it('is refused from a file, and as the base another pack extends', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'hostile.json'), text());
    expect(checkRulePackFile(join(dir, 'hostile.json')).problems.map((p) => p.code)).toContain(code);
    expect(() => loadRulePack(join(dir, 'hostile.json'))).toThrow(RulePackError);
    const child = { ...JSON.parse(DEFAULT_TEXT), id: 'con', extends: './hostile.json' } as Record<string, unknown>;
    for (const k of ['indicators', 'rules', 'facts', 'abbreviations', 'excludeWords', 'examples']) delete child[k];
    writeFileSync(join(dir, 'con.json'), JSON.stringify(child));
    const r = checkRulePackFile(join(dir, 'con.json'));
    expect(r.pack).toBeUndefined();
    expect(r.problems.map((p) => p.code)).toContain('invalid-base');
  });

  it('pollutes nothing', () => {
    checkRulePack(text(), 'hostile.json');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('the single enforcement point', () => {
  /** Every TypeScript file of the product (core and add-in), with its text. */
  const sources = (): Array<[string, string]> => {
    const out: Array<[string, string]> = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d)) {
        const p = join(d, e);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e)) out.push([relative(PROJECT_ROOT, p), readFileSync(p, 'utf8')]);
      }
    };
    for (const d of ['src', 'addin']) {
      try {
        walk(join(PROJECT_ROOT, d));
      } catch {
        // addin/ may be absent in a core-only checkout.
      }
    }
    return out;
  };
  const callersOf = (re: RegExp) =>
    sources()
      .filter(([, text]) => re.test(text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
      .map(([file]) => file)
      .sort();

  it('only checkRulePack.ts parses pack text and applies the safety bounds', () => {
    expect(callersOf(/\bparseTree\(/)).toEqual(['src/packs/checkRulePack.ts']);
    expect(callersOf(/\b(structureProblems|nestingProblem|sizeProblem)\(/)).toEqual(['src/packs/checkRulePack.ts', 'src/packs/packSafety.ts']);
  });

  it('only evaluatePack.ts builds a json-rules-engine Engine, and nothing imports jsonpath-plus', () => {
    expect(callersOf(/\bnew Engine\(/)).toEqual(['src/evaluate/evaluatePack.ts']);
    expect(callersOf(/from ['"]jsonpath-plus['"]|require\(['"]jsonpath-plus['"]\)/)).toEqual([]);
  });

  it('the packs shipped in rules/ pass the same check', () => {
    for (const f of readdirSync(join(PROJECT_ROOT, 'rules')).filter((x) => x.endsWith('.json') && !x.endsWith('.schema.json'))) {
      const { pack, problems } = checkRulePackFile(join(PROJECT_ROOT, 'rules', f));
      expect({ f, errors: problems.filter((p) => p.severity === 'error') }).toEqual({ f, errors: [] });
      expect(pack).toBeDefined();
    }
  });
});

describe('defence in depth: a pack built in code, past the check', () => {
  // json-rules-engine applies a `path` only to a fact whose value is an object; the evaluator hands
  // it numbers alone (no-data is decided before), so there is nothing for jsonpath-plus to walk.
  it('a condition with `path` never reaches jsonpath-plus: the facts it sees are numbers', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jsonpath = require('jsonpath-plus') as { JSONPath: (...a: unknown[]) => unknown };
    const spy = jest.spyOn(jsonpath, 'JSONPath');
    try {
      const base = defaultPack();
      const rule = base.rules.find((r) => r.id === 'criminal-cases-down-5pct')!;
      const pack: RulePack = {
        ...base,
        rules: [
          { ...rule, conditions: { all: [{ fact: FACT, operator: 'lessThanInclusive', value: -5, path: '$..*' }] } as RulePack['rules'][number]['conditions'] },
        ],
      };
      const evaluator = new PackEvaluator(pack);
      const statuses = await evaluator.statusesForFacts({ [FACT]: -50 });
      const odd = await evaluator.statusesForFacts({ [FACT]: { nested: -50 } as unknown as number });
      expect(spy).not.toHaveBeenCalled();
      expect(statuses.get('criminal-cases-down-5pct')).toBe('met'); // the path changed nothing
      expect(odd.get('criminal-cases-down-5pct')).toBe('no-data'); // an object is not a figure
    } finally {
      spy.mockRestore();
    }
  });
});
