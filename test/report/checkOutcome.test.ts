import { Finding } from '../../src/evaluate/finding';
import { checkOutcome, outcomeLine } from '../../src/report/checkOutcome';

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
