/**
 * Issue #16, points 1–3: a verdict comes from what Excel shows. A figure hidden by markup
 * compatibility, a cell written twice, a number Excel does not read as one, or a part in an
 * encoding read wrongly must never turn a shortfall into "met".
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { EXIT } from '../../src/cli/main';
import { runCli, snapshot, STACK_FRAME, tempDir, writeInput } from './cliHarness';
import {
  cellTwiceWorkbook,
  DEATHS_CELL,
  fallbackOnlyWorkbook,
  HIDDEN_CELL_CASES,
  invalidUtf8Workbook,
  latin1Workbook,
  rawDeathsWorkbook,
  strictSheetWorkbook,
  utf16Workbook,
} from './hiddenCells';
import { refusal } from '../helpers/refusal';

const RULE = 'traffic-deaths-down-10pct';

async function deaths(bytes: Uint8Array, ...flags: string[]) {
  const dir = tempDir();
  const input = writeInput(dir, 'so.xlsx', bytes);
  const json = join(dir, 'kq.json');
  const r = await runCli('check', input, '--json', json, ...flags);
  if (r.code === EXIT.badInput) return { r, finding: undefined };
  const doc = JSON.parse(readFileSync(json, 'utf8')) as {
    findings: Array<{ ruleId: string; status: string; actual: number | null; inputs: Array<{ cell: string; value: number | null }> }>;
  };
  return { r, finding: doc.findings.find((f) => f.ruleId === RULE) };
}

describe('markup compatibility: only what Excel shows is read', () => {
  for (const [name, make] of Object.entries(HIDDEN_CELL_CASES)) {
    it(`${name}: the shown 280 is read, a shortfall`, async () => {
      const { r, finding } = await deaths(make());
      expect(r.code).toBe(EXIT.shortfall);
      expect(finding?.status).toBe('shortfall');
      expect(finding?.inputs.find((i) => i.cell === DEATHS_CELL)?.value).toBe(280);
    });
  }

  it('a Fallback is read when no Choice is understood', async () => {
    const { finding } = await deaths(fallbackOnlyWorkbook());
    expect(finding?.status).toBe('shortfall');
    expect(finding?.inputs.find((i) => i.cell === DEATHS_CELL)?.value).toBe(280);
  });

  it('a sheet in the Strict namespace is read', async () => {
    const { finding } = await deaths(strictSheetWorkbook());
    expect(finding?.inputs.find((i) => i.cell === DEATHS_CELL)?.value).toBe(280);
  });

  it('a cell address written twice is bad input, in one sentence', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'hai-lan.xlsx', cellTwiceWorkbook());
    const before = snapshot(dir);
    for (const [lang, re] of [
      ['vi', new RegExp(`hai-lan\\.xlsx: trang "Báo cáo" có ô ${DEATHS_CELL} được ghi hai lần`)],
      ['en', new RegExp(`hai-lan\\.xlsx: sheet "Báo cáo" has cell ${DEATHS_CELL} written twice`)],
    ] as const) {
      const r = await runCli('check', input, '--json', join(dir, 'kq.json'), '--out', join(dir, 'copy.xlsx'), '--lang', lang);
      expect(r.code).toBe(EXIT.badInput);
      expect(r.err).toMatch(re);
      expect(r.err.split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(STACK_FRAME);
    }
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('cell values: the xsd:double grammar only', () => {
  it.each([
    [' ', 'blank'],
    ['', 'empty'],
    ['0x10', 'hexadecimal'],
    ['0b11', 'binary'],
    ['0o7', 'octal'],
    ['INF', 'infinity'],
    ['-INF', 'minus infinity'],
    ['NaN', 'not a number'],
    ['Infinity', "JavaScript's infinity"],
    ['1_000', 'an underscore'],
    ['1e309', 'past the largest double'],
  ])('<v>%s</v> (%s) is no data, never a figure', async (v) => {
    const { finding } = await deaths(rawDeathsWorkbook(v));
    expect(finding?.status).toBe('no-data');
  });

  it.each([
    ['2.61e2', 261],
    ['261.', 261],
    ['+261', 261],
    [' 261 ', 261],
    ['26.1E1', 261],
  ])('<v>%s</v> is the number %d', async (v, n) => {
    const { finding } = await deaths(rawDeathsWorkbook(v));
    expect(finding?.status).toBe('met');
    expect(finding?.inputs.find((i) => i.cell === DEATHS_CELL)?.value).toBe(n);
  });
});

describe('encodings: UTF-8 and UTF-16 as declared, anything else refused in one sentence', () => {
  it.each([
    ['le', true],
    ['be', true],
    ['le', false],
    ['be', false],
  ] as const)('a UTF-16%s sheet (BOM: %s) is read', async (order, bom) => {
    const { r, finding } = await deaths(utf16Workbook(order, bom));
    expect(r.err).toBe('');
    expect(finding?.status).toBe('met');
    expect(finding?.inputs.find((i) => i.cell === DEATHS_CELL)?.value).toBe(261);
  });

  it.each([
    ['ISO-8859-1', latin1Workbook, /so\.xlsx: the part xl\/worksheets\/sheet1\.xml declares the encoding ISO-8859-1; only UTF-8 and UTF-16 are read/],
    ['invalid UTF-8', invalidUtf8Workbook, /so\.xlsx: the part xl\/worksheets\/sheet1\.xml has bytes that are not valid UTF-8/],
  ] as const)('%s is refused, naming the file and the part', async (_name, make, re) => {
    const { r } = await deaths(make(), '--lang', 'en');
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(re);
    expect(r.err.split('\n')).toHaveLength(1);
  });
});

describe('the copy fills the cell Excel shows', () => {
  it('a hidden cell of an ignorable namespace before the real one is left alone; the real one is filled', async () => {
    const { bookOf, deathsSheet, MC } = await import('./hiddenCells');
    const dir = tempDir();
    const bytes = bookOf(
      deathsSheet({
        rootAttrs: `xmlns:mc="${MC}" xmlns:ign="urn:x" mc:Ignorable="ign"`,
        cell: (c) => `<ign:c r="${DEATHS_CELL}"><ign:v>200</ign:v></ign:c>${c}`,
      }),
    );
    const input = writeInput(dir, 'so.xlsx', bytes);
    const r = await runCli('check', input, '--out', join(dir, 'copy.xlsx'));
    expect(r.code).toBe(EXIT.shortfall);
    const { unzipSync, strFromU8 } = await import('fflate');
    const sheet = strFromU8(unzipSync(readFileSync(join(dir, 'copy.xlsx')))['xl/worksheets/sheet1.xml']);
    expect(sheet).toMatch(new RegExp(`<ign:c r="${DEATHS_CELL}"><ign:v>200`));
    expect(sheet).toMatch(new RegExp(`<c r="${DEATHS_CELL}" s="\\d+"><v>280</v>`));
    expect(sheet.match(new RegExp(`r="${DEATHS_CELL}"`, 'g'))).toHaveLength(2);
  });

  it('a marked cell inside an AlternateContent block: the copy is refused in one sentence, never given a second cell', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'so.xlsx', HIDDEN_CELL_CASES['a second Choice and a Fallback after the first understood Choice']());
    const before = snapshot(dir);
    const r = await runCli('check', input, '--out', join(dir, 'copy.xlsx'), '--lang', 'en');
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/so\.xlsx: cannot fill row \d+ of xl\/worksheets\/sheet1\.xml because it uses an mc:AlternateContent block/);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('encodings without a TextDecoder (jsdom), decoded by hand the same way', () => {
  it.each([
    ['UTF-16LE', () => utf16Workbook('le', true), 261],
    ['UTF-16BE', () => utf16Workbook('be', false), 261],
  ] as const)('%s', async (_n, make, value) => {
    const { readWorkbook } = await import('../../src/xlsx/read/readWorkbook');
    const saved = globalThis.TextDecoder;
    const bytes = make();
    try {
      (globalThis as { TextDecoder?: unknown }).TextDecoder = undefined;
      const rows = readWorkbook(bytes).sheets[0].rows;
      expect(rows.some((r) => r?.includes(value))).toBe(true);
      expect(refusal(() => readWorkbook(invalidUtf8Workbook())).vi).toMatch(/không hợp lệ trong mã UTF-8/);
    } finally {
      globalThis.TextDecoder = saved;
    }
  });
});
