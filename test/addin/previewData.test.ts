import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { PackEvaluator } from '../../src/evaluate/evaluatePack';
import { findIndicatorTables } from '../../src/tables/findIndicatorTables';
import { LabelMatcher } from '../../src/tables/labelMatcher';
import { openPackage } from '../../src/xlsx/package';
import { readPackage } from '../../src/xlsx/read/readWorkbook';
import { problemLines } from '../../src/authoring/lintReport';
import { checkPackChoice, DEFAULT_CHOICE } from '../../addin/packChoice';
import { percentCells } from '../../addin/preview/percentCells';
import { shown } from '../../addin/preview/sheetView';
import { subjectBatches } from '../../addin/preview/subjectBatches';
import { toWire } from '../../addin/preview/checkProtocol';
import { distinctFirst } from '../../addin/taskpane/renderPack';
import { keepTogether } from '../../addin/taskpane/keepTogether';
import { writeNationalWorkbook } from '../../bench/endToEnd';
import { PROJECT_ROOT } from '../helpers/paths';

/** The preview's data work, without a page: batches, findings through the worker, number formats, names. */
const pack = checkPackChoice(DEFAULT_CHOICE).pack!;

async function findingsBothWays(bytes: Uint8Array) {
  const grid = readPackage(openPackage(bytes));
  const tables = findIndicatorTables(grid, new LabelMatcher(pack));
  const whole = await new PackEvaluator(pack).evaluate(tables);
  // One subject a batch: the hardest cut; the findings must be the same, in the same order.
  const evaluator = new PackEvaluator(pack);
  const batched = [];
  for (const b of subjectBatches(tables, (n) => n)) batched.push(...(await evaluator.evaluate(b.tables)));
  return { whole, batched };
}

describe('the preview’s check in batches of units', () => {
  it.each(['bao-cao-ninh-binh-2025.xlsx', 'cum-thi-dua-2025-bang.xlsx', 'tong-hop-cum-2025.xlsx'])(
    'gives the same findings in the same order as one check: %s',
    async (name) => {
      const { whole, batched } = await findingsBothWays(new Uint8Array(readFileSync(join(PROJECT_ROOT, 'samples', name))));
      expect(whole.length).toBeGreaterThan(0);
      expect(JSON.stringify(batched)).toBe(JSON.stringify(whole));
    },
  );

  it('gives the same findings for a table with one row per unit and month (the national layout)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pledge-batches-'));
    try {
      const file = join(dir, 'toan-quoc.xlsx');
      await writeNationalWorkbook(file, 12);
      const { whole, batched } = await findingsBothWays(new Uint8Array(readFileSync(file)));
      expect(whole.length).toBe(12 * 12 * 7);
      expect(JSON.stringify(batched)).toBe(JSON.stringify(whole));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends findings without their messages and renders the same message again on the page', async () => {
    const { whole } = await findingsBothWays(new Uint8Array(readFileSync(join(PROJECT_ROOT, 'samples', 'bao-cao-ninh-binh-2025.xlsx'))));
    const wire = structuredClone(whole.map(toWire)); // what postMessage does
    const page = new PackEvaluator(pack);
    const again = wire.map((w) => page.relink(w));
    expect(again.map((f) => [f.message.vi, f.message.en])).toEqual(whole.map((f) => [f.message.vi, f.message.en]));
    expect(JSON.stringify(again)).toBe(JSON.stringify(whole));
  });
});

describe('the sheet as the preview shows it', () => {
  it('shows percentage cells with their format, not as fractions', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Biểu 01');
    ws.getCell('B2').value = -0.0439;
    ws.getCell('B2').numFmt = '0.0%';
    ws.getCell('B3').value = 0.5;
    ws.getCell('B3').numFmt = '0%';
    ws.getCell('B4').value = 13478;
    const pkg = openPackage(new Uint8Array(await wb.xlsx.writeBuffer()));
    const formats = new Map(percentCells(pkg));
    expect(formats.get('Biểu 01!B2')).toBe(1);
    expect(formats.get('Biểu 01!B3')).toBe(0);
    expect(formats.has('Biểu 01!B4')).toBe(false);
    expect(shown(-0.0439, 'vi', formats.get('Biểu 01!B2'))).toBe('-4,4\u00a0%');
    expect(shown(0.5, 'en', formats.get('Biểu 01!B3'))).toBe('50\u00a0%');
    // Thousands grouped the reader's way, whatever the size.
    expect(shown(13478, 'vi')).toBe('13.478');
    expect(shown(4340, 'vi')).toBe('4.340');
    expect(shown(13478, 'en')).toBe('13,478');
  });

  it('keeps numbers with their units and comparisons with their numbers', () => {
    expect(keepTogether('88,59 % · ≥ 90 % · 1,41 điểm % · 3 vụ')).toBe('88,59\u00a0% · ≥\u00a090\u00a0% · 1,41\u00a0điểm\u00a0% · 3\u00a0vụ');
  });
});

describe('the pane’s words', () => {
  it('names packs by what tells them apart first', () => {
    const titles = checkPackChoice({ kind: 'builtin', id: 'cum-5-2020' }).pack!.title.vi;
    expect(distinctFirst(titles)).toMatch(/^Cụm thi đua số 5/);
    expect(distinctFirst(pack.title.vi)).toMatch(/^Bộ mặc định/);
    expect(distinctFirst('Bộ riêng')).toBe('Bộ riêng');
  });

  it('never doubles a word in a pack problem ("lỗi lỗi cú pháp JSON")', () => {
    const { problems } = checkPackChoice({ kind: 'file', name: 'hong.json', text: '{ "id": ' });
    for (const lang of ['vi', 'en'] as const) {
      const line = problemLines(problems, lang).join('\n');
      expect(line).toMatch(lang === 'vi' ? /lỗi\s+cú pháp JSON sai/ : /error\s+invalid JSON syntax/);
      expect(line).not.toMatch(/\b(\p{L}+)\s+\1\b/iu);
    }
  });
});
