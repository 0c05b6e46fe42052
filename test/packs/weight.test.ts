import { checkRulePack } from '../../src/packs/checkRulePack';
import { basePack, localized, packText, positionOf } from './packText';

const rules = () => basePack().rules as Array<Record<string, unknown>>;

describe('rule weight (scorecard points)', () => {
  it('is optional, a number above 0', () => {
    const text = packText(basePack({ rules: [{ ...rules()[0], weight: 2.5 }, rules()[1]] }));
    const { pack, problems } = checkRulePack(text, 'p.json');
    expect(problems).toEqual([]);
    expect(pack?.rules.map((r) => r.weight)).toEqual([2.5, undefined]);
  });

  it.each([0, -1, '2'])('refuses %p where it is written', (weight) => {
    const text = packText(basePack({ rules: [{ ...rules()[0], weight }, rules()[1]] }));
    const { pack, problems } = checkRulePack(text, 'p.json');
    expect(pack).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ code: 'schema', severity: 'error', ...positionOf(text, '"weight"') })]);
    expect(problems[0].message.vi).toMatch(/\$\.rules\[0\]\.weight: phải (lớn hơn 0|có kiểu số)/);
  });

  it('an extending pack can change it with override', () => {
    const base = packText(basePack());
    const child = packText({ id: 'c', version: '1.0.0', title: localized('C'), extends: './base.json', override: { 'cleared-80pct': { weight: 3 } } });
    const { pack, problems } = checkRulePack(child, 'c.json', { resolve: (ref) => (ref === './base.json' ? { file: 'base.json', text: base } : undefined) });
    expect(problems).toEqual([]);
    expect(pack?.rules.find((r) => r.id === 'cleared-80pct')?.weight).toBe(3);
  });

  it('weight-on-warning: a warning never scores, so its weight is a lint warning', () => {
    const text = packText(basePack({ rules: [{ ...rules()[0], severity: 'warning', weight: 2 }, rules()[1]] }));
    const { pack, problems } = checkRulePack(text, 'p.json');
    expect(pack).toBeDefined();
    expect(problems).toEqual([expect.objectContaining({ code: 'weight-on-warning', severity: 'warning', ...positionOf(text, '"weight"') })]);
  });
});
