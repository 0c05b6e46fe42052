/**
 * A million cells: a unit's report beside a 50,000 × 20 data sheet that is full of traps for a
 * table finder (years as numbers in every row, text in every fifth column, and one stray cell in
 * XFD1048576, the last cell of the grid). It must finish and stay within memory; the time and
 * memory are printed, never asserted (CI machines differ).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { columnName } from '../../src/grid/address';
import { EXIT } from '../../src/cli/main';
import { runCli, snapshot, tempDir, writeInput } from './cliHarness';
import { Cell, DEFAULT_RULES, FULL_REPORT, reportRows, xlsxPackage, xmlText } from './corpus';

const ROWS = 50_000;
const COLS = 20;

/** The data sheet's XML, written directly (a builder would take longer than the check). */
function dataSheet(): string {
  const names = Array.from({ length: COLS }, (_, c) => columnName(c));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  for (let r = 1; r <= ROWS; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < COLS; c++) {
      const ref = names[c] + r;
      if (c === 0) row += `<c r="${ref}" t="inlineStr"><is><t>${xmlText(`Nguyễn Văn ${r}`)}</t></is></c>`;
      else if (c <= 2)
        row += `<c r="${ref}"><v>${2022 + c}</v></c>`; // looks like a "2023 | 2024" header in every row
      else if (c % 5 === 0) row += `<c r="${ref}" t="inlineStr"><is><t>${xmlText(`Số vụ ${r % 97} - ghi chú năm 2024`)}</t></is></c>`;
      else row += `<c r="${ref}"><v>${(r * 7 + c * 13) % 1000}</v></c>`;
    }
    out.push(row, '</row>');
  }
  out.push('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>');
  return out.join('');
}

it('checks a workbook of a million cells, writes its copy, and reports the time and memory', async () => {
  const t0 = Date.now();
  const report: Cell[][] = reportRows(FULL_REPORT);
  const bytes = xlsxPackage({
    sheets: [
      { name: 'Báo cáo', rows: report },
      { name: 'Dữ liệu', xml: dataSheet() },
    ],
    level: 1,
  });
  const dir = tempDir();
  const input = writeInput(dir, 'mot-trieu-o.xlsx', bytes);
  const before = snapshot(dir);
  const built = Date.now() - t0;

  const heapBefore = process.memoryUsage().heapUsed;
  const t1 = Date.now();
  const r = await runCli('check', input, '--json', join(dir, 'kq.json'), '--out', join(dir, 'ban-sao.xlsx'));
  const seconds = (Date.now() - t1) / 1000;
  const heapAfter = process.memoryUsage().heapUsed;

  expect(r.err).toBe('');
  expect(r.code).toBe(EXIT.ok);
  const doc = JSON.parse(readFileSync(join(dir, 'kq.json'), 'utf8')) as { findings: Array<{ ruleId: string; status: string; sheet: string }> };
  expect(doc.findings.map((f) => [f.ruleId, f.status, f.sheet])).toEqual(DEFAULT_RULES.map((id) => [id, 'met', 'Báo cáo']));
  expect(snapshot(dir).get('mot-trieu-o.xlsx')).toEqual(before.get('mot-trieu-o.xlsx'));
  // Nothing on the big sheet was flagged, so its part is carried into the copy byte for byte.
  const original = unzipSync(bytes);
  const copy = unzipSync(readFileSync(join(dir, 'ban-sao.xlsx')));
  expect(Buffer.from(copy['xl/worksheets/sheet2.xml']).equals(Buffer.from(original['xl/worksheets/sheet2.xml']))).toBe(true);
  expect(strFromU8(original['xl/worksheets/sheet2.xml']).length).toBeGreaterThan(30e6);

  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    `1,000,000 cells (${(bytes.length / 2 ** 20).toFixed(1)} MB zipped, ${(original['xl/worksheets/sheet2.xml'].length / 2 ** 20).toFixed(1)} MB of sheet XML): ` +
      `built in ${(built / 1000).toFixed(1)} s; check --json --out took ${seconds.toFixed(1)} s; ` +
      `heap ${Math.round(heapBefore / 2 ** 20)} → ${Math.round(heapAfter / 2 ** 20)} MB; peak RSS of the jest worker ${peakMb} MB`,
  );
});
