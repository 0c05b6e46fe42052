import { CompactFindings, FindingFields } from '../../src/evaluate/compactFindings';
import { FigureInput, samePlace } from '../../src/evaluate/figureInput';
import { FindingInput } from '../../src/evaluate/finding';
import { columnName } from '../../src/grid/address';
import { CellValue, showCell } from '../../src/grid/cell';
import { ColumnFigure, FigureColumn } from '../../src/tables/columnFigure';
import { figureOf } from '../../src/tables/figures';

function column(col: number, period: 'current' | 'baseline' = 'current'): FigureColumn {
  return { indicator: 'so_vu', period, periodLabel: 'Năm 2025', label: 'Số vụ', sheet: 'Tổng hợp', col, letters: columnName(col) };
}

const figure = (raw: CellValue, col = 2, row = 4) => new ColumnFigure('Công an huyện A', undefined, raw, figureOf(raw), column(col), row);

/** The plain input the evaluator made of every figure before FigureInput (its reference). */
function plainInput(o: ColumnFigure): FindingInput {
  return { indicator: o.indicator, period: o.period, sheet: o.sheet, cell: o.cell, value: o.value ?? null, shown: showCell(o.raw) };
}

const RAWS: CellValue[] = [12, 0, -0, 2.5, 1e21, '1.234', '12,5', ' 7 ', 'chưa thống kê', '', null, { error: '#DIV/0!' }, true, NaN];

describe('FigureInput', () => {
  it('says what the plain input said, field for field, for every kind of cell', () => {
    for (const raw of RAWS) {
      const o = figure(raw);
      const x = new FigureInput(o);
      const plain = plainInput(o);
      expect([raw, x.toJSON()]).toEqual([raw, plain]);
      expect(JSON.stringify(x)).toBe(JSON.stringify(plain));
      expect([raw, x.indicator, x.period, x.sheet, x.cell, x.value, x.shown, x.pledged]).toEqual([raw, ...Object.values(plain), undefined]);
      // Told without spelling: the same answer the columns once had from the strings.
      expect([raw, x.shownIsValue]).toEqual([raw, plain.value !== null && plain.shown === String(plain.value)]);
    }
  });

  it('knows two inputs of one cell, whether figures or plain', () => {
    const a = new FigureInput(figure(1, 2, 4));
    expect(samePlace(a, new FigureInput(figure(2, 2, 4)))).toBe(true);
    expect(samePlace(a, new FigureInput(figure(1, 3, 4)))).toBe(false);
    expect(samePlace(a, new FigureInput(figure(1, 2, 5)))).toBe(false);
    expect(samePlace(a, plainInput(figure(1, 2, 4)))).toBe(true);
    expect(samePlace(plainInput(figure(1, 2, 4)), a)).toBe(true);
  });

  it('is kept by the findings as the plain input would be, beyond the usual columns too', () => {
    const fieldsOf = (inputs: FindingInput[]): FindingFields => ({
      rule: { render: () => '', ruleId: 'r', title: { vi: 'T', en: 'T' }, severity: 'shortfall' },
      unit: 'Công an huyện A',
      period: undefined,
      status: 'shortfall',
      sheet: 'Tổng hợp',
      cell: 'C5',
      inputs,
      actual: 1,
      target: 2,
      gap: -1,
      comparedAs: { fact: 'so_vu', operator: null, factLabel: { vi: 'Số vụ', en: 'Cases' }, factUnit: 'vụ' },
      noData: undefined,
      pledgedInWorkbook: undefined,
    });
    const figures = [...RAWS.map((raw, i) => figure(raw, i, i * 1000)), figure(5, 16383, 9_999_998), figure(5, 16384, 3), figure(5, 2, 10_000_000)];
    const byFigure = new CompactFindings();
    const byPlain = new CompactFindings();
    byFigure.add(fieldsOf(figures.map((o) => new FigureInput(o))));
    byPlain.add(fieldsOf(figures.map(plainInput)));
    expect(byFigure.at(0)!.inputs).toEqual(byPlain.at(0)!.inputs);
    expect(byFigure.at(0)!.inputs.map((x) => x.cell)).toContain('XFE4');
  });
});
