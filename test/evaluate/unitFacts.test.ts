import { figuresByUnit, UnitGroups } from '../../src/evaluate/unitFacts';
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
