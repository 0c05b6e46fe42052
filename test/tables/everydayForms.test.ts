import { CellValue } from '../../src/grid/cell';
import { defaultPack } from '../../src/packs/builtinPacks';
import { findIndicatorTables } from '../../src/tables/findIndicatorTables';
import { LabelMatcher } from '../../src/tables/labelMatcher';
import { sheet, workbook } from '../helpers/grid';

const matcher = new LabelMatcher(defaultPack());
type Tables = ReturnType<typeof findIndicatorTables>;
const find = (rows: CellValue[][], merges: string[] = []) => findIndicatorTables(workbook(sheet('Biểu', rows, { merges })), matcher);
/** `indicator@period` → cell, for every figure read (unit given for tables of several units). */
const cells = (ts: Tables, unit?: string) => {
  const out: Record<string, string[]> = {};
  for (const t of ts) for (const o of t.observations) if (!unit || o.unit === unit) (out[`${o.indicator}@${o.period}`] ??= []).push(o.cell);
  return out;
};

const LETTERHEAD: CellValue[][] = [['CÔNG AN TỈNH BẮC NINH'], ['PHÒNG THAM MƯU'], ['BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA NĂM 2025']];

describe('Kế hoạch / Thực hiện / So sánh', () => {
  it('reads only the Thực hiện columns, in either order', () => {
    for (const [h1, h2, cur, base] of [
      ['Thực hiện năm 2024', 'Thực hiện năm 2025', 'F', 'E'],
      ['TH 2025', 'TH 2024', 'E', 'F'],
      ['TH cùng kỳ', 'TH kỳ này', 'F', 'E'],
    ]) {
      const ts = find([
        ...LETTERHEAD,
        ['STT', 'Nội dung', 'ĐVT', 'Chỉ tiêu giao ước năm 2025', h1, h2, 'So sánh (+/-)', 'Tỷ lệ %', 'Tự đánh giá'],
        ['1', 'Số vụ phạm pháp hình sự', 'vụ', 'Giảm 5%', 100, 90, -10, '-10%', 'Đạt'],
        ['2', 'Số người chết do tai nạn giao thông', 'người', 'Giảm 10%', 50, 47, -3, '-6%', 'Không đạt'],
      ]);
      expect(ts).toHaveLength(1);
      expect(ts[0].units).toEqual(['Công an tỉnh Bắc Ninh']);
      expect(cells(ts)).toEqual({
        'criminal-cases@current': [`${cur}5`],
        'criminal-cases@baseline': [`${base}5`],
        'traffic-deaths@current': [`${cur}6`],
        'traffic-deaths@baseline': [`${base}6`],
      });
    }
  });

  it('reads a group header over Kế hoạch | Thực hiện', () => {
    const ts = find(
      [
        ...LETTERHEAD,
        ['STT', 'Chỉ tiêu', 'Năm 2024', null, 'Năm 2025', null, 'So sánh'],
        [null, null, 'Kế hoạch', 'Thực hiện', 'Kế hoạch', 'Thực hiện', null],
        ['1', 'Số vụ phạm pháp hình sự', 110, 100, 95, 90, -10],
      ],
      ['A4:A5', 'B4:B5', 'C4:D4', 'E4:F4', 'G4:G5'],
    );
    expect(cells(ts)).toEqual({ 'criminal-cases@current': ['F6'], 'criminal-cases@baseline': ['D6'] });
  });

  it('a monthly series compares the cumulative column with the same period', () => {
    const months = Array.from({ length: 11 }, (_, i) => `Tháng ${i + 1}`);
    const ts = find([
      ...LETTERHEAD,
      ['TT', 'Nội dung', ...months, 'Lũy kế 11 tháng năm 2025', 'Cùng kỳ năm trước', 'Tăng, giảm %'],
      ['1', 'Số vụ phạm pháp hình sự', ...months.map(() => 9), 99, 110, -10],
    ]);
    expect(cells(ts)).toEqual({ 'criminal-cases@current': ['N5'], 'criminal-cases@baseline': ['O5'] });
  });
});

describe('breakdown and qualified rows', () => {
  it('are children of the indicator, never a second copy of it', () => {
    const ts = find([
      ...LETTERHEAD,
      ['STT', 'Nội dung chỉ tiêu', 'Cùng kỳ năm 2024', 'Năm 2025'],
      ['1', 'Số vụ phạm pháp hình sự', 120, 110],
      [null, '- Trong đó: số vụ PPHS do người chưa thành niên gây ra', 12, 10],
      [null, '- Đã điều tra khám phá', 100, 95],
      ['2', 'Số vụ PPHS về ma túy', 40, 44],
      ['3', 'Số người chết do TNGT', 60, 50],
      [null, 'Trong đó: đường bộ', 55, 45],
      [null, '+ Số người chết do TNGT đường thủy', 5, 5],
    ]);
    expect(cells(ts)).toEqual({
      'criminal-cases@baseline': ['C5'],
      'criminal-cases@current': ['D5'],
      'criminal-cases-cleared@baseline': ['C7'],
      'criminal-cases-cleared@current': ['D7'],
      'traffic-deaths@baseline': ['C9'],
      'traffic-deaths@current': ['D9'],
    });
  });

  it('a qualified label alone is not the indicator', () => {
    const ts = find([...LETTERHEAD, ['STT', 'Nội dung chỉ tiêu', 'Năm 2024', 'Năm 2025'], ['1', 'Số vụ tai nạn giao thông đường sắt', 3, 2]]);
    expect(cells(ts)).toEqual({});
  });
});

describe('grouped headers with units in rows', () => {
  it('reads group → sub-column paths, years typed as numbers, and skips the totals row', () => {
    const ts = find(
      [
        ['BẢNG TỔNG HỢP KẾT QUẢ CÁC XÃ, PHƯỜNG NĂM 2025'],
        ['STT', 'Đơn vị', 'Phạm pháp hình sự', null, null, 'Tin báo, tố giác', null, 'Tai nạn giao thông — Số người chết', null],
        [null, null, 2025, 2024, 'Khám phá', 'Tiếp nhận', 'Đã giải quyết', 2025, 2024],
        [1, 'Công an xã Tân Lập', 20, 25, 17, 30, 28, 2, 3],
        [2, 'Công an phường Đông Hải', 40, 38, 30, 50, 44, 4, 4],
        [null, 'Tổng cộng', 60, 63, 47, 80, 72, 6, 7],
      ],
      ['A2:A3', 'B2:B3', 'C2:E2', 'F2:G2', 'H2:I2'],
    );
    expect(ts).toHaveLength(1);
    expect(ts[0].layout).toBe('C');
    expect(ts[0].units).toEqual(['Công an xã Tân Lập', 'Công an phường Đông Hải']);
    expect(cells(ts, 'Công an xã Tân Lập')).toEqual({
      'criminal-cases@current': ['C4'],
      'criminal-cases@baseline': ['D4'],
      'criminal-cases-cleared@current': ['E4'],
      'crime-reports-received@current': ['F4'],
      'crime-reports-resolved@current': ['G4'],
      'traffic-deaths@current': ['H4'],
      'traffic-deaths@baseline': ['I4'],
    });
  });

  it('reads a three-row header: group → indicator → period', () => {
    const ts = find(
      [
        ['STT', 'Đơn vị', 'Tai nạn giao thông', null, null, null],
        [null, null, 'Số vụ', null, 'Số người chết', null],
        [null, null, 'Năm 2025', 'Năm 2024', 'Năm 2025', 'Năm 2024'],
        [1, 'CAT Bắc Ninh', 100, 110, 40, 50],
        [2, 'CATP Hải Phòng', 200, 190, 80, 70],
      ],
      ['A1:A3', 'B1:B3', 'C1:F1', 'C2:D2', 'E2:F2'],
    );
    expect(ts[0].units).toEqual(['CAT Bắc Ninh', 'CATP Hải Phòng']);
    expect(cells(ts, 'CATP Hải Phòng')).toEqual({
      'traffic-accidents@current': ['C5'],
      'traffic-accidents@baseline': ['D5'],
      'traffic-deaths@current': ['E5'],
      'traffic-deaths@baseline': ['F5'],
    });
  });
});

describe('around the table', () => {
  it('notes, narrative and the signature block are not rows of the table', () => {
    const ts = find([
      ...LETTERHEAD,
      ['Trong năm 2025, toàn tỉnh xảy ra 1.234 vụ phạm pháp hình sự, giảm 6,2% so với cùng kỳ; số người chết do tai nạn giao thông giảm 11%.'],
      ['STT', 'Nội dung chỉ tiêu', 'Năm 2024', 'Năm 2025'],
      ['1', 'Số vụ phạm pháp hình sự', 1316, 1234],
      ['2', 'Số vụ án oan', 0, 0],
      ['Ghi chú: số vụ phạm pháp hình sự năm 2024 đã điều chỉnh theo số liệu thống kê chính thức 1.320 vụ.'],
      ['* Số vụ phạm pháp hình sự tính từ 15/12/2024'],
      [null, 'Nơi nhận:', null, 'KT. GIÁM ĐỐC'],
      [null, '- Như trên;', null, 'PHÓ GIÁM ĐỐC'],
      [null, 'Số vụ phạm pháp hình sự', 1, 2],
    ]);
    expect(cells(ts)).toEqual({
      'criminal-cases@baseline': ['C6'],
      'criminal-cases@current': ['D6'],
      'wrongful-convictions@baseline': ['C7'],
      'wrongful-convictions@current': ['D7'],
    });
  });
});

describe('spelling', () => {
  it('labels in capitals without diacritics and legacy abbreviations', () => {
    const ts = find([
      ...LETTERHEAD,
      ['STT', 'NOI DUNG', 'NAM 2024', 'NAM 2025'],
      ['1', 'SO VU PHAM PHAP HINH SU', 100, 90],
      ['2', 'TB-TG tiếp nhận', 50, 60],
      ['3', 'TB, TG đã giải quyết', 45, 58],
      ['4', 'Án RNT, ĐBNT', 10, 9],
      ['5', '- ĐTKP', 10, 9],
    ]);
    expect(Object.keys(cells(ts)).sort()).toEqual(
      [
        'criminal-cases@baseline',
        'criminal-cases@current',
        'crime-reports-received@baseline',
        'crime-reports-received@current',
        'crime-reports-resolved@baseline',
        'crime-reports-resolved@current',
        'serious-cases@baseline',
        'serious-cases@current',
        'serious-cases-cleared@baseline',
        'serious-cases-cleared@current',
      ].sort(),
    );
  });
});

describe('unit names', () => {
  it.each([
    ['CÔNG AN TỈNH BẮC NINH', 'Công an tỉnh Bắc Ninh'],
    ['CATP HÀ NỘI', 'CATP Hà Nội'],
    ['CA TỈNH HÀ TĨNH', 'CA tỉnh Hà Tĩnh'],
    ['CAT QUẢNG NINH', 'CAT Quảng Ninh'],
    ['Công an thành phố Huế', 'Công an thành phố Huế'],
  ])('letterhead %s reads as %s', (line, unit) => {
    const ts = find([[line], ['STT', 'Nội dung chỉ tiêu', 'Năm 2024', 'Năm 2025'], ['1', 'Số vụ phạm pháp hình sự', 10, 9]]);
    expect(ts[0].units).toEqual([unit]);
  });
});

// Forms found by a blind test set (each once failed): the reader must read them as a person does.
describe('more forms', () => {
  it('periods merged over units, indicators in rows', () => {
    const ts = find(
      [
        ['STT', 'Chỉ tiêu', 'Cùng kỳ năm 2024', null, 'Năm 2025', null],
        [null, null, 'Công an xã Tân An', 'Công an xã Bình Minh', 'Công an xã Tân An', 'Công an xã Bình Minh'],
        ['1', 'Số vụ phạm pháp hình sự', 20, 30, 18, 31],
      ],
      ['A1:A2', 'B1:B2', 'C1:D1', 'E1:F1'],
    );
    expect(ts[0].units).toEqual(['Công an xã Tân An', 'Công an xã Bình Minh']);
    expect(cells(ts, 'Công an xã Bình Minh')).toEqual({ 'criminal-cases@current': ['F3'], 'criminal-cases@baseline': ['D3'] });
  });

  it('a numbered row with figures is an indicator; a sibling number closes the section above', () => {
    const ts = find([
      ...LETTERHEAD,
      ['STT', 'Nội dung chỉ tiêu', 'Năm 2024', 'Năm 2025'],
      ['1', 'Số vụ phạm pháp hình sự', 100, 90],
      ['2', 'TAI NẠN GIAO THÔNG'],
      ['a)', 'Số vụ', 50, 40],
      ['b)', 'Số người chết', 20, 18],
      ['3', 'Số vụ án oan', 0, 0],
      ['V', 'Số vụ án oan', 0, 0],
    ]);
    const c = cells(ts);
    expect(c['traffic-accidents@current']).toEqual(['D7']);
    expect(c['traffic-deaths@current']).toEqual(['D8']);
    expect(c['wrongful-convictions@current']).toEqual(['D9', 'D10']);
  });

  it('groups named by time (`Trong tháng`, `Lũy kế từ đầu năm`) are periods of one unit, not units', () => {
    const ts = find(
      [
        ...LETTERHEAD,
        ['STT', 'Nội dung', 'Trong tháng', null, null, 'Lũy kế từ đầu năm', null, null],
        [null, null, 'Tháng 11 năm 2025', 'Tháng 11 năm 2024', '+/-', 'Lũy kế 2025', 'Lũy kế CK 2024', '+/-'],
        ['1', 'Số vụ phạm pháp hình sự', 9, 10, -1, 102, 110, -8],
      ],
      ['A4:A5', 'B4:B5', 'C4:E4', 'F4:H4'],
    );
    expect(ts[0].units).toEqual(['Công an tỉnh Bắc Ninh']);
    expect(cells(ts)).toEqual({ 'criminal-cases@current': ['F6'], 'criminal-cases@baseline': ['G6'] });
  });

  it('a third header row under one group only', () => {
    const ts = find(
      [
        ['STT', 'Đơn vị', 'Phạm pháp hình sự', null, 'Tai nạn giao thông', null],
        [null, null, 'Năm 2025', 'Năm 2024', 'Số người chết', null],
        [null, null, null, null, 2025, 2024],
        [1, 'Công an xã Tiên Du', 10, 12, 9, 10],
        [2, 'Công an xã Lạc Vệ', 11, 11, 4, 3],
      ],
      ['A1:A3', 'B1:B3', 'C1:D1', 'E1:F1', 'E2:F2', 'C2:C3', 'D2:D3'],
    );
    expect(cells(ts, 'Công an xã Tiên Du')).toEqual({
      'criminal-cases@current': ['C4'],
      'criminal-cases@baseline': ['D4'],
      'traffic-deaths@current': ['E4'],
      'traffic-deaths@baseline': ['F4'],
    });
  });

  it('the reporting unit is the lower of two letterhead unit lines, and `Toàn tỉnh` is a total', () => {
    const one = find([
      ['CÔNG AN TỈNH BẮC NINH'],
      ['CÔNG AN XÃ TIÊN DU'],
      ['STT', 'Nội dung chỉ tiêu', 'Năm 2024', 'Năm 2025'],
      ['1', 'Số vụ phạm pháp hình sự', 10, 9],
    ]);
    expect(one[0].units).toEqual(['Công an xã Tiên Du']);
    const many = find([
      ['STT', 'Đơn vị', 'Số vụ PPHS năm 2024', 'Số vụ PPHS năm 2025'],
      [1, 'Công an xã A', 10, 9],
      [2, 'Công an xã B', 10, 9],
      [null, 'Toàn tỉnh (cộng)', 20, 18],
      [null, 'Toàn thành phố', 20, 18],
    ]);
    expect(many[0].units).toEqual(['Công an xã A', 'Công an xã B']);
  });
});

describe('one row per unit and period', () => {
  it('a unit’s `Năm 2024` row is the baseline of its `Năm 2025` row; a month series stays a series', () => {
    const ts = find([
      ['Đơn vị', 'Kỳ', 'Số vụ PPHS', 'Số người chết do TNGT'],
      ['Công an xã A', 'Năm 2024', 100, 20],
      ['Công an xã A', 'Năm 2025', 90, 18],
      ['Công an xã B', 'Cùng kỳ', 50, 10],
      ['Công an xã B', 'Kỳ này', 49, 9],
      ['Công an xã C', 'Tháng 01/2025', 5, 1],
      ['Công an xã C', 'Tháng 02/2025', 6, 1],
    ]);
    const a = [...ts[0].observations].filter((o) => o.unit === 'Công an xã A' && o.indicator === 'criminal-cases');
    expect(a.map((o) => [o.period, o.subjectPeriod, o.cell])).toEqual([
      ['baseline', 'Năm 2025', 'C2'],
      ['current', 'Năm 2025', 'C3'],
    ]);
    const b = [...ts[0].observations].filter((o) => o.unit === 'Công an xã B' && o.indicator === 'traffic-deaths');
    expect(b.map((o) => [o.period, o.subjectPeriod])).toEqual([
      ['baseline', 'Kỳ này'],
      ['current', 'Kỳ này'],
    ]);
    const c = [...ts[0].observations].filter((o) => o.unit === 'Công an xã C' && o.indicator === 'criminal-cases');
    expect(c.map((o) => [o.period, o.subjectPeriod])).toEqual([
      ['current', 'Tháng 01/2025'],
      ['current', 'Tháng 02/2025'],
    ]);
  });
});

describe('a statistical form (Biểu số 01/TK)', () => {
  it('a title merged over the form is not a header; the unit comes from `Đơn vị báo cáo:`', () => {
    const ts = find(
      [
        ['Biểu số 01/TK', null, 'SỐ LIỆU THỐNG KÊ TỘI PHẠM', null, null, null, 'Đơn vị báo cáo: Công an tỉnh Hà Tĩnh'],
        [
          'Ban hành kèm theo Thông tư số 62/2020/TT-BCA',
          null,
          'Kỳ báo cáo: năm 2025 (từ 15/12/2024 đến 14/12/2025)',
          null,
          null,
          null,
          'Đơn vị nhận báo cáo: Cục Kế hoạch và tài chính',
        ],
        [],
        ['Tên chỉ tiêu', 'Mã số', 'Đơn vị tính', 'Kỳ báo cáo', 'Cùng kỳ năm trước', 'Kỳ báo cáo so với cùng kỳ (%)'],
        ['A', 'B', 'C', '1', '2', '3=1/2'],
        ['1. Số vụ phạm pháp hình sự', '01', 'vụ', 590, 612, 96.4],
      ],
      ['C1:F1', 'C2:F2'],
    );
    expect(ts[0].units).toEqual(['Công an tỉnh Hà Tĩnh']);
    expect(cells(ts)).toEqual({ 'criminal-cases@current': ['D6'], 'criminal-cases@baseline': ['E6'] });
  });
});

describe('a heading in capitals with a translation in brackets', () => {
  it('is a section, so its rows read in its context', () => {
    const ts = find([
      ...LETTERHEAD,
      ['No.', 'Indicator', 'Same period 2024', '2025'],
      ['I', 'PHẠM PHÁP HÌNH SỰ (Criminal offences)'],
      ['1', 'Số vụ PPHS (Number of criminal offences)', 100, 94],
      ['II', 'TAI NẠN GIAO THÔNG (Traffic accidents)'],
      ['1', 'Số người chết (Deaths)', 50, 45],
    ]);
    expect(cells(ts)).toEqual({
      'criminal-cases@baseline': ['C6'],
      'criminal-cases@current': ['D6'],
      'traffic-deaths@baseline': ['C8'],
      'traffic-deaths@current': ['D8'],
    });
  });
});

describe('two reports side by side on one sheet', () => {
  it('are two tables, each with its own letterhead', () => {
    const ts = find([
      ['CÔNG AN XÃ YÊN PHONG', null, null, null, null, null, 'CÔNG AN XÃ QUẾ VÕ'],
      [],
      ['STT', 'Nội dung', 'Cùng kỳ 2024', 'Năm 2025', null, null, 'STT', 'Nội dung', 'Cùng kỳ 2024', 'Năm 2025'],
      ['1', 'Số vụ phạm pháp hình sự', 40, 36, null, null, '1', 'Số vụ phạm pháp hình sự', 30, 31],
    ]);
    expect(ts.map((t) => t.units[0])).toEqual(['Công an xã Yên Phong', 'Công an xã Quế Võ']);
    expect(cells(ts, 'Công an xã Quế Võ')).toEqual({ 'criminal-cases@baseline': ['I4'], 'criminal-cases@current': ['J4'] });
    expect(cells(ts, 'Công an xã Yên Phong')).toEqual({ 'criminal-cases@baseline': ['C4'], 'criminal-cases@current': ['D4'] });
  });
});

describe('a title naming the one indicator of a units-as-rows table', () => {
  it('counts for columns that are only periods', () => {
    const ts = find([
      ['SỐ NGƯỜI CHẾT DO TAI NẠN GIAO THÔNG CÁC CÔNG AN PHƯỜNG'],
      [],
      ['TT', 'Đơn vị', 'Cùng kỳ năm 2024', 'Năm 2025', 'Tăng, giảm (%)'],
      [1, 'Công an phường Kiến An', 12, 10, -16.7],
      [2, 'Công an phường Lê Chân', 25, 23, -8],
    ]);
    expect(cells(ts, 'Công an phường Lê Chân')).toEqual({ 'traffic-deaths@baseline': ['C5'], 'traffic-deaths@current': ['D5'] });
  });

  it('never lends its words to a table whose columns name their own indicators', () => {
    const ts = find([
      ['TỔNG HỢP SỐ VỤ PHẠM PHÁP HÌNH SỰ VÀ TAI NẠN GIAO THÔNG'],
      ['Đơn vị', 'Số vụ PPHS năm 2024', 'Số vụ PPHS năm 2025', 'Năm 2025'],
      ['Công an xã A', 10, 9, 5],
    ]);
    expect(cells(ts)).toEqual({ 'criminal-cases@baseline': ['B3'], 'criminal-cases@current': ['C3'] });
  });
});

describe('a report in English', () => {
  it('reads English labels and headers, and the unit from an English letterhead', () => {
    const ts = find([
      ['Ho Chi Minh City Police'],
      ['No.', 'Indicator', 'Unit', 'Same period last year', 'This period', 'Change (%)'],
      ['1', 'Criminal offences', 'cases', 5200, 5050, -2.88],
      [null, '- of which cleared', 'cases', 4100, 4200],
      ['2', 'Traffic deaths', 'persons', 700, 620, -11.43],
      ['3', 'Wrongful convictions', 'cases', 0, 0],
    ]);
    expect(ts[0].units).toEqual(['Ho Chi Minh City Police']);
    expect(Object.keys(cells(ts)).sort()).toEqual(
      ['criminal-cases', 'criminal-cases-cleared', 'traffic-deaths', 'wrongful-convictions'].flatMap((i) => [`${i}@baseline`, `${i}@current`]).sort(),
    );
    expect(cells(ts)['criminal-cases@current']).toEqual(['E3']);
  });
});
