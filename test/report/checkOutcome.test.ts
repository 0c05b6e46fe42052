import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { Finding } from '../../src/evaluate/finding';
import { defaultPack } from '../../src/packs/builtinPacks';
import { checkOutcome, checkOutcomeOf, outcomeLine } from '../../src/report/checkOutcome';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { SAMPLES } from '../helpers/paths';

const f = (status: Finding['status'], severity: Finding['severity'] = 'shortfall') => ({ status, severity }) as Finding;

// Exit 0 only when every evaluated target is met; no data has not been met; warnings never count.
describe('the outcome of a check', () => {
  it.each([
    [[f('met'), f('met')], true],
    [[f('met'), f('shortfall')], false],
    [[f('met'), f('no-data')], false],
    [[f('met'), f('shortfall', 'warning'), f('no-data', 'warning')], true],
    [[f('met', 'warning')], true],
    [[], false],
  ])('%#', (findings, allMet) => {
    expect(checkOutcome(findings).allMet).toBe(allMet);
  });

  it('the last line counts each outcome and names the exit code', () => {
    const o = checkOutcome([f('met'), f('shortfall'), f('no-data'), f('no-data')]);
    expect(outcomeLine(o, 0, 'vi')).toBe('Kết quả: 1 đạt, 1 chưa đạt, 2 không có số liệu — mã thoát 1 (có chỉ tiêu chưa đạt hoặc không có số liệu).');
    expect(outcomeLine(o, 1, 'en')).toBe('Result: 1 met, 1 shortfall, 2 no data, 1 unreadable workbook(s) — exit code 2 (a workbook could not be read).');
    expect(outcomeLine(checkOutcome([]), 0, 'en')).toMatch(/exit code 1 \(no target was evaluated\)\.$/);
  });
});

describe('the outcome of several workbooks', () => {
  it('is counted from the findings kept as columns as from the findings themselves, warnings and all', async () => {
    const checker = new PledgeChecker(defaultPack());
    const grids = readdirSync(SAMPLES)
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => readWorkbook(readFileSync(join(SAMPLES, f))));
    const compact = await Promise.all(grids.map(async (g) => (await checker.checkCompactly(g)).findings));
    const arrays = await Promise.all(grids.map(async (g) => (await checker.check(g)).findings));
    const outcome = checkOutcome(arrays.flat());
    expect(outcome.met + outcome.shortfall + outcome.noData).toBeGreaterThan(50);
    expect(checkOutcomeOf(...compact)).toEqual(outcome);
    expect(checkOutcomeOf(...arrays)).toEqual(outcome);
    // A soft target missed never changes the exit code: counted, as a finding, yet allMet can hold.
    const soft = [f('met'), f('shortfall', 'warning')];
    expect(checkOutcomeOf(soft, [f('no-data', 'warning')])).toEqual({ met: 1, shortfall: 1, noData: 1, allMet: true });
  });
});
