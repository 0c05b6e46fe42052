import { readFileSync } from 'fs';
import { join } from 'path';
import { NO_BINDINGS } from '../../src/bindings/binding';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { defaultPack } from '../../src/packs/builtinPacks';
import { explainText } from '../../src/report/explainText';
import { readingOf } from '../../src/tables/workbookReading';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { loadExpectations } from '../helpers/expectations';
import { hasSharedFixtures, SAMPLES, SHARED_FIXTURES } from '../helpers/paths';

const pack = defaultPack();
const checker = new PledgeChecker(pack);
const dirs = [SAMPLES, join(SAMPLES, 'everyday'), ...(hasSharedFixtures ? [SHARED_FIXTURES] : [])];

// `explain` gives a correct account of every sample and fixture: each figure a finding was computed
// from is named as read from that cell, each workbook's tables are listed, and every indicator of
// the pack is either found (with its cells) or said not to be.
describe('explain on every sample and fixture', () => {
  for (const dir of dirs) {
    for (const [file, exp] of Object.entries(loadExpectations(dir))) {
      it(`${file}`, async () => {
        const grid = readWorkbook(readFileSync(join(dir, file)));
        const { tables, findings } = await checker.check(grid);
        const reading = readingOf(file, grid, tables, pack, NO_BINDINGS);
        expect(reading.tables.map((t) => t.layout)).toContain(exp.layout);
        const cellsRead = new Set(reading.indicators.flatMap((i) => i.sources.flatMap((s) => [...s.current, ...s.baseline].map((c) => `${s.sheet}!${c}`))));
        const text = explainText(reading, 'vi');
        // Every current-period input of a finding is accounted for (the reading lists up to six cells a column).
        for (const f of findings) {
          for (const input of f.inputs) {
            const r = reading.indicators.find((i) => i.id === input.indicator)!;
            expect({ indicator: input.indicator, outcome: r.outcome }).toEqual({
              indicator: input.indicator,
              outcome: expect.stringMatching(/^(found|duplicate)$/),
            });
            if (r.sources.every((s) => s.current.length < 6 && s.baseline.length < 6)) expect(cellsRead).toContain(`${input.sheet}!${input.cell}`);
          }
        }
        for (const i of reading.indicators) expect(text).toContain(`${i.id} (${i.label.vi})`);
        expect(text.split('\n')[0]).toBe(`Sổ ${file}: ${reading.tables.length} bảng chỉ tiêu.`);
      });
    }
  }
});
