import { Bindings, NO_BINDINGS } from '../../src/bindings/binding';
import { defaultPack } from '../../src/packs/builtinPacks';
import { ColumnFigure, FigureColumn } from '../../src/tables/columnFigure';
import { IndicatorTable, Observation } from '../../src/tables/indicatorTable';
import { PeriodRole } from '../../src/tables/periods';
import { readingOf } from '../../src/tables/workbookReading';

const pack = defaultPack();
const noGrid = { sheets: [] };

function column(indicator: string, period: PeriodRole, letters: string, label = 'Số vụ phạm pháp hình sự'): FigureColumn {
  const col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { indicator, period, periodLabel: period === 'current' ? 'Năm 2025' : 'Năm 2024', label, sheet: 'Tổng hợp', col, letters };
}

/** A units-as-rows table: each row's figures in the given columns, as the reader makes them. */
function unitRows(rows: Array<{ unit: string; period?: string }>, columns: FigureColumn[]): IndicatorTable {
  const observations: Observation[] = [];
  rows.forEach((r, i) => columns.forEach((c) => observations.push(new ColumnFigure(r.unit, r.period, 1, 1, c, i + 2))));
  return {
    sheet: 'Tổng hợp',
    layout: 'C',
    anchor: 'A2',
    units: rows.map((r) => r.unit),
    observations,
    problems: [],
    header: { rows: [1], columns: columns.map((c) => ({ cell: `${c.letters}2`, text: c.label, role: c.period, indicator: c.indicator })) },
  };
}

const outcome = (tables: IndicatorTable[], id: string) => readingOf('w.xlsx', noGrid, tables, pack, NO_BINDINGS).indicators.find((i) => i.id === id);

describe('readingOf: where each indicator was read, and whether it was read twice', () => {
  const units = Array.from({ length: 9 }, (_, i) => ({ unit: `Công an xã ${i + 1}` }));

  it('names each column by its heading, with its first six cells per period', () => {
    const r = outcome([unitRows(units, [column('criminal-cases', 'current', 'C'), column('criminal-cases', 'baseline', 'D')])], 'criminal-cases');
    expect(r?.outcome).toBe('found');
    expect(r?.sources).toEqual([
      { sheet: 'Tổng hợp', cell: 'C2', label: 'Số vụ phạm pháp hình sự', current: ['C3', 'C4', 'C5', 'C6', 'C7', 'C8'], baseline: [], bound: false },
      { sheet: 'Tổng hợp', cell: 'D2', label: 'Số vụ phạm pháp hình sự', current: [], baseline: ['D3', 'D4', 'D5', 'D6', 'D7', 'D8'], bound: false },
    ]);
  });

  it('two figures of one unit for one period are a duplicate, in one table or across two', () => {
    const twice = [column('criminal-cases', 'current', 'C'), column('criminal-cases', 'current', 'E')];
    expect(outcome([unitRows(units, twice)], 'criminal-cases')?.outcome).toBe('duplicate');
    const once = [column('criminal-cases', 'current', 'C')];
    expect(outcome([unitRows(units, once), unitRows(units.slice(8), once)], 'criminal-cases')?.outcome).toBe('duplicate');
    expect(outcome([unitRows(units.slice(0, 8), once), unitRows(units.slice(8), once)], 'criminal-cases')?.outcome).toBe('found');
  });

  it('a unit on several rows of its own periods (one row per unit and month) is no duplicate, unless a month repeats', () => {
    const months = ['01/2025', '02/2025', '03/2025'].flatMap((period) => units.slice(0, 3).map((u) => ({ ...u, period })));
    const cols = [column('criminal-cases', 'current', 'C'), column('criminal-cases', 'baseline', 'D')];
    expect(outcome([unitRows(months, cols)], 'criminal-cases')?.outcome).toBe('found');
    expect(outcome([unitRows([...months, months[4]], cols)], 'criminal-cases')?.outcome).toBe('duplicate');
  });

  it('says which sources a binding settled, and lists indicators with no figures as not found', () => {
    const label = 'Tổng số vụ';
    const bindings = new Bindings([{ kind: 'indicator', sheet: 'Tổng hợp', label, indicator: 'criminal-cases' }]);
    const table = unitRows(units, [column('criminal-cases', 'current', 'C', label), column('traffic-deaths', 'current', 'D')]);
    const reading = readingOf('w.xlsx', noGrid, [table], pack, bindings);
    const byId = new Map(reading.indicators.map((i) => [i.id, i]));
    expect(byId.get('criminal-cases')?.sources.map((s) => [s.cell, s.bound])).toEqual([['C2', true]]);
    expect(byId.get('traffic-deaths')?.sources.map((s) => [s.cell, s.bound])).toEqual([['D2', false]]);
    expect(byId.get('serious-cases')).toMatchObject({ outcome: 'not-found', sources: [], nearest: [] });
  });
});
