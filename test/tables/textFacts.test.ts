import { cellError, cellText, CellValue } from '../../src/grid/cell';
import { defaultPack } from '../../src/packs/builtinPacks';
import { findIndicatorTables } from '../../src/tables/findIndicatorTables';
import { LabelMatcher } from '../../src/tables/labelMatcher';
import { classifyHeader, isFillerOnly } from '../../src/tables/periods';
import { SheetView } from '../../src/tables/sheetView';
import { isYearFigure, textFacts } from '../../src/tables/textFacts';
import { sheet, workbook } from '../helpers/grid';

/** The facts remembered per text and per figure say what the functions they stand for say. */
describe('text facts', () => {
  it('a figure is a period heading exactly when its text is one', () => {
    const figures: number[] = [];
    for (let n = -2200; n <= 2200; n++) figures.push(n);
    figures.push(12.2024, 2024.5, 0.5, -0.25, 1.9e3, 19999, 20000, 1e21, 2e21, 1e-7, 3.14159, 20.25, 1900.0001);
    for (const n of figures) {
      const k = classifyHeader(cellText(n));
      const expected = k.kind === 'period' && isFillerOnly(k.mention.rest);
      expect([n, isYearFigure(n)]).toEqual([n, expected]);
      // Asked twice: the remembered answer is the same.
      expect(isYearFigure(n)).toBe(expected);
    }
  });

  it('a text seen again gives the same facts', () => {
    for (const t of ['Cùng kỳ năm 2024', 'Nội dung chỉ tiêu', 'STT', 'Trong tháng', 'Thực hiện', '01/2025', 'Công an xã số 1', 'Kế hoạch năm 2025']) {
      expect(textFacts(t)).toBe(textFacts(t));
    }
    expect(textFacts('Cùng kỳ năm 2024')).toMatchObject({ fillerPeriod: true, labelHeader: false });
    expect(textFacts('01/2025')).toMatchObject({ fillerPeriod: false });
    expect(textFacts('Nội dung chỉ tiêu')).toMatchObject({ labelHeader: true, fillerPeriod: false });
    expect(textFacts('Trong tháng')).toMatchObject({ periodWords: true });
    expect(textFacts('TT')).toMatchObject({ sttHeader: true });
  });
});

describe('sheet view: the columns a row shows', () => {
  it('lists the same cells whether the row is walked by index or by its keys', () => {
    const far: CellValue[] = [];
    far[2] = 'Số vụ';
    far[5] = 0;
    far[9] = '   ';
    far[300] = 'xa';
    far[16383] = false;
    const s = sheet('S', [['a', null, '', '  ', 0, false, cellError('#N/A'), 'b'], [null, null, 12.5], []]);
    const rows = [...s.rows, far];
    const view = new SheetView({ ...s, rows });
    expect(view.cellCols(0)).toEqual([0, 4, 5, 7]);
    expect(view.cellCols(1)).toEqual([2]);
    expect(view.cellCols(2)).toEqual([]);
    expect(view.cellCols(3)).toEqual([2, 5, 300, 16383]);
    expect(view.text(0, 4)).toBe('0');
    expect(view.text(1, 2)).toBe('12.5');
  });
});

describe('a header of one row with few periods', () => {
  const matcher = new LabelMatcher(defaultPack());

  it('one period column beside a label heading is still a table', () => {
    const g = workbook(sheet('Báo cáo', [['CÔNG AN TỈNH THANH HÓA'], [], ['STT', 'Nội dung chỉ tiêu', 'Năm 2025'], ['1', 'Số vụ phạm pháp hình sự', 1180]]));
    const [t] = findIndicatorTables(g, matcher);
    expect([...t.observations].map((o) => [o.cell, o.period, o.value])).toEqual([['C4', 'current', 1180]]);
  });

  it('rows of figures with a month and a year in them are data, not headers', () => {
    const rows: CellValue[][] = [['Đơn vị', 'Tháng', 'Số vụ PPHS năm 2024', 'Số vụ PPHS năm 2025']];
    for (let u = 1; u <= 3; u++) for (let m = 1; m <= 2; m++) rows.push([`Công an xã số ${u}`, `0${m}/2025`, 2024, 10 * u + m]);
    const [t, ...more] = findIndicatorTables(workbook(sheet('Toàn quốc', rows)), matcher);
    expect(more).toEqual([]);
    expect(t.layout).toBe('C');
    expect(t.units).toEqual(['Công an xã số 1', 'Công an xã số 2', 'Công an xã số 3']);
    expect(t.observations).toHaveLength(12);
    expect(t.observations.at(1)!).toMatchObject({ unit: 'Công an xã số 1', subjectPeriod: '01/2025', period: 'current', cell: 'D2', value: 11 });
  });
});
