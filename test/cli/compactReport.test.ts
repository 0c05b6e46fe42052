/**
 * The console report of a large check: a summary instead of a table per unit, from
 * COMPACT_REPORT_FROM findings on. Checked on findings made up here, so every number is known.
 */
import { Finding, FindingStatus } from '../../src/evaluate/finding';
import { COMPACT_REPORT_FROM, consoleReport } from '../../src/report/consoleReport';
import { Review } from '../../src/review/review';
import { ReviewState } from '../../src/review/reviewState';
import { IndicatorTable } from '../../src/tables/indicatorTable';

const RULES = [
  { id: 'cases-down', vi: 'Giảm số vụ', en: 'Fewer cases' },
  { id: 'cleared', vi: 'Tỷ lệ khám phá', en: 'Clearance rate' },
];

function finding(unit: number, period: string, rule: (typeof RULES)[number], status: FindingStatus): Finding {
  return {
    ruleId: rule.id,
    title: { vi: rule.vi, en: rule.en },
    severity: 'shortfall',
    unit: `Công an xã ${unit}`,
    period,
    status,
    sheet: 'Toàn tỉnh',
    cell: `C${unit + 1}`,
    inputs: [],
    actual: status === 'no-data' ? null : 1,
    target: 2,
    operator: 'greaterThanInclusive',
    gap: status === 'shortfall' ? 1 : status === 'met' ? 0 : null,
    fact: rule.id,
    factLabel: { vi: rule.vi, en: rule.en },
    factUnit: '',
    message: { vi: `lý do ${unit} ${period} ${rule.id}`, en: `reason ${unit} ${period} ${rule.id}` },
  };
}

/** Unit u, month m: the first rule falls short for units divisible by 3 (twice for units divisible by 9: both rules), no data for units divisible by 5. */
function findings(units: number): Finding[] {
  const out: Finding[] = [];
  for (let u = 1; u <= units; u++) {
    for (const m of ['01/2025', '02/2025']) {
      out.push(finding(u, m, RULES[0], u % 3 === 0 ? 'shortfall' : 'met'));
      out.push(finding(u, m, RULES[1], u % 9 === 0 ? 'shortfall' : u % 5 === 0 ? 'no-data' : 'met'));
    }
  }
  return out;
}

const TABLE: IndicatorTable = { sheet: 'Toàn tỉnh', layout: 'C', anchor: 'A1', units: [], observations: [], problems: [] };

describe('the console summary of a large check', () => {
  const all = findings(600); // 2,400 findings
  const count = (s: FindingStatus) => all.filter((f) => f.status === s).length;

  it('is used from COMPACT_REPORT_FROM findings on, and a table per unit below', () => {
    expect(consoleReport('a.xlsx', [TABLE], all.slice(0, COMPACT_REPORT_FROM - 1), 'vi')).toMatch(/^■ /m);
    expect(consoleReport('a.xlsx', [TABLE], all.slice(0, COMPACT_REPORT_FROM), 'vi')).not.toMatch(/^■ /m);
  });

  it('in Vietnamese: counts per target, the units with most shortfalls, the first shortfalls, where the rest is, the usual totals', () => {
    const text = consoleReport('a.xlsx', [TABLE], all, 'vi');
    const lines = text.split('\n');
    expect(lines[0]).toBe('Sổ: a.xlsx');
    expect(text).toContain('2.400 kết quả của 1.200 đơn vị (hoặc đơn vị và kỳ), quá nhiều để in từng đơn vị');
    expect(text).toContain('--json');
    const row = (title: string) =>
      lines
        .find((l) => l.trimStart().startsWith(title))
        ?.trim()
        .split(/\s{2,}/);
    expect(row('Giảm số vụ')).toEqual(['Giảm số vụ', '800', '400', '0']);
    // Units divisible by 9 (66) fall short, by 5 but not 9 (107) have no data, in both months.
    expect(row('Tỷ lệ khám phá')).toEqual(['Tỷ lệ khám phá', String(1200 - 132 - 214), '132', '214']);
    // Units 9, 18, … fall short on both targets in each month: they lead the list, first met first.
    expect(text).toContain(
      'Đơn vị có nhiều chỉ tiêu chưa đạt nhất (400 đơn vị có chỉ tiêu chưa đạt):\n  Công an xã 9 — 01/2025: 2 chưa đạt\n  Công an xã 9 — 02/2025: 2 chưa đạt',
    );
    expect(text).toContain('20 chỉ tiêu chưa đạt đầu tiên:\n  ✗ Công an xã 3 — 01/2025 · Giảm số vụ (Toàn tỉnh!C4): lý do 3 01/2025 cases-down');
    expect(text).toContain(`  … và ${(count('shortfall') - 20).toLocaleString('de-DE')} chỉ tiêu chưa đạt khác.`);
    expect(lines[lines.length - 1]).toBe(`Tổng cộng: ${count('met')} đạt, ${count('shortfall')} chưa đạt, ${count('no-data')} không có số liệu.`);
    expect(lines.length).toBeLessThan(60);
  });

  it('in English', () => {
    const text = consoleReport('a.xlsx', [TABLE], all, 'en');
    expect(text).toContain('2,400 findings for 1,200 units (or units and periods), too many to print unit by unit');
    expect(text).toContain('By target:');
    expect(text).toContain('Units with the most shortfalls (400 units have a shortfall):');
    expect(text).toContain('The first 20 shortfalls:\n  ✗ Công an xã 3 — 01/2025 · Fewer cases (Toàn tỉnh!C4): reason 3 01/2025 cases-down');
    expect(text.split('\n').pop()).toBe(`Total: ${count('met')} met, ${count('shortfall')} shortfall, ${count('no-data')} no data.`);
  });

  it('names the reviews whose figures changed since, and counts the rest', () => {
    const review = (f: Finding): Review => ({
      ruleId: f.ruleId,
      unit: f.unit,
      period: f.period,
      status: 'accepted',
      comment: 'Đã giải trình',
      reviewer: 'Nguyễn Văn A',
      time: '2026-11-05T03:00:00.000Z',
      findingStatus: f.status,
      inputsDigest: 'sha256:x',
      inputs: [],
    });
    const states = new Map<Finding, ReviewState>();
    states.set(all[4], { review: review(all[4]), changed: false, changes: [] });
    states.set(all[8], {
      review: review(all[8]),
      changed: true,
      changes: [{ indicator: 'cases', period: 'current', sheet: 'Toàn tỉnh', cell: 'C4', before: { value: 10, shown: '10' }, now: { value: 12, shown: '12' } }],
    });
    const text = consoleReport('a.xlsx', [TABLE], all, 'vi', states);
    expect(text).toContain('Xét duyệt: 2 kết quả đã được xét duyệt, 1 đã thay đổi sau khi xét duyệt.');
    expect(text).toContain(`  ${all[8].unit} — ${all[8].period}\n    ✎ ${all[8].title.vi}: Chấp nhận — Nguyễn Văn A`);
    expect(text).toContain('⚠ đã thay đổi sau khi xét duyệt (Toàn tỉnh!C4: 10 → 12)');
    expect(text).not.toContain(`  ${all[4].unit} — ${all[4].period}\n    ✎`);
  });
});
