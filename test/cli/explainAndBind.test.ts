/**
 * `explain` tells how a workbook was read; `--bind`, a bindings file and a bindings part stored in
 * the workbook tell the reader where a figure is when it could not tell. A binding turns a
 * no-data finding into the status a person reads from the sheet, and never changes a value.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { bindingsFromXml, bindingsToXml } from '../../src/bindings/bindingsXml';
import { writePackageBindings } from '../../src/bindings/workbookBindings';
import { EXIT } from '../../src/cli/main';
import { xlsxPackage } from '../badInput/corpus';
import { SAMPLES } from '../helpers/paths';
import { runCli, tempDir } from '../helpers/runCli';

const dir = tempDir('pledge-bind-');

/** A unit report where `Số vụ phạm pháp hình sự` appears twice (the total and a copy in another section). */
function duplicated(): Uint8Array {
  return xlsxPackage({
    sheets: [
      {
        name: 'Biểu 01',
        rows: [
          ['CÔNG AN TỈNH CAO BẰNG'],
          ['STT', 'Nội dung chỉ tiêu', 'Năm 2024', 'Năm 2025'],
          ['I', 'TỘI PHẠM'],
          ['1', 'Số vụ phạm pháp hình sự', 200, 180],
          ['II', 'SỐ LIỆU CỦA PHÒNG CẢNH SÁT HÌNH SỰ'],
          ['1', 'Số vụ phạm pháp hình sự', 120, 119],
        ],
      },
    ],
  });
}

describe('explain', () => {
  it('names each table, what each header column is, and where each indicator was read', async () => {
    const r = await runCli('explain', join(SAMPLES, 'everyday', 'ke-hoach-thuc-hien-ha-tinh-2025.xlsx'));
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/Bảng 1: trang ".+", bắt đầu ở [A-Z]+\d+ — báo cáo của một đơn vị/);
    expect(r.out).toMatch(/"Chỉ tiêu giao ước năm 2025" → kế hoạch \/ chỉ tiêu giao, không phải số liệu/);
    expect(r.out).toMatch(/"Thực hiện năm 2025" → kỳ này/);
    expect(r.out).toMatch(/"Thực hiện năm 2024" → cùng kỳ/);
    expect(r.out).toMatch(/"So sánh.*" → cột tính toán/);
    expect(r.out).toMatch(/✓ criminal-cases \(Số vụ phạm pháp hình sự\): .+ — kỳ này [A-Z]+\d+; cùng kỳ [A-Z]+\d+/);
  });

  it('in English, with the nearest labels of an indicator it did not find', async () => {
    const r = await runCli('explain', join(SAMPLES, 'everyday', 'tong-hop-xa-phuong-hai-phong-6-thang-2025.xlsx'), '--lang', 'en');
    expect(r.out).toMatch(/header row\(s\) 6–7/);
    expect(r.out).toMatch(/"Phạm pháp hình sự 2025" → current period \(the figure\) \[criminal-cases\]/);
    expect(r.out).toMatch(/✗ wrongful-convictions \(Wrongful convictions\): no label matched/);
  });

  it('says where a duplicated indicator is, and --bind settles it', async () => {
    const input = join(dir, 'trung-lap.xlsx');
    writeFileSync(input, duplicated());
    const before = await runCli('explain', input);
    expect(before.out).toMatch(/criminal-cases .*XUẤT HIỆN NHIỀU LẦN/);
    const after = await runCli('explain', input, '--bind', 'Biểu 01!D4=criminal-cases');
    expect(after.out).toMatch(/Biểu 01: "Số vụ phạm pháp hình sự" → criminal-cases \(D4\)/);
  });
});

describe('bindings', () => {
  it('a duplicated indicator is no data (exit 1); --bind on its figure gives the status a person reads', async () => {
    const input = join(dir, 'a.xlsx');
    writeFileSync(input, duplicated());
    const plain = await runCli('check', input, '--json', join(dir, 'a.json'));
    expect(plain.code).toBe(EXIT.shortfall);
    const f0 = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')).findings[0];
    expect(f0).toMatchObject({ ruleId: 'criminal-cases-down-5pct', status: 'no-data' });
    // Both rows carry the same words: the row pointed at tells them apart.
    const bound = await runCli('check', input, '--bind', 'Biểu 01!D4=criminal-cases', '--json', join(dir, 'b.json'));
    const f1 = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).findings[0];
    expect(f1).toMatchObject({ status: 'met', actual: -10, cell: 'D4' });
    expect(bound.code).toBe(EXIT.ok);
    const other = await runCli('check', input, '--bind', 'Biểu 01!B6=criminal-cases', '--json', join(dir, 'c.json'));
    expect(JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')).findings[0]).toMatchObject({ status: 'shortfall', cell: 'D6' });
    expect(other.code).toBe(EXIT.shortfall);
  });

  it('a period column the grammar cannot read is bound to current / baseline, by --bind and by a bindings file', async () => {
    const input = join(dir, 'ky.xlsx');
    writeFileSync(
      input,
      xlsxPackage({
        sheets: [
          { name: 'BC', rows: [['CÔNG AN TỈNH LAI CHÂU'], ['STT', 'Nội dung chỉ tiêu', 'SL đợt 1', 'SL đợt 2'], ['1', 'Số vụ phạm pháp hình sự', 100, 90]] },
        ],
      }),
    );
    const none = await runCli('check', input);
    expect(none.code).toBe(EXIT.badInput);
    expect(none.err).toMatch(/không tìm thấy bảng chỉ tiêu nào .*"pledge-check explain" cho biết đã đọc những gì, --bind chỉ cột kỳ hay ô số liệu\.$/);
    const json = join(dir, 'ky.json');
    const bound = await runCli('check', input, '--bind', 'BC!D3=current', '--bind', 'BC!C2=baseline', '--json', json);
    expect(bound.code).toBe(EXIT.ok);
    expect(JSON.parse(readFileSync(json, 'utf8')).findings[0]).toMatchObject({ ruleId: 'criminal-cases-down-5pct', status: 'met', actual: -10, cell: 'D3' });
    const file = join(dir, 'chi-o.json');
    writeFileSync(
      file,
      JSON.stringify({
        bindings: [
          { sheet: 'BC', label: 'SL đợt 2', period: 'current' },
          { sheet: 'BC', cell: 'C3', period: 'baseline' },
        ],
      }),
    );
    expect((await runCli('check', input, '--bindings', file)).code).toBe(EXIT.ok);
  });

  it('a bindings part stored in the workbook (as the add-in writes it) is honoured, and the file is never changed', async () => {
    const input = join(dir, 'luu.xlsx');
    const bytes = xlsxPackage({
      sheets: [
        { name: 'BC', rows: [['CÔNG AN TỈNH LAI CHÂU'], ['STT', 'Nội dung chỉ tiêu', 'SL đợt 1', 'SL đợt 2'], ['1', 'Số vụ PPHS (đơn vị: vụ việc)', 100, 96]] },
      ],
    });
    const stored = writePackageBindings(bytes, [
      { kind: 'period', sheet: 'BC', label: 'SL đợt 2', period: 'current' },
      { kind: 'period', sheet: 'BC', label: 'SL đợt 1', period: 'baseline' },
    ]);
    writeFileSync(input, stored);
    const json = join(dir, 'luu.json');
    const r = await runCli('check', input, '--json', json);
    expect(r.code).toBe(EXIT.shortfall);
    expect(JSON.parse(readFileSync(json, 'utf8')).findings[0]).toMatchObject({ status: 'shortfall', actual: -4 });
    expect(Buffer.from(readFileSync(input)).equals(Buffer.from(stored))).toBe(true);
  });

  it('bad bindings are one sentence and exit 2', async () => {
    const input = join(dir, 'x.xlsx');
    writeFileSync(input, duplicated());
    const bad = await runCli('check', input, '--bind', 'D4=criminal-cases');
    expect(bad.code).toBe(EXIT.badInput);
    expect(bad.err).toMatch(/^--bind: "D4=criminal-cases" không đúng dạng Trang!Ô=chỉ-tiêu/);
    const unknown = await runCli('check', input, '--bind', 'Biểu 01!D4=khong-co');
    expect(unknown.code).toBe(EXIT.badInput);
    expect(unknown.err).toMatch(/bộ quy tắc không có chỉ tiêu "khong-co"/);
    const noSheet = await runCli('check', input, '--bind', 'Khác!D4=criminal-cases', '--lang', 'en');
    expect(noSheet.err).toMatch(/the workbook has no sheet "Khác"/);
    const file = join(dir, 'hong.json');
    writeFileSync(file, '{ "bindings": [ { "sheet": "BC" } ] }');
    const r = await runCli('check', input, '--bindings', file);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/mục 1 cần "sheet", "label" hoặc "cell"/);
  });

  it('the part round-trips through its XML', () => {
    const list = [
      { kind: 'indicator' as const, sheet: 'Biểu "01" & <x>', label: 'Số vụ PPHS', indicator: 'criminal-cases', cell: 'B12' },
      { kind: 'period' as const, sheet: 'BC', label: 'TH 11T/2025', period: 'current' as const },
    ];
    expect(bindingsFromXml(bindingsToXml(list))).toEqual(list);
  });
});

describe('the workbook pledging another target', () => {
  it('is reported on the finding and in its message, never used', async () => {
    const json = join(dir, 'ht.json');
    await runCli('check', join(SAMPLES, 'everyday', 'ke-hoach-thuc-hien-ha-tinh-2025.xlsx'), '--json', json);
    const f = JSON.parse(readFileSync(json, 'utf8')).findings.find((x: { ruleId: string }) => x.ruleId === 'criminal-cases-down-5pct');
    expect(f).toMatchObject({ status: 'shortfall', target: -5, pledgedInWorkbook: { text: 'Giảm 3%', value: -3, differs: true } });
    expect(f.message).toMatch(/Sổ ghi chỉ tiêu "Giảm 3%" \(ô [A-Z]+\d+\), bộ quy tắc kiểm tra ≤ -5 %\./);
  });
});

describe('a bindings file that is not JSON', () => {
  it('is named with its line and column, exit 2', async () => {
    const input = join(dir, 'y.xlsx');
    writeFileSync(input, duplicated());
    const file = join(dir, 'sai.json');
    writeFileSync(file, '{ "bindings": [\n  { "sheet": "BC", }\n] }');
    const r = await runCli('check', input, '--bindings', file);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toBe(`${file}:2:20: tệp chỉ ô số liệu không phải JSON hợp lệ (PropertyNameExpected).`);
  });
});

describe('pointing at a figure in a column the reader did not recognise', () => {
  it('binds the column heading, not the unit on the row', async () => {
    const input = join(dir, 'cot.xlsx');
    writeFileSync(
      input,
      xlsxPackage({
        sheets: [
          {
            name: 'Cụm',
            rows: [
              ['STT', 'Đơn vị', 'Số vụ PPHS năm 2024', 'Số vụ PPHS năm 2025', 'Số vụ đã làm rõ (đối chiếu)'],
              [1, 'Công an tỉnh A', 100, 90, 80],
              [2, 'Công an tỉnh B', 100, 98, 70],
            ],
          },
        ],
      }),
    );
    const r = await runCli('explain', input, '--bind', 'Cụm!E3=criminal-cases-cleared');
    expect(r.out).toMatch(/Cụm: "Số vụ đã làm rõ \(đối chiếu\)" → criminal-cases-cleared \(E3\)/);
    const json = join(dir, 'cot.json');
    await runCli('check', input, '--bind', 'Cụm!E3=criminal-cases-cleared', '--json', json);
    const f = JSON.parse(readFileSync(json, 'utf8')).findings.filter((x: { ruleId: string }) => x.ruleId === 'cases-cleared-80pct');
    expect(f.map((x: { unit: string; status: string }) => `${x.unit}: ${x.status}`)).toEqual(['Công an tỉnh A: met', 'Công an tỉnh B: shortfall']);
  });
});
