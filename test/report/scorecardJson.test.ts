import { readFileSync } from 'fs';
import { join } from 'path';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { defaultPack } from '../../src/packs/builtinPacks';
import { buildScorecard, Scorecard } from '../../src/report/scorecard';
import { scorecardJson } from '../../src/report/scorecardJson';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { loadExpectations } from '../helpers/expectations';
import { batchTexts } from '../helpers/jsonBatchTexts';
import { hasSharedFixtures, SAMPLES, SHARED_FIXTURES } from '../helpers/paths';

const pack = defaultPack();
const checker = new PledgeChecker(pack);
const dirs = [SAMPLES, join(SAMPLES, 'everyday'), ...(hasSharedFixtures ? [SHARED_FIXTURES] : [])];

/** The scorecard's rows as the CLI writes them (hand-made texts) and as JSON.stringify writes each element. */
function bothTexts(s: Scorecard) {
  return batchTexts(scorecardJson(s).rows);
}

// Each row's line is written by hand for speed; it must be JSON.stringify's text exactly.
describe('scorecard rows written as text are JSON.stringify of the row', () => {
  for (const dir of dirs) {
    for (const file of Object.keys(loadExpectations(dir))) {
      it(file, async () => {
        const { findings } = await checker.check(readWorkbook(readFileSync(join(dir, file))));
        const { texts, stringified } = bothTexts(buildScorecard(pack, [{ workbook: file, findings }]));
        expect(texts.length).toBeGreaterThan(0);
        expect(texts).toEqual(stringified);
      });
    }
  }

  it('escapes what JSON escapes, and keeps the statuses object’s own order for any rule ids', async () => {
    const { findings } = await checker.check(readWorkbook(readFileSync(join(SAMPLES, 'tong-hop-cum-2025.xlsx'))));
    const real = buildScorecard(pack, [{ workbook: 'a.xlsx', findings }]);
    const row = real.rows[0];
    const odd = ['Đơn vị "A"', 'C:\\số liệu', 'tab\there', 'line\nbreak', '\u0001', 'lone \ud800', 'pair 😀', 'sep \u2028', ''];
    const rows = [
      ...odd.map((s) => ({ ...row, unit: s, workbook: s, period: s, alsoIn: [s] })),
      { ...row, period: undefined },
      { ...row, percent: 1 / 3, points: 0.1 + 0.2, rank: 7 },
      { ...row, percent: Number.NaN },
      { ...row, cells: [] },
    ];
    expect(bothTexts({ ...real, rows }).texts).toEqual(bothTexts({ ...real, rows }).stringified);
    // Rule ids an object would reorder (array indices), drop (`__proto__`) or merge (a repeat).
    for (const ids of [
      ['2', '1', 'x'],
      ['__proto__', 'x'],
      ['x', 'x'],
    ]) {
      const targets = ids.map((ruleId) => ({ ...real.targets[0], ruleId }));
      const cells = ids.map((ruleId, i) => ({ ...row.cells[0], ruleId, status: i === 0 ? ('met' as const) : ('shortfall' as const) }));
      const s: Scorecard = { ...real, targets, rows: [{ ...row, cells }] };
      expect(bothTexts(s).texts).toEqual(bothTexts(s).stringified);
    }
  });
});
