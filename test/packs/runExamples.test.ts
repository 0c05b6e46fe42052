import { checkRulePack } from '../../src/packs/checkRulePack';
import { runExamples } from '../../src/authoring/runExamples';
import { basePack, packText, positionOf } from './packText';

describe('pack examples', () => {
  const text = packText(
    basePack({
      examples: [
        { name: 'đúng ngưỡng', facts: { 'cleared-pct': 80, 'cases-change-pct': -5 }, expect: { 'cleared-80pct': 'met', 'cases-down-5pct': 'met' } },
        { name: 'sai mong đợi', facts: { 'cleared-pct': 79.99, 'cases-change-pct': null }, expect: { 'cleared-80pct': 'met', 'cases-down-5pct': 'shortfall' } },
        { name: 'thiếu dữ kiện', facts: {}, expect: { 'cleared-80pct': 'no-data' } },
        { name: 'tên sai', facts: { 'cleard-pct': 90 }, expect: { 'cleared-90pct': 'met' } },
      ],
    }),
  );

  it('runs each example through the evaluator and reports each disagreement where it is written', async () => {
    const { pack, positionOf: at } = checkRulePack(text, 'p.json');
    const outcomes = await runExamples(pack!, at);
    expect(outcomes.map((o) => [o.name, o.issues.length])).toEqual([
      ['đúng ngưỡng', 0],
      ['sai mong đợi', 2],
      ['thiếu dữ kiện', 0],
      ['tên sai', 2],
    ]);
    // The example itself is located at its opening brace, the line before its name.
    const name = positionOf(text, '"name": "sai mong đợi"');
    expect(outcomes[1]).toMatchObject({ line: name.line - 1, column: name.column - 2 });
    expect(outcomes[1].issues).toEqual([
      { kind: 'mismatch', ruleId: 'cleared-80pct', expected: 'met', actual: 'shortfall', ...positionOf(text, '"cleared-80pct"', '"sai mong đợi"') },
      { kind: 'mismatch', ruleId: 'cases-down-5pct', expected: 'shortfall', actual: 'no-data', ...positionOf(text, '"cases-down-5pct"', '"sai mong đợi"') },
    ]);
  });

  it('an example naming a fact or rule the pack lacks fails instead of passing by testing nothing', async () => {
    const { pack, positionOf: at } = checkRulePack(text, 'p.json');
    const outcomes = await runExamples(pack!, at);
    expect(outcomes[3].issues).toEqual([
      { kind: 'unknown-fact', fact: 'cleard-pct', ...positionOf(text, '"cleard-pct"') },
      { kind: 'unknown-rule', ruleId: 'cleared-90pct', ...positionOf(text, '"cleared-90pct"') },
    ]);
  });

  it('a pack without examples has nothing to run', async () => {
    const { pack, positionOf: at } = checkRulePack(packText(basePack()), 'p.json');
    expect(await runExamples(pack!, at)).toEqual([]);
  });
});
