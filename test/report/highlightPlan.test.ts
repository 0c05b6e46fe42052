import { highlightPlanFor } from '../../src/report/highlightPlan';
import { aFinding as finding } from '../helpers/finding';

describe('a highlight plan', () => {
  // A lone surrogate (a damaged name in a hostile file), a pair, a line break, a long reason.
  const reasons = ['Đơn vị \ud800 lẻ', 'cặp 😀 đủ', 'hai\ndòng', 'dài '.repeat(3000)];
  const findings = [
    finding(0, { message: { vi: reasons[0], en: '' } }),
    finding(1, { status: 'met', message: { vi: 'đạt', en: '' } }),
    finding(2, { message: { vi: reasons[1], en: '' } }),
    // Two findings on one cell: one mark, both notes.
    finding(3, { status: 'no-data', cell: 'C2', message: { vi: reasons[2], en: '' } }),
    finding(4, { message: { vi: reasons[3], en: '' } }),
  ];
  const plan = highlightPlanFor(findings, 'vi');

  it('gives every reason back exactly, on its findings-sheet row and in its cell’s note', () => {
    expect(plan.findingsSheet!.rows.map((r) => r.values[7])).toEqual(reasons);
    expect(plan.marks.map((m) => [m.cell, m.status, m.hasNote])).toEqual([
      ['C2', 'shortfall', true],
      ['C4', 'shortfall', true],
      ['C6', 'shortfall', true],
    ]);
    expect(plan.marks[0].note).toBe(`Chưa đạt — Chỉ tiêu 0\n${reasons[0]}\n\nKhông có số liệu — Chỉ tiêu 3\n${reasons[2]}`);
    expect(plan.marks[2].note).toBe(`Chưa đạt — Chỉ tiêu 4\n${reasons[3]}`);
  });

  it('gives the same reasons back where there is no Node Buffer (the browser preview)', () => {
    const buffer = globalThis.Buffer;
    let plain: typeof highlightPlanFor | undefined;
    try {
      (globalThis as { Buffer?: unknown }).Buffer = undefined;
      jest.isolateModules(() => {
        plain = (jest.requireActual('../../src/report/highlightPlan') as typeof import('../../src/report/highlightPlan')).highlightPlanFor;
      });
    } finally {
      globalThis.Buffer = buffer;
    }
    expect(plain).not.toBe(highlightPlanFor);
    const again = plain!(findings, 'vi');
    expect(again.findingsSheet!.rows.map((r) => r.values[7])).toEqual(reasons);
    expect(again.marks.map((m) => m.note)).toEqual(plan.marks.map((m) => m.note));
  });

  it('makes each cell of a row alone as in the whole row, and the same layout from cells made alone', async () => {
    // A real check: its findings are read one at a time, each row's cells asked in any order.
    const { readFileSync } = await import('fs');
    const { join } = await import('path');
    const { PledgeChecker } = await import('../../src/evaluate/checkGrid');
    const { defaultPack } = await import('../../src/packs/builtinPacks');
    const { readWorkbook } = await import('../../src/xlsx/read/readWorkbook');
    const { sheetLayout } = await import('../../src/xlsx/write/findingsSheetLayout');
    const { SAMPLES } = await import('../helpers/paths');
    const { findings: checked } = await new PledgeChecker(defaultPack()).check(readWorkbook(readFileSync(join(SAMPLES, 'cum-thi-dua-2025-bang.xlsx'))));
    for (const lang of ['vi', 'en'] as const) {
      const sheet = highlightPlanFor(checked, lang).findingsSheet!;
      expect(sheet.rows.length).toBeGreaterThan(5);
      for (const row of [...sheet.rows].reverse()) {
        const whole = row.values;
        expect([7, 3, 0, 6, 1, 5, 2, 4].map((c) => row.valueAt!(c))).toEqual([7, 3, 0, 6, 1, 5, 2, 4].map((c) => whole[c]));
      }
      const asWholeRows = { ...sheet, rows: sheet.rows.map((r) => ({ values: r.values, link: r.link, status: r.status })) };
      expect(sheetLayout(sheet)).toEqual(sheetLayout(asWholeRows));
    }
  });
});
