/**
 * The --json document: objects outlined, each array element a compact line of its own (a finding
 * per line), written in pieces. Parsed, it is exactly what JSON.stringify would give.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { jsonPieces } from '../../src/cli/jsonText';
import { JsonBatches } from '../../src/report/jsonBatches';
import { SAMPLES } from '../helpers/paths';
import { runCli, tempDir } from '../helpers/runCli';

const joined = (v: unknown) => [...jsonPieces(v)].join('');
const batches = (n: number) =>
  new JsonBatches(n, (from, to) =>
    Array.from({ length: to - from }, (_, i) => ({ i: from + i, unit: `Công an xã ${from + i}`, inputs: [{ v: (from + i) % 7 }] })),
  );

describe('jsonPieces', () => {
  it.each([
    ['a primitive', 42],
    ['a string with line breaks and Vietnamese', 'Chưa đạt\n"còn cách" 2,5 %'],
    ['null', null],
    ['an empty object and array', { a: {}, b: [], c: [[]] }],
    [
      'undefined, functions and symbols are left out of objects, null in arrays',
      { a: undefined, b: () => 1, c: Symbol('x'), d: Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? undefined : i % 3 === 1 ? () => i : i)) },
    ],
    [
      'toJSON, dates, null prototypes',
      { when: new Date(Date.UTC(2026, 10, 22)), own: { toJSON: () => ({ x: [1, 2] }) }, bare: Object.assign(Object.create(null), { k: 'v' }) },
    ],
    ['a long array at the top', Array.from({ length: 2500 }, (_, i) => ({ i, s: `đơn vị ${i}`, nested: { list: [i, [i]] } }))],
    [
      'a long array deep inside short arrays and objects',
      {
        workbooks: [
          { name: 'a', findings: Array.from({ length: 1500 }, (_, i) => ({ i, inputs: [{ v: i }] })) },
          { name: 'b', findings: [] },
        ],
        tail: { x: 1 },
      },
    ],
    ['long arrays of long arrays', Array.from({ length: 70 }, (_, i) => Array.from({ length: 80 }, (_, j) => i * j))],
    ['a long array of primitives and holes', Object.assign(new Array(200), { 5: 'x', 150: 7 })],
    ['arrays made a batch at a time, deep and at the top', { workbooks: [{ findings: batches(2345) }, { findings: batches(0) }, { findings: batches(3) }] }],
    ['an array made a batch at a time, alone', batches(1001)],
  ])('%s parses to what JSON.stringify gives', (_name, value) => {
    expect(JSON.parse(joined(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('outlines objects and puts each element of an array on a line of its own, compact', () => {
    const doc = {
      workbook: 'a.xlsx',
      rulePack: { id: 'default', version: '1.0.0' },
      findings: [
        { ruleId: 'r', inputs: [{ v: 1 }, { v: 2 }] },
        { ruleId: 's', inputs: [] },
      ],
      none: [],
    };
    expect(joined(doc)).toBe(
      [
        '{',
        '  "workbook": "a.xlsx",',
        '  "rulePack": {',
        '    "id": "default",',
        '    "version": "1.0.0"',
        '  },',
        '  "findings": [',
        '    {"ruleId":"r","inputs":[{"v":1},{"v":2}]},',
        '    {"ruleId":"s","inputs":[]}',
        '  ],',
        '  "none": []',
        '}',
      ].join('\n'),
    );
  });

  it('outlines an element that holds findings made a batch at a time (a workbook of a batch), so no line holds a whole workbook', () => {
    const lines = joined({
      workbooks: [
        { workbook: 'a.xlsx', findings: batches(3) },
        { workbook: 'b.xlsx', findings: batches(2) },
      ],
    }).split('\n');
    expect(lines).toContain('      "workbook": "b.xlsx",');
    expect(lines.filter((l) => l.startsWith('        {"i":'))).toHaveLength(5);
  });

  it('gives a long array in many pieces, never the whole document in one', () => {
    const doc = { findings: Array.from({ length: 10_000 }, (_, i) => ({ ruleId: 'r', unit: `Công an xã ${i}`, inputs: [{ cell: `D${i}` }] })) };
    const pieces = [...jsonPieces(doc)];
    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(JSON.stringify(doc).length / 5);
  });

  it('the CLI writes a finding per line, each line a finding once its comma is cut, for one workbook and for several', async () => {
    const dir = tempDir();
    for (const files of [['bao-cao-ninh-binh-2025.xlsx'], ['bao-cao-ninh-binh-2025.xlsx', 'cum-thi-dua-2025-bang.xlsx', 'tong-hop-cum-2025.xlsx']]) {
      const out = join(dir, `kq-${files.length}.json`);
      await runCli('check', ...files.map((f) => join(SAMPLES, f)), '--json', out);
      const text = readFileSync(out, 'utf8');
      expect(text.endsWith('}\n')).toBe(true);
      const doc = JSON.parse(text) as { findings?: unknown[]; workbooks?: Array<{ findings: unknown[] }> };
      const findings = doc.findings ?? doc.workbooks!.flatMap((w) => w.findings);
      const lines = text.split('\n').filter((l) => /^\s*\{"ruleId":.*"inputs":\[/.test(l));
      expect(lines).toHaveLength(findings.length);
      expect(lines.map((l) => JSON.parse(l.trim().replace(/,$/, '')) as unknown)).toEqual(findings);
    }
  });
});
