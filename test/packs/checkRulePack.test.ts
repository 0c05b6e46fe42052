import { readFileSync } from 'fs';
import { join } from 'path';
import { checkRulePack, parseRulePack } from '../../src/packs/checkRulePack';
import { RulePackError } from '../../src/packs/packProblem';

const defaultText = readFileSync(join(__dirname, '../../rules/default.json'), 'utf8');

function minimal(rule: object, extra: object = {}): string {
  return JSON.stringify(
    {
      id: 'test',
      version: '1.0.0',
      title: { vi: 'Thử', en: 'Test' },
      indicators: { 'wrongful-convictions': { label: { vi: 'Số vụ án oan', en: 'Wrongful convictions' }, match: ['án oan'] } },
      rules: [{ id: 'r', title: { vi: 'R', en: 'R' }, conditions: { all: [rule] } }],
      ...extra,
    },
    null,
    2,
  );
}

describe('rule packs', () => {
  it('the default pack is valid and has the seven targets under their ids', () => {
    const pack = parseRulePack(defaultText, 'rules/default.json');
    expect(pack.rules.map((r) => r.id).sort()).toEqual(
      [
        'criminal-cases-down-5pct',
        'crime-reports-resolved-90pct',
        'serious-cases-cleared-95pct',
        'cases-cleared-80pct',
        'corruption-assets-recovered-60pct',
        'traffic-deaths-down-10pct',
        'no-wrongful-convictions',
      ].sort(),
    );
    for (const r of pack.rules) {
      expect(r.title.vi).toBeTruthy();
      expect(r.title.en).toBeTruthy();
    }
  });

  it('reports a JSON syntax error with file, line and column', () => {
    const text = '{\n  "id": "x",\n  "version": "1.0.0"\n  "title": {}\n}';
    const { problems } = checkRulePack(text, 'pack.json');
    expect(problems[0]).toMatchObject({ file: 'pack.json', line: 4, column: 3, code: 'json-syntax' });
  });

  it('reports a schema error at the offending property', () => {
    const text = minimal({ fact: 'wrongful-convictions', operator: 'equalz', value: 0 });
    const { problems } = checkRulePack(text, 'p.json');
    const p = problems.find((x) => x.code === 'unknown-operator')!;
    const line = text.split('\n')[p.line - 1];
    expect(line).toContain('"operator"');
  });

  it('refuses `path` (jsonpath on facts), unknown facts and prototype keys', () => {
    expect(() => parseRulePack(minimal({ fact: 'wrongful-convictions', operator: 'equal', value: 0, path: '$..*' }), 'p.json')).toThrow(RulePackError);
    const unknown = checkRulePack(minimal({ fact: 'nope', operator: 'equal', value: 0 }), 'p.json');
    expect(unknown.problems[0]).toMatchObject({ code: 'unknown-fact' });
    const proto = checkRulePack('{"__proto__": {"polluted": true}, "id": "x"}', 'p.json');
    expect(proto.problems[0]).toMatchObject({ code: 'forbidden-key', line: 1, column: 2 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a pack nested too deeply or too large', () => {
    const deep = '{"a":'.repeat(100) + '1' + '}'.repeat(100);
    expect(checkRulePack(deep, 'deep.json').problems[0].code).toBe('too-deep');
    expect(checkRulePack(' '.repeat(3_000_000), 'big.json').problems[0].code).toBe('too-large');
  });

  it('refuses an empty file', () => {
    expect(checkRulePack('', 'empty.json').problems[0]).toMatchObject({ code: 'json-syntax', line: 1, column: 1 });
  });
});
