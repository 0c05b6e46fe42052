import { ComparedAs, CompactFindings, FindingFields, readHeadsOneAtATime, readOneAtATime, RuleOfFindings } from '../../src/evaluate/compactFindings';
import { FindingInput } from '../../src/evaluate/finding';

const rule: RuleOfFindings = { render: (f, lang) => `${lang}:${f.unit}`, ruleId: 'r1', title: { vi: 'T', en: 'T' }, severity: 'shortfall' };
const other: RuleOfFindings = { render: () => '', ruleId: 'r2', title: { vi: 'U', en: 'U' }, severity: 'warning' };
const ratio: ComparedAs = { fact: 'ratio', operator: 'greaterThanInclusive', factLabel: { vi: 'Tỷ lệ', en: 'Ratio' }, factUnit: '%' };
const count: ComparedAs = { fact: 'count', operator: null, factLabel: { vi: 'Số', en: 'Count' }, factUnit: 'vụ' };

function input(i: number, over: Partial<FindingInput> = {}): FindingInput {
  return {
    indicator: i % 2 ? 'a' : 'b',
    period: i % 3 ? 'current' : 'baseline',
    sheet: 'Báo cáo',
    cell: `C${i + 2}`,
    value: i * 1.5,
    shown: String(i * 1.5),
    ...over,
  };
}

function fields(i: number, over: Partial<FindingFields> = {}): FindingFields {
  return {
    rule: i % 2 ? rule : other,
    unit: `Đơn vị ${Math.floor(i / 3)}`,
    period: i % 5 ? undefined : 'Tháng 01',
    status: (['met', 'shortfall', 'no-data'] as const)[i % 3],
    sheet: 'Báo cáo',
    cell: `D${i + 2}`,
    inputs: [input(i), input(i + 1)],
    actual: i / 7,
    target: 90,
    gap: i % 3 === 0 ? 0 : -i,
    comparedAs: i % 4 ? ratio : count,
    noData: undefined,
    pledgedInWorkbook: undefined,
    ...over,
  };
}

/** The finding an evaluator would have made of these fields, as a plain object. */
function expected(f: FindingFields) {
  const out: Record<string, unknown> = {
    render: f.rule.render,
    ruleId: f.rule.ruleId,
    title: f.rule.title,
    severity: f.rule.severity,
    unit: f.unit,
    period: f.period,
    status: f.status,
    sheet: f.sheet,
    cell: f.cell,
    inputs: f.inputs,
    actual: f.actual,
    target: f.target,
    operator: f.comparedAs.operator,
    gap: f.gap,
    fact: f.comparedAs.fact,
    factLabel: f.comparedAs.factLabel,
    factUnit: f.comparedAs.factUnit,
    noData: f.noData,
  };
  if (f.pledgedInWorkbook) out.pledgedInWorkbook = f.pledgedInWorkbook;
  return out;
}

describe('CompactFindings', () => {
  test('gives back every finding as it was described, field order included, across many growths of its columns', () => {
    const list = new CompactFindings();
    const all = Array.from({ length: 5000 }, (_, i) => fields(i));
    for (const f of all) list.add(f);
    expect(list.length).toBe(5000);
    for (const i of [0, 1, 2, 1023, 1024, 2047, 2048, 4095, 4096, 4999]) {
      const f = list.at(i)!;
      expect({ ...f }).toEqual(expected(all[i]));
      expect(Object.keys(f)).toEqual(Object.keys(expected(all[i])));
      expect(f.inputs.map((x) => Object.keys(x))).toEqual(all[i].inputs.map((x) => Object.keys(x)));
      expect(list.statusAt(i)).toBe(all[i].status);
    }
    expect([...list].map((f) => f.cell)).toEqual(all.map((f) => f.cell));
    expect(list.at(-1)!.cell).toBe('D5001');
    expect([list.at(5000), list.at(-5001)]).toEqual([undefined, undefined]);
    // Each finding read is an object of its own, with its message rendered from its rule.
    expect(list.at(3)).not.toBe(list.at(4));
    expect(list.at(3)!.message.vi).toBe('vi:Đơn vị 1');
  });

  test('keeps what is not a number written, nulls, odd cells and the rare fields exactly', () => {
    const odd: FindingFields[] = [
      fields(0, {
        actual: null,
        target: null,
        gap: null,
        cell: '',
        status: 'no-data',
        noData: { kind: 'blank', cell: 'C2', shown: 'chưa thống kê' },
        inputs: [input(0, { value: null, shown: 'chưa thống kê' }), input(1, { value: null, shown: '' }), input(2, { value: null, shown: '#DIV/0!' })],
      }),
      fields(1, {
        cell: 'XFD1048576',
        inputs: [input(3, { cell: 'AA01' }), input(4, { cell: 'c7' }), input(5, { cell: 'XFE1' }), input(6, { cell: 'ABCD1' })],
      }),
      fields(2, {
        actual: -0,
        gap: 0,
        inputs: [input(7, { value: -0, shown: '0' }), input(8, { value: 1e21, shown: '1e+21' }), input(9, { value: 5, shown: '5,0' })],
      }),
      fields(3, {
        pledgedInWorkbook: { cell: 'E4', text: 'Giảm 5%', value: -5, differs: false } as unknown as FindingFields['pledgedInWorkbook'],
        inputs: [input(10, { pledged: { cell: 'E4', raw: 'Giảm 5%' } })],
      }),
    ];
    const list = new CompactFindings();
    for (const f of odd) list.add(f);
    odd.forEach((f, i) => {
      const back = list.at(i)!;
      expect({ ...back }).toEqual(expected(f));
      expect(Object.keys(back)).toEqual(Object.keys(expected(f)));
      back.inputs.forEach((x, j) => {
        expect(x).toEqual(f.inputs[j]);
        expect(Object.keys(x)).toEqual(Object.keys(f.inputs[j]));
      });
    });
    expect(Object.is(list.at(2)!.actual, -0)).toBe(true);
  });

  test('read one at a time into one reused finding, each reads as the finding made', () => {
    const list = new CompactFindings();
    const all = Array.from({ length: 3000 }, (_, i) =>
      fields(i, {
        ...(i % 7 === 0 ? { actual: null, gap: null, status: 'no-data' as const, inputs: [input(i, { value: null, shown: 'chưa thống kê' })] } : {}),
        ...(i % 11 === 0
          ? { pledgedInWorkbook: { cell: 'E4', text: 'Giảm 5%', value: -5, differs: false } as unknown as FindingFields['pledgedInWorkbook'] }
          : {}),
        ...(i % 13 === 0 ? { inputs: [input(i), input(i + 1), input(i + 2, { pledged: { cell: 'E4', raw: 'Giảm 5%' } })] } : {}),
        ...(i % 17 === 0 ? { inputs: [] } : {}),
      }),
    );
    for (const f of all) list.add(f);
    const reader = readOneAtATime(list);
    for (let i = 0; i < list.length; i++) {
      const made = list.at(i)!;
      const read = reader.at(i)!;
      const { pledgedInWorkbook: p, ...madeFields } = { ...made };
      const { pledgedInWorkbook: q, render: _r, kept: _k, inputLists: _l, ...readFields } = { ...read } as unknown as Record<string, unknown>;
      const { render: _m, ...plainMade } = madeFields as unknown as Record<string, unknown>;
      expect(readFields).toEqual(plainMade);
      expect(q).toEqual(p);
      expect(read.inputs.map((x) => ({ ...x, pledged: x.pledged }))).toEqual(made.inputs.map((x) => ({ ...x, pledged: x.pledged })));
      expect(read.message).toEqual(made.message);
    }
    // One object stands for each finding in turn; an array gives its own findings.
    expect(reader.at(1)).toBe(reader.at(2));
    expect([reader.at(-1), reader.at(3000)]).toEqual([undefined, undefined]);
    const array = [...list];
    expect(readOneAtATime(array)).toBe(array);
  });

  test('heads read one at a time say what each finding made says, cells beyond the usual too', () => {
    const list = new CompactFindings();
    const all = Array.from({ length: 2000 }, (_, i) => fields(i, i % 9 === 0 ? { cell: i % 2 ? 'XFE5' : 'Tổng' } : {}));
    for (const f of all) list.add(f);
    const heads = readHeadsOneAtATime(list);
    const keys = ['ruleId', 'title', 'severity', 'unit', 'period', 'status', 'sheet', 'cell'] as const;
    for (let i = 0; i < list.length; i++) {
      const made = list.at(i)!;
      const head = heads.at(i)!;
      for (const k of keys) expect([i, k, head[k]]).toEqual([i, k, made[k]]);
    }
    expect(heads.at(1)).toBe(heads.at(2));
    expect([heads.at(-1), heads.at(2000)]).toEqual([undefined, undefined]);
    const array = [...list];
    expect(readHeadsOneAtATime(array)).toBe(array);
  });
});
