import { defaultPack } from '../../src/packs/builtinPacks';
import { findIndicatorTables } from '../../src/tables/findIndicatorTables';
import { LabelMatcher } from '../../src/tables/labelMatcher';
import { cellError } from '../../src/grid/cell';
import { layoutA, sheet, workbook } from '../helpers/grid';

const matcher = new LabelMatcher(defaultPack());
const find = (g: Parameters<typeof findIndicatorTables>[0]) => findIndicatorTables(g, matcher);
const obs = (t: ReturnType<typeof find>[number], indicator: string, period: string, unit?: string) =>
  [...t.observations].find((o) => o.indicator === indicator && o.period === period && (unit === undefined || o.unit === unit));

describe('layout A: one unit report', () => {
  const grid = layoutA([
    ['I', 'TỘI PHẠM VỀ TRẬT TỰ XÃ HỘI'],
    ['Số vụ phạm pháp hình sự', '1.245', 1180],
    ['- Trong đó: đã điều tra khám phá', 1010, 968],
    ['II', 'TAI NẠN GIAO THÔNG'],
    ['Số người chết', 290, 261],
  ]);

  it('finds the table, its unit from the letterhead, and both periods', () => {
    const [t] = find(grid);
    expect(t.layout).toBe('A');
    expect(t.units).toEqual(['Công an tỉnh Thanh Hóa']);
    expect(obs(t, 'criminal-cases', 'baseline')).toMatchObject({ cell: 'D7', value: 1245 });
    expect(obs(t, 'criminal-cases', 'current')).toMatchObject({ cell: 'E7', value: 1180 });
    expect(obs(t, 'criminal-cases-cleared', 'current')).toMatchObject({ cell: 'E8', value: 968 });
    expect(obs(t, 'traffic-deaths', 'current')).toMatchObject({ cell: 'E10', value: 261 });
  });

  it('accepts the current period first', () => {
    const g = layoutA([['Số vụ phạm pháp hình sự', 1180, '1.245']], { header: ['Năm 2024', 'Năm 2023'] });
    const [t] = find(g);
    expect(obs(t, 'criminal-cases', 'current')).toMatchObject({ cell: 'D6', value: 1180 });
    expect(obs(t, 'criminal-cases', 'baseline')).toMatchObject({ cell: 'E6', value: 1245 });
  });

  it('understands "Kỳ báo cáo" / "Cùng kỳ" without years', () => {
    const g = layoutA([['Số vụ phạm pháp hình sự', 10, 9]], { header: ['Cùng kỳ', 'Kỳ báo cáo'] });
    const [t] = find(g);
    expect(obs(t, 'criminal-cases', 'current')?.cell).toBe('E6');
  });

  it('keeps no-data cells as observations without a value', () => {
    const g = layoutA([
      ['Số vụ phạm pháp hình sự', 'chưa thống kê', cellError('#DIV/0!')],
      ['Số vụ án oan', null, null],
    ]);
    const [t] = find(g);
    expect(obs(t, 'criminal-cases', 'current')?.value).toBeUndefined();
    expect(obs(t, 'criminal-cases', 'baseline')?.value).toBeUndefined();
    expect(obs(t, 'wrongful-convictions', 'current')).toMatchObject({ cell: 'E7', value: undefined });
  });

  it('stops at the signature block', () => {
    const g = layoutA([
      ['Số vụ phạm pháp hình sự', 10, 9],
      ['Nơi nhận:', null, null],
      ['Số vụ án oan', 0, 0],
    ]);
    const [t] = find(g);
    expect(obs(t, 'wrongful-convictions', 'current')).toBeUndefined();
  });
});

describe('layout B: cluster consolidation with a two-level header', () => {
  const grid = workbook(
    sheet(
      'Tổng hợp',
      [
        ['TỔNG HỢP KẾT QUẢ 6 THÁNG ĐẦU NĂM 2020 - CỤM THI ĐUA SỐ 5'],
        [],
        ['STT', 'Chỉ tiêu', 'Thanh Hóa', null, 'Nghệ An', null],
        [null, null, '6 tháng 2019', '6 tháng 2020', '6 tháng 2019', '6 tháng 2020'],
        ['I', 'PHẠM PHÁP HÌNH SỰ'],
        ['1', 'Số vụ phạm pháp hình sự', 612, 574, 588, 571],
        ['2', 'Số vụ PPHS đã điều tra khám phá', 497, 470, 470, 441],
      ],
      { merges: ['C3:D3', 'E3:F3', 'A3:A4', 'B3:B4'] },
    ),
  );

  it('reads each unit from the merged header over its period columns', () => {
    const [t] = find(grid);
    expect(t.layout).toBe('B');
    expect(t.units).toEqual(['Thanh Hóa', 'Nghệ An']);
    expect(obs(t, 'criminal-cases', 'current', 'Nghệ An')).toMatchObject({ cell: 'F6', value: 571 });
    expect(obs(t, 'criminal-cases-cleared', 'baseline', 'Thanh Hóa')).toMatchObject({ cell: 'C7', value: 497 });
  });
});

describe('layout C: one row per unit', () => {
  const rows = [
    ['Kết quả thực hiện giao ước thi đua năm 2020 - Cụm thi đua số 1'],
    [],
    ['Đơn vị', 'Số vụ PPHS năm 2019', 'Số vụ PPHS năm 2020', 'Đã khám phá năm 2020', 'Số vụ án oan năm 2020', 'Ghi chú'],
    ['Hà Nội', 4810, 4502, 3700, 0, 'Đạt'],
    ['Cần Thơ', 640, 598, 480, 1, ''],
    ['Tổng cộng', 5450, 5100, 4180, 1, ''],
  ];

  it('reads an Excel table, with context columns and without its totals row or notes', () => {
    const [t] = find(workbook(sheet('Cụm 1', rows, { tables: [{ name: 'ChiTieu', ref: 'A3:F6', totalsRows: 1 }] })));
    expect(t).toMatchObject({ layout: 'C', tableName: 'ChiTieu', units: ['Hà Nội', 'Cần Thơ'] });
    expect(obs(t, 'criminal-cases', 'baseline', 'Hà Nội')?.cell).toBe('B4');
    expect(obs(t, 'criminal-cases', 'current', 'Hà Nội')?.cell).toBe('C4');
    expect(obs(t, 'criminal-cases-cleared', 'current', 'Cần Thơ')).toMatchObject({ cell: 'D5', value: 480 });
    expect(obs(t, 'wrongful-convictions', 'current', 'Cần Thơ')?.value).toBe(1);
  });

  it('does not take "Công an tỉnh …" for a totals row ("Cộng")', () => {
    const g = workbook(
      sheet('Cụm', [
        ['Đơn vị', 'Số vụ PPHS năm 2025', 'Số vụ án oan năm 2025'],
        ['Công an tỉnh Phú Thọ', 9, 0],
        ['Cộng', 9, 0],
      ]),
    );
    expect(find(g)[0].units).toEqual(['Công an tỉnh Phú Thọ']);
  });

  it('finds the same table when it is not an Excel table, and skips the totals row', () => {
    const [t] = find(workbook(sheet('Cụm 1', rows)));
    expect(t.units).toEqual(['Hà Nội', 'Cần Thơ']);
  });
});

describe('sheets that are not indicator tables', () => {
  it('ignores instructions and finds the table on a later sheet', () => {
    const grid = workbook(
      sheet('Hướng dẫn', [
        ['Hướng dẫn nhập số liệu'],
        ['Nhập số vụ phạm pháp hình sự năm 2024 và cùng kỳ năm 2023 vào sheet Báo cáo.'],
        ['Số liệu tai nạn giao thông lấy theo kỳ thống kê của Bộ.'],
      ]),
      ...layoutA([['Số vụ phạm pháp hình sự', 10, 9]]).sheets,
    );
    const tables = find(grid);
    expect(tables).toHaveLength(1);
    expect(tables[0].sheet).toBe('Báo cáo');
  });

  it('finds nothing in a workbook without indicators', () => {
    expect(
      find(
        workbook(
          sheet('Sheet1', [
            ['Họ tên', 'Năm 2024'],
            ['Nguyễn Văn A', 3],
          ]),
        ),
      ),
    ).toEqual([]);
  });
});

describe('layout C with one row per unit and month', () => {
  it('keeps each (unit, month) apart', async () => {
    const { PledgeChecker } = await import('../../src/evaluate/checkGrid');
    const grid = workbook(
      sheet('Theo tháng', [
        ['Đơn vị', 'Tháng', 'Số vụ PPHS năm 2024', 'Số vụ PPHS năm 2025'],
        ['Công an xã A', '01/2025', 100, 90],
        ['Công an xã A', '02/2025', 100, 99],
        ['Công an xã B', '01/2025', 50, 40],
      ]),
    );
    const { findings } = await new PledgeChecker(defaultPack()).check(grid);
    expect(findings.map((f) => [f.unit, f.period, f.status, f.cell])).toEqual([
      ['Công an xã A', '01/2025', 'met', 'D2'],
      ['Công an xã A', '02/2025', 'shortfall', 'D3'],
      ['Công an xã B', '01/2025', 'met', 'D4'],
    ]);
  });
});

describe('a period cell with no words', () => {
  it('is no period: "—" and a blank are the same subject (found by the property test)', async () => {
    const { PledgeChecker } = await import('../../src/evaluate/checkGrid');
    const grid = workbook(
      sheet('Báo cáo', [
        ['Đơn vị', 'Số vụ PPHS năm 2023', 'Số vụ PPHS năm 2024', 'Số vụ án oan năm 2024', 'Kỳ báo cáo'],
        ['Công an tỉnh Thanh Hóa', '', 0, null, '—'],
        ['Công an tỉnh Thanh Hóa'],
      ]),
    );
    const { findings } = await new PledgeChecker(defaultPack()).check(grid);
    expect(findings.map((f) => [f.ruleId, f.period, f.status])).toEqual([
      ['criminal-cases-down-5pct', undefined, 'no-data'],
      ['no-wrongful-convictions', undefined, 'no-data'],
    ]);
  });
});
