import { figuresByUnit } from '../../src/evaluate/unitFacts';
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
    const cells = (u: number, ind: string, p: PeriodRole) => units[u].byIndicator.get(ind)?.[p].map((o) => o.cell);
    expect(units.map((u) => u.unit)).toEqual(['A', 'B']);
    expect(cells(0, 'x', 'current')).toEqual(['D2', 'D9']);
    expect(cells(0, 'x', 'baseline')).toEqual(['C2', 'C9']);
    expect(cells(1, 'x', 'current')).toEqual(['D3']);
    expect(cells(1, 'x', 'baseline')).toEqual([]);
    expect(cells(1, 'y', 'current')).toEqual([]);
    expect(cells(1, 'y', 'baseline')).toEqual(['C10']);
  });
});
