import { computeFact, figuresByUnit, UnitGroups } from '../../src/evaluate/unitFacts';
import { defaultPack } from '../../src/packs/builtinPacks';
import { RulePack } from '../../src/packs/rulePack';
import { ColumnTableFigures } from '../../src/tables/columnTableFigures';
import { IndicatorTable, Observation } from '../../src/tables/indicatorTable';
import { PeriodRole } from '../../src/tables/periods';

/** An observation as a table gives it; only what figuresByUnit reads matters here. */
function obs(unit: string, indicator: string, period: PeriodRole, cell: string, value: number): Observation {
  return { unit, indicator, period, periodLabel: period, label: indicator, sheet: 'S', cell, raw: value, value };
}

function table(observations: Observation[]): IndicatorTable {
  return { observations } as unknown as IndicatorTable;
}

describe('figuresByUnit', () => {
  test('each period keeps its own figures, in order, however they come; a period with none stays empty', () => {
    const units = figuresByUnit([
      table([obs('A', 'x', 'baseline', 'C2', 1), obs('A', 'x', 'current', 'D2', 2), obs('B', 'x', 'current', 'D3', 3)]),
      // The same unit again on another table: a second figure for each period of A, a baseline for B.
      table([obs('A', 'x', 'current', 'D9', 4), obs('A', 'x', 'baseline', 'C9', 5), obs('B', 'y', 'baseline', 'C10', 6)]),
    ]);
    const cells = (u: number, ind: string, p: PeriodRole) => units[u].list(ind, p).map((o) => o.cell);
    expect(units.map((u) => u.unit)).toEqual(['A', 'B']);
    expect(cells(0, 'x', 'current')).toEqual(['D2', 'D9']);
    expect(cells(0, 'x', 'baseline')).toEqual(['C2', 'C9']);
    expect(cells(1, 'x', 'current')).toEqual(['D3']);
    expect(cells(1, 'x', 'baseline')).toEqual([]);
    expect(cells(1, 'y', 'current')).toEqual([]);
    expect(cells(1, 'y', 'baseline')).toEqual(['C10']);
    expect(cells(1, 'z', 'current')).toEqual([]);
    expect([units[0].has('x'), units[0].has('y'), units[1].has('y'), units[1].has('z')]).toEqual([true, false, true, false]);
  });
});

describe('UnitGroups cursor', () => {
  // A layout C table of two units, four figure columns each; cells are counted as they are read.
  const column = (indicator: string, period: PeriodRole, col: number) => ({
    indicator,
    period,
    periodLabel: period,
    label: indicator,
    sheet: 'S',
    letters: String.fromCharCode(65 + col),
    col,
  });
  const reads: string[] = [];
  const figures = new ColumnTableFigures(
    (row, col) => {
      reads.push(`${row}:${col}`);
      return row * 10 + col;
    },
    [column('x', 'current', 1), column('x', 'baseline', 2), column('y', 'current', 3), column('x', 'current', 4)],
    Int32Array.from([5, 6]),
    ['A', 'B'],
    undefined,
  );
  const groups = new UnitGroups([table(figures as unknown as Observation[])]);

  test('makes a figure only when a target reads it, once per subject however often it is read', () => {
    reads.length = 0;
    const cursor = groups.cursor();
    cursor.moveTo(1);
    expect(reads).toEqual([]);
    expect([cursor.unit, cursor.has('x'), cursor.has('y'), cursor.has('z')]).toEqual(['B', true, true, false]);
    const first = cursor.list('x', 'current');
    expect(first.map((o) => [o.cell, o.value])).toEqual([
      ['B7', 61],
      ['E7', 64],
    ]);
    expect(cursor.list('x', 'current')[0]).toBe(first[0]);
    expect(reads).toEqual(['6:1', '6:4']);
    // Moving on forgets the last subject's figures.
    cursor.moveTo(0);
    expect(cursor.list('y', 'current').map((o) => o.cell)).toEqual(['D6']);
    expect(cursor.list('x', 'baseline').map((o) => o.value)).toEqual([52]);
  });
});

describe('computeFact, its figures read into reads written over fact after fact', () => {
  const obs = (indicator: string, period: 'current' | 'baseline', cell: string, raw: number | string | null) => ({
    unit: 'Công an tỉnh A',
    indicator,
    period,
    periodLabel: period === 'current' ? 'Năm 2025' : 'Năm 2024',
    label: indicator,
    sheet: 'S',
    cell,
    raw,
    value: typeof raw === 'number' ? raw : undefined,
  });
  const figures = (list: ReturnType<typeof obs>[]) => ({
    unit: 'Công an tỉnh A',
    sheet: 'S',
    has: (i: string) => list.some((o) => o.indicator === i),
    list: (i: string, p: 'current' | 'baseline') => list.filter((o) => o.indicator === i && o.period === p),
  });
  const pack = {
    ...defaultPack(),
    facts: {
      total: { sum: ['a', 'b', 'c'] },
      pair: { sum: ['a', 'b'] },
      change: { changePercent: 'a' },
      ratio: { ratioPercent: ['a', 'b'] as [string, string] },
    },
  } as unknown as RulePack;

  it('gives each fact from its own figures, whatever was computed before it', () => {
    const u = figures([obs('a', 'current', 'B2', 10), obs('b', 'current', 'C2', 5), obs('a', 'baseline', 'B3', 8), obs('c', 'current', 'D2', null)]);
    const total = computeFact(pack, u, 'total');
    const pair = computeFact(pack, u, 'pair');
    const change = computeFact(pack, u, 'change');
    const ratio = computeFact(pack, u, 'ratio');
    const plain = computeFact(pack, u, 'a');
    expect([total.value, total.inputs.map((i) => i.cell), total.noData]).toEqual([undefined, ['B2', 'C2', 'D2'], { kind: 'blank', cell: 'D2', shown: '' }]);
    expect([pair.value, pair.inputs.map((i) => i.cell), pair.noData]).toEqual([15, ['B2', 'C2'], undefined]);
    expect([change.value, change.inputs.map((i) => i.cell), change.noData]).toEqual([25, ['B2', 'B3'], undefined]);
    expect([ratio.value, ratio.inputs.map((i) => i.cell), ratio.noData]).toEqual([200, ['B2', 'C2'], undefined]);
    expect([plain.value, plain.inputs.map((i) => i.cell), plain.noData]).toEqual([10, ['B2'], undefined]);
    // A shorter fact after a longer one reads none of the longer one's figures.
    const missing = computeFact(pack, figures([obs('b', 'current', 'C2', 5)]), 'change');
    expect([missing.value, missing.inputs, missing.noData]).toEqual([undefined, [], { kind: 'no-period', indicator: 'a', period: 'current' }]);
  });
});
