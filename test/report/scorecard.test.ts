import { Finding, FindingStatus } from '../../src/evaluate/finding';
import { RulePack, Severity } from '../../src/packs/rulePack';
import { orderPeriods } from '../../src/report/periodOrder';
import { buildScorecard } from '../../src/report/scorecard';

const l = (s: string) => ({ vi: s, en: s });

function pack(rules: Array<{ id: string; severity?: Severity; weight?: number }>): RulePack {
  return {
    id: 'cum-x',
    version: '1.2.0',
    title: l('Cụm X'),
    basedOn: [{ id: 'default', version: '1.0.0' }],
    indicators: {},
    rules: rules.map((r) => ({ ...r, title: l(r.id), conditions: { all: [] } })),
  };
}

function f(unit: string, ruleId: string, status: FindingStatus, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    title: l(ruleId),
    severity: 'shortfall',
    unit,
    status,
    sheet: 'S',
    cell: 'A1',
    inputs: [],
    actual: status === 'no-data' ? null : 1,
    target: 1,
    operator: 'equal',
    gap: 0,
    fact: 'x',
    factLabel: l('x'),
    factUnit: '',
    message: l(''),
    ...extra,
  };
}

describe('scorecard: points, ranks, counts', () => {
  const p = pack([{ id: 'a' }, { id: 'b', weight: 2 }, { id: 'c' }, { id: 'soft', severity: 'warning', weight: 5 }]);

  it('scores met binding targets by weight; no data, not reported and soft targets score nothing', () => {
    const sc = buildScorecard(p, [
      {
        workbook: 'a.xlsx',
        findings: [
          f('Đơn vị 1', 'a', 'met'),
          f('Đơn vị 1', 'b', 'met'),
          f('Đơn vị 1', 'c', 'no-data'),
          f('Đơn vị 1', 'soft', 'met', { severity: 'warning' }),
          f('Đơn vị 2', 'a', 'met'),
          f('Đơn vị 2', 'b', 'shortfall'),
          f('Đơn vị 2', 'soft', 'shortfall', { severity: 'warning' }),
        ],
      },
    ]);
    expect(sc.maxPoints).toBe(4);
    expect(sc.targets.map((t) => [t.ruleId, t.weight, t.scored])).toEqual([
      ['a', 1, true],
      ['b', 2, true],
      ['c', 1, true],
      ['soft', 5, false],
    ]);
    const [one, two] = sc.rows;
    expect(one).toMatchObject({ unit: 'Đơn vị 1', points: 3, percent: 75, rank: 1, counts: { met: 3, shortfall: 0, warning: 0, noData: 1, notReported: 0 } });
    expect(two).toMatchObject({ unit: 'Đơn vị 2', points: 1, percent: 25, rank: 2, counts: { met: 1, shortfall: 1, warning: 1, noData: 0, notReported: 1 } });
    expect(two.cells.map((c) => c.status)).toEqual(['met', 'shortfall', 'not-reported', 'warning']);
    expect(sc.pack).toEqual({ id: 'cum-x', version: '1.2.0', title: l('Cụm X'), basedOn: [{ id: 'default', version: '1.0.0' }] });
  });

  it('ties share a rank and the next rank skips (1, 2, 2, 4); fractional weights tie exactly', () => {
    const q = pack([
      { id: 'x', weight: 0.1 },
      { id: 'y', weight: 0.2 },
      { id: 'z', weight: 0.3 },
    ]);
    const sc = buildScorecard(q, [
      { workbook: 'w', findings: [f('A', 'x', 'met'), f('A', 'y', 'met'), f('A', 'z', 'met')] },
      { workbook: 'w2', findings: [f('B', 'x', 'met'), f('B', 'y', 'met')] },
      { workbook: 'w3', findings: [f('C', 'z', 'met')] },
      { workbook: 'w4', findings: [f('D', 'x', 'met')] },
    ]);
    expect(sc.rows.map((r) => [r.unit, r.points, r.rank, r.rankedWith])).toEqual([
      ['A', 0.6, 1, 4],
      ['B', 0.3, 2, 4],
      ['C', 0.3, 2, 4],
      ['D', 0.1, 4, 4],
    ]);
  });

  it('the same unit from two workbooks keeps two rows, each saying where else it is', () => {
    const sc = buildScorecard(p, [
      { workbook: 'x/2024.xlsx', findings: [f('Công an tỉnh Thanh Hóa', 'a', 'met')] },
      { workbook: 'y/2025.xlsx', findings: [f('Công an tỉnh Thanh Hóa'.normalize('NFD'), 'a', 'shortfall')] },
    ]);
    expect(sc.rows.map((r) => [r.workbook, r.alsoIn])).toEqual([
      ['x/2024.xlsx', ['y/2025.xlsx']],
      ['y/2025.xlsx', ['x/2024.xlsx']],
    ]);
  });

  it('one row per unit however its findings are spelt or interleaved; a target listed twice reads its finding twice', () => {
    const q = pack([{ id: 'a' }, { id: 'b' }, { id: 'a' }]);
    const nfd = 'Công an xã Ả'.normalize('NFD');
    const sc = buildScorecard(q, [
      {
        workbook: 'w',
        findings: [
          f('Công an xã Ả', 'a', 'met'),
          f(nfd, 'b', 'met'),
          f('Ba', 'a', 'shortfall'),
          f(' công an  XÃ ả', 'a', 'shortfall'), // the worse finding for the same target stands
          f('Ba', 'unknown-rule', 'met'),
          f('Chưa có', 'unknown-rule', 'met'), // a unit with no finding for the pack's targets still has its row
        ],
      },
    ]);
    expect(sc.rows.map((r) => [r.unit, r.cells.map((c) => c.status), r.points, r.rank])).toEqual([
      ['Công an xã Ả', ['shortfall', 'met', 'shortfall'], 1, 1],
      ['Ba', ['shortfall', 'not-reported', 'shortfall'], 0, 2],
      ['Chưa có', ['not-reported', 'not-reported', 'not-reported'], 0, 2],
    ]);
    expect(sc.rows[0].cells[0].finding?.unit).toBe(' công an  XÃ ả');
    expect(sc.rows[0].cells[2].finding).toBe(sc.rows[0].cells[0].finding);
  });

  it('equal points rank in Vietnamese alphabetical order, names equal but for their Unicode form keep their order', () => {
    const sc = buildScorecard(p, [
      { workbook: 'w1', findings: [f('Đà Nẵng', 'a', 'met'), f('Dương', 'a', 'met'), f('Ấp', 'a', 'met'), f('Ăn', 'a', 'met'), f('An', 'a', 'met')] },
      { workbook: 'w2', findings: [f('Đà Nẵng'.normalize('NFD'), 'a', 'met'), f('Zeta', 'a', 'met')] },
    ]);
    expect(sc.rows.map((r) => [r.unit.normalize('NFC'), r.workbook])).toEqual([
      ['An', 'w1'],
      ['Ăn', 'w1'],
      ['Ấp', 'w1'],
      ['Dương', 'w1'],
      ['Đà Nẵng', 'w1'],
      ['Đà Nẵng', 'w2'],
      ['Zeta', 'w2'],
    ]);
    expect(sc.rows.map((r) => r.rank)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('with periods: ranked within each period, in time order, with the trend of each unit', () => {
    const sc = buildScorecard(p, [
      {
        workbook: 'thang.xlsx',
        findings: [
          f('A', 'a', 'met', { period: '02/2025' }),
          f('A', 'b', 'shortfall', { period: '02/2025' }),
          f('B', 'a', 'met', { period: '02/2025' }),
          f('B', 'b', 'met', { period: '02/2025' }),
          f('A', 'a', 'met', { period: '01/2025' }),
          f('A', 'b', 'met', { period: '01/2025' }),
          f('B', 'a', 'shortfall', { period: '01/2025' }),
        ],
      },
    ]);
    expect(sc.periods).toEqual(['01/2025', '02/2025']);
    expect(sc.rows.map((r) => [r.period, r.unit, r.points, r.rank])).toEqual([
      ['01/2025', 'A', 3, 1],
      ['01/2025', 'B', 0, 2],
      ['02/2025', 'B', 3, 1],
      ['02/2025', 'A', 1, 2],
    ]);
    expect(sc.trends.map((t) => [t.unit, t.steps.map((s) => s.points), t.direction])).toEqual([
      ['A', [3, 1], 'down'],
      ['B', [0, 3], 'up'],
    ]);
  });
});

describe('period order', () => {
  it('reads months, quarters, half-years and years; otherwise keeps the sheet order', () => {
    expect(orderPeriods(['02/2025', 'Tháng 1/2025', '12/2024'])).toEqual(['12/2024', 'Tháng 1/2025', '02/2025']);
    expect(orderPeriods(['6 tháng 2025', 'Quý I năm 2025', 'Năm 2024'])).toEqual(['Năm 2024', 'Quý I năm 2025', '6 tháng 2025']);
    expect(orderPeriods(['Đợt 2', 'Đợt 1'])).toEqual(['Đợt 2', 'Đợt 1']);
  });
});
