import fc from 'fast-check';
import { CellValue, cellError } from '../../src/grid/cell';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { defaultPack } from '../../src/packs/builtinPacks';
import { sheet, workbook } from '../helpers/grid';

const pack = defaultPack();
const checker = new PledgeChecker(pack);

/** A layout B consolidation: one unit per pair of columns, rows = [label, ...[baseline, current] per unit]. */
function consolidation(units: string[], rows: [string, ...CellValue[]][]) {
  const head1: CellValue[] = ['STT', 'Chỉ tiêu'];
  const head2: CellValue[] = [null, null];
  const merges: string[] = [];
  units.forEach((u, i) => {
    head1.push(u, null);
    head2.push('Năm 2024', 'Năm 2025');
    const c = 2 + i * 2;
    merges.push(`${String.fromCharCode(65 + c)}1:${String.fromCharCode(66 + c)}1`);
  });
  return workbook(sheet('Tổng hợp', [head1, head2, ...rows.map(([l, ...v], i) => [String(i + 1), l, ...v])], { merges }));
}

const find = (fs: Awaited<ReturnType<typeof checker.check>>['findings'], ruleId: string, unit: string) =>
  fs.find((f) => f.ruleId === ruleId && f.unit === unit)!;

describe('evaluating targets', () => {
  it('boundary values meet their target', async () => {
    const { findings } = await checker.check(
      consolidation(
        ['A', 'B'],
        [
          ['Tài sản thiệt hại trong các vụ án tham nhũng', 1, '7,25', 1, 12.6],
          ['Tài sản đã thu hồi trong các vụ án tham nhũng', 1, '4,35', 1, 7.56],
          ['Số người chết do tai nạn giao thông', 290, 261, 151, 139],
          ['Số vụ phạm pháp hình sự', 1000, 950, 100, 96],
        ],
      ),
    );
    expect(find(findings, 'corruption-assets-recovered-60pct', 'A')).toMatchObject({ status: 'met', actual: 60, target: 60 });
    expect(find(findings, 'corruption-assets-recovered-60pct', 'B')).toMatchObject({ status: 'met', actual: 60 });
    expect(find(findings, 'traffic-deaths-down-10pct', 'A')).toMatchObject({ status: 'met', actual: -10 });
    expect(find(findings, 'traffic-deaths-down-10pct', 'B').status).toBe('shortfall');
    expect(find(findings, 'criminal-cases-down-5pct', 'A')).toMatchObject({ status: 'met', actual: -5 });
    expect(find(findings, 'criminal-cases-down-5pct', 'B')).toMatchObject({ status: 'shortfall', actual: -4, gap: 1 });
  });

  it('a shortfall carries actual, target, gap, the cells and a reason in both languages', async () => {
    const { findings } = await checker.check(
      consolidation(
        ['Nghệ An', 'Hà Tĩnh'],
        [
          ['Số tin báo, tố giác tội phạm đã tiếp nhận', 1100, 1174, 1, 1],
          ['Số tin báo, tố giác tội phạm đã giải quyết', 1000, 1045, 1, 1],
        ],
      ),
    );
    const f = find(findings, 'crime-reports-resolved-90pct', 'Nghệ An');
    expect(f).toMatchObject({ status: 'shortfall', target: 90, operator: 'greaterThanInclusive', sheet: 'Tổng hợp', cell: 'D4' });
    expect(f.actual).toBeCloseTo(89.01, 2);
    expect(f.gap).toBeCloseTo(0.99, 2);
    expect(f.inputs.map((i) => i.cell)).toEqual(['D4', 'D3']);
    expect(f.message.vi).toContain('89,01 %');
    expect(f.message.vi).toContain('≥ 90 %');
    expect(f.message.en).toContain('89.01 %');
    // Messages are rendered lazily but serialise like any other field.
    expect(JSON.parse(JSON.stringify(f))).toMatchObject({ ruleId: f.ruleId, unit: 'Nghệ An', message: f.message });
    expect(Object.keys(JSON.parse(JSON.stringify(f)))).not.toContain('render');
  });

  it('blank, text, error values and zero denominators are no data, never a pass and never zero', async () => {
    const { findings } = await checker.check(
      consolidation(
        ['Blank', 'Text', 'Error', 'Zero'],
        [
          ['Số vụ án oan', 0, null, 0, 'chưa thống kê', 0, cellError('#N/A'), 0, 0],
          ['Tài sản thiệt hại trong các vụ án tham nhũng', 1, null, 1, 5, 1, cellError('#DIV/0!'), 1, 0],
          ['Tài sản đã thu hồi trong các vụ án tham nhũng', 1, null, 1, 4, 1, 3, 1, 0],
          ['Số vụ phạm pháp hình sự', 10, 9, 10, 9, 10, 9, 0, 5],
        ],
      ),
    );
    expect(find(findings, 'no-wrongful-convictions', 'Blank')).toMatchObject({ status: 'no-data', actual: null, cell: 'D3' });
    expect(find(findings, 'no-wrongful-convictions', 'Text').status).toBe('no-data');
    expect(find(findings, 'no-wrongful-convictions', 'Text').message.vi).toContain('chưa thống kê');
    expect(find(findings, 'no-wrongful-convictions', 'Error').message.en).toContain('#N/A');
    expect(find(findings, 'no-wrongful-convictions', 'Zero').status).toBe('met');
    expect(find(findings, 'corruption-assets-recovered-60pct', 'Error').status).toBe('no-data');
    expect(find(findings, 'corruption-assets-recovered-60pct', 'Zero')).toMatchObject({ status: 'no-data', noData: { kind: 'zero-denominator' } });
    expect(find(findings, 'criminal-cases-down-5pct', 'Zero')).toMatchObject({ status: 'no-data', noData: { kind: 'zero-baseline' } });
    // The target is still shown when there is no data.
    expect(find(findings, 'no-wrongful-convictions', 'Blank')).toMatchObject({ target: 0, operator: 'equal' });
  });

  it('gives no finding for a target whose indicators the workbook does not have', async () => {
    const { findings } = await checker.check(consolidation(['A', 'B'], [['Số vụ phạm pháp hình sự', 10, 9, 10, 9]]));
    expect(findings.map((f) => f.ruleId)).toEqual(['criminal-cases-down-5pct', 'criminal-cases-down-5pct']);
  });

  it('reports an indicator that appears twice instead of picking one', async () => {
    const { findings } = await checker.check(
      consolidation(
        ['A', 'B'],
        [
          ['Số vụ án oan', 0, 0, 0, 0],
          ['Số vụ án oan', 0, 1, 0, 0],
        ],
      ),
    );
    expect(find(findings, 'no-wrongful-convictions', 'A')).toMatchObject({ status: 'no-data', noData: { kind: 'duplicate', cells: ['D3', 'D4'] } });
  });

  it('every (rule, unit) gets exactly one finding and no exception escapes, whatever the cells hold', async () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -5, max: 5000 }),
      fc.double({ noNaN: false }),
      fc.constantFrom('1.245', '4,35', 'chưa thống kê', '', '-', '#DIV/0!'),
      fc.constantFrom(cellError('#DIV/0!'), cellError('#N/A')),
      fc.boolean(),
    );
    const labels = [
      'Số vụ phạm pháp hình sự',
      'Số vụ PPHS đã điều tra khám phá',
      'Án rất nghiêm trọng, đặc biệt nghiêm trọng',
      'Án rất nghiêm trọng, đặc biệt nghiêm trọng đã khám phá',
      'Số tin báo, tố giác tội phạm đã tiếp nhận',
      'Số tin báo, tố giác tội phạm đã giải quyết',
      'Tài sản thiệt hại trong các vụ án tham nhũng',
      'Tài sản đã thu hồi trong các vụ án tham nhũng',
      'Số người chết do tai nạn giao thông',
      'Số vụ án oan',
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: labels.length, maxLength: labels.length }), async (values) => {
        const grid = consolidation(
          ['X', 'Y'],
          labels.map((l, i) => [l, ...values[i]] as [string, ...CellValue[]]),
        );
        const { findings } = await checker.check(grid);
        const keys = findings.map((f) => `${f.ruleId}|${f.unit}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(findings).toHaveLength(pack.rules.length * 2);
        for (const f of findings) {
          expect(['met', 'shortfall', 'no-data']).toContain(f.status);
          if (f.status === 'no-data') expect(f.actual).toBeNull();
          else expect(Number.isFinite(f.actual)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('rules only json-rules-engine evaluates', () => {
  it('give the same findings as the same rules compiled', async () => {
    const grid = consolidation(
      ['A', 'B', 'C'],
      [
        ['Số vụ phạm pháp hình sự', 1000, 950, 100, 96, 50, null],
        ['Số người chết do tai nạn giao thông', 290, 261, 151, 139, 0, 3],
        ['Tài sản thiệt hại trong các vụ án tham nhũng', 1, '7,25', 1, 12.6, 1, 0],
        ['Tài sản đã thu hồi trong các vụ án tham nhũng', 1, '4,35', 1, 7.56, 1, 1],
      ],
    );
    // `params` on a condition leaves the rule to json-rules-engine; on a plain fact it changes nothing.
    const withParams = (c: unknown): unknown =>
      Array.isArray(c)
        ? c.map(withParams)
        : typeof c === 'object' && c !== null
          ? 'fact' in c
            ? { ...c, params: {} }
            : Object.fromEntries(Object.entries(c).map(([k, v]) => [k, withParams(v)]))
          : c;
    const viaEngine = new PledgeChecker({ ...pack, rules: pack.rules.map((r) => ({ ...r, conditions: withParams(r.conditions) as typeof r.conditions })) });
    const plain = (fs: Awaited<ReturnType<typeof checker.check>>['findings']) => JSON.parse(JSON.stringify(fs));
    const compiled = plain((await checker.check(grid)).findings);
    expect(compiled.length).toBeGreaterThan(0);
    expect(plain((await viaEngine.check(grid)).findings)).toEqual(compiled);
    // Some rules compiled, some left to the engine, for the same subjects.
    const mixed = new PledgeChecker({
      ...pack,
      rules: pack.rules.map((r, i) => (i % 2 ? { ...r, conditions: withParams(r.conditions) as typeof r.conditions } : r)),
    });
    expect(plain((await mixed.check(grid)).findings)).toEqual(compiled);
  });
});
