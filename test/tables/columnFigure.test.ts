import { defaultPack } from '../../src/packs/builtinPacks';
import { findIndicatorTables } from '../../src/tables/findIndicatorTables';
import { LabelMatcher } from '../../src/tables/labelMatcher';
import { Observation, Observations } from '../../src/tables/indicatorTable';
import { ColumnTableFigures, FigurePlace, forEachSubjectRun } from '../../src/tables/columnTableFigures';
import { parseA1 } from '../../src/grid/address';
import { sheet, workbook } from '../helpers/grid';

const matcher = new LabelMatcher(defaultPack());

/** Every field of an observation, read as the evaluation reads them. */
const fields = (o: Observation) => ({
  unit: o.unit,
  subjectPeriod: o.subjectPeriod,
  indicator: o.indicator,
  period: o.period,
  periodLabel: o.periodLabel,
  label: o.label,
  sheet: o.sheet,
  cell: o.cell,
  raw: o.raw,
  value: o.value,
  merged: o.merged,
  pledged: o.pledged,
});

/** Two units, the second's two figures one merged area. */
const mergedTable = () =>
  workbook(
    sheet(
      'Cụm',
      [
        ['Đơn vị', 'Số vụ PPHS năm 2024', 'Số vụ PPHS năm 2025'],
        ['Công an xã A', 12, 10],
        ['Công an xã B', 7, null],
      ],
      { merges: ['B3:C3'] },
    ),
  );

/** A unit's current-period row with its baseline row below it. */
const pairedTable = () =>
  workbook(
    sheet('Kỳ', [
      ['Đơn vị', 'Kỳ', 'Số vụ PPHS', 'Số vụ TNGT'],
      ['Công an xã A', 'Năm 2025', 10, 3],
      ['Công an xã A', 'Năm 2024', 12, 4],
    ]),
  );

/** A plain observation's own fields, in the order a table's figures always had them. */
const OWN_FIELDS = ['unit', 'subjectPeriod', 'indicator', 'period', 'periodLabel', 'label', 'sheet', 'cell', 'raw', 'value'];

describe('figures of a table with a unit per row', () => {
  it('read every field of their column, and a merged figure keeps them all', () => {
    const g = mergedTable();
    const [t] = findIndicatorTables(g, matcher);
    expect([...t.observations].map(fields)).toEqual([
      {
        ...base('Công an xã A', 'B2', 12, 12),
        indicator: 'criminal-cases',
        period: 'baseline',
        periodLabel: 'Số vụ PPHS năm 2024',
        label: 'Số vụ PPHS năm 2024',
      },
      {
        ...base('Công an xã A', 'C2', 10, 10),
        indicator: 'criminal-cases',
        period: 'current',
        periodLabel: 'Số vụ PPHS năm 2025',
        label: 'Số vụ PPHS năm 2025',
      },
      {
        ...base('Công an xã B', 'B3', 7, undefined),
        indicator: 'criminal-cases',
        period: 'baseline',
        periodLabel: 'Số vụ PPHS năm 2024',
        label: 'Số vụ PPHS năm 2024',
        merged: 'B3:C3',
      },
      {
        ...base('Công an xã B', 'C3', null, undefined),
        indicator: 'criminal-cases',
        period: 'current',
        periodLabel: 'Số vụ PPHS năm 2025',
        label: 'Số vụ PPHS năm 2025',
        merged: 'B3:C3',
      },
    ]);
    // A figure changed by the reader is a whole observation of its own, with its fields in their usual order.
    expect(Object.keys(t.observations.at(2)!)).toEqual([...OWN_FIELDS, 'merged']);
  });

  it('a baseline row paired with its current row keeps every field', () => {
    const g = pairedTable();
    const [t] = findIndicatorTables(g, matcher);
    const row = (cell: string, indicator: string, label: string, period: string, periodLabel: string, v: number) => ({
      ...base('Công an xã A', cell, v, v),
      subjectPeriod: 'Năm 2025',
      indicator,
      label,
      period,
      periodLabel,
      sheet: 'Kỳ',
    });
    expect([...t.observations].map(fields)).toEqual([
      row('C2', 'criminal-cases', 'Số vụ PPHS', 'current', '', 10),
      row('D2', 'traffic-accidents', 'Số vụ TNGT', 'current', '', 3),
      row('C3', 'criminal-cases', 'Số vụ PPHS', 'baseline', 'Năm 2024', 12),
      row('D3', 'traffic-accidents', 'Số vụ TNGT', 'baseline', 'Năm 2024', 4),
    ]);
    expect(Object.keys(t.observations.at(2)!)).toEqual(OWN_FIELDS);
  });
});

describe('a unit-per-row table read by position and in order', () => {
  const g = workbook(
    sheet('Cụm', [
      ['Đơn vị', 'Số vụ PPHS năm 2024', 'Số vụ PPHS năm 2025'],
      ['Công an xã A', 12, 10],
      ['Công an xã B', '7', 'chưa thống kê'],
    ]),
  );
  const [t] = findIndicatorTables(g, matcher);

  it('gives the same figures both ways, and nothing past either end', () => {
    const list = t.observations;
    expect(list.length).toBe(4);
    expect([...list].map(fields)).toEqual(Array.from({ length: 4 }, (_, i) => fields(list.at(i)!)));
    expect([...list].map((o) => [o.cell, o.value])).toEqual([
      ['B2', 12],
      ['C2', 10],
      ['B3', 7],
      ['C3', undefined],
    ]);
    // Positions mean what they mean to an array's `at`.
    const asArray = [...list];
    for (const i of [-5, -1, 4, 1.5, -0.5, NaN, Infinity])
      expect(fields(list.at(i) ?? ({} as Observation))).toEqual(fields(asArray.at(i) ?? ({} as Observation)));
    expect(list.at(4)).toBeUndefined();
    expect(list.at(-5)).toBeUndefined();
    // Read twice, a figure is equal, not a kept object: nothing of the table outlives its reader's hold.
    expect(fields(list.at(2)!)).toEqual(fields(list.at(2)!));
  });

  it('makes the figures from the sheet, the cells as they are now', () => {
    expect(t.observations.at(0)!.raw).toBe(12);
    expect(t.observations.at(3)!.raw).toBe('chưa thống kê');
  });
});

function base(unit: string, cell: string, raw: number | null, value: number | undefined) {
  return { unit, subjectPeriod: undefined, sheet: 'Cụm', cell, raw, value, merged: undefined, pledged: undefined };
}

describe('runs of one subject', () => {
  const runsOf = (list: Observations) => {
    const out: Array<[number, number, string, string | undefined]> = [];
    forEachSubjectRun(list, (from, to, unit, period) => out.push([from, to, unit, period]));
    return out;
  };

  it("are the same read from a table's rows as from its figures, with and without figures read otherwise", () => {
    const plain = findIndicatorTables(
      workbook(
        sheet('Cụm', [
          ['Đơn vị', 'Số vụ PPHS năm 2024', 'Số vụ PPHS năm 2025'],
          ['Công an xã A', 12, 10],
          ['Công an xã A', 13, 11],
          ['Công an xã B', 7, 5],
        ]),
      ),
      matcher,
    )[0].observations;
    const paired = findIndicatorTables(
      workbook(
        sheet('Kỳ', [
          ['Đơn vị', 'Kỳ', 'Số vụ PPHS', 'Số vụ TNGT'],
          ['Công an xã A', 'Năm 2025', 10, 3],
          ['Công an xã A', 'Năm 2024', 12, 4],
          ['Công an xã B', 'Năm 2025', 8, 1],
        ]),
      ),
      matcher,
    )[0].observations;
    for (const list of [plain, paired]) {
      const fromFigures = runsOf([...list]);
      // An array's runs join rows of one subject; a table's are a row each: the same subjects in the same order.
      const subjects = (runs: ReturnType<typeof runsOf>) =>
        runs.flatMap(([from, to, unit, period]) => Array.from({ length: to - from }, () => `${unit}|${period}`));
      expect(subjects(runsOf(list))).toEqual(subjects(fromFigures));
      expect(subjects(fromFigures)).toEqual([...list].map((o) => `${o.unit}|${o.subjectPeriod}`));
    }
    expect(runsOf(plain)).toEqual([
      [0, 2, 'Công an xã A', undefined],
      [2, 4, 'Công an xã A', undefined],
      [4, 6, 'Công an xã B', undefined],
    ]);
    // The baseline row's current-period figures belong to the current row's period: read figure by figure.
    expect(runsOf(paired)).toEqual([
      [0, 4, 'Công an xã A', 'Năm 2025'],
      [4, 6, 'Công an xã B', 'Năm 2025'],
    ]);
  });
});

describe('places of figures', () => {
  const placeFields = (p: FigurePlace) => ({
    unit: p.unit,
    subjectPeriod: p.subjectPeriod,
    indicator: p.indicator,
    period: p.period,
    label: p.label,
    sheet: p.sheet,
    cell: p.cell,
  });

  it('are the figures’ own, with their column, in order; a merged or paired figure is given as itself', () => {
    const tables = [mergedTable(), pairedTable()].map((g) => findIndicatorTables(g, matcher)[0].observations);
    for (const list of tables) {
      expect(list).toBeInstanceOf(ColumnTableFigures);
      const places: Array<ReturnType<typeof placeFields> & { col: number }> = [];
      (list as ColumnTableFigures).forEachPlace((p) => places.push({ ...placeFields(p), col: p.col ?? parseA1(p.cell).col }));
      expect(places).toEqual([...list].map((o) => ({ ...placeFields(o), col: parseA1(o.cell).col })));
    }
  });
});
