/**
 * A check at provincial-to-national scale (13,200 unit-months): the console gets a summary instead
 * of a table per unit, and past MAX_CELL_NOTES flagged cells the copy's reasons are on its findings
 * sheet only, which the console says in one sentence. The JSON and the copy still hold everything.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { writeNationalWorkbook } from '../../bench/endToEnd';
import { EXIT } from '../../src/cli/main';
import { COMPACT_REPORT_FROM } from '../../src/report/consoleReport';
import { MAX_CELL_NOTES } from '../../src/xlsx/write/writeHighlightedCopy';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { SAMPLES } from '../helpers/paths';
import { runCli, tempDir } from '../helpers/runCli';
import { unzip } from '../xlsx/xlsxTestKit';

jest.setTimeout(120_000);

describe('a check of thousands of units', () => {
  const dir = tempDir('pledge-large-');
  const input = join(dir, 'toan-tinh.xlsx');
  // Enough units that the flagged cells pass MAX_CELL_NOTES (qualified columns such as `Số vụ PPHS về ma túy` are no longer read as duplicates).
  beforeAll(() => writeNationalWorkbook(input, 1100, 12));

  it.each([
    ['vi', [] as string[]],
    ['en', ['--lang', 'en']],
  ])('%s: a summary on the console, the copy without notes and one sentence saying where the reasons are', async (lang, langArgs) => {
    const out = join(dir, `ban-sao-${lang}.xlsx`);
    const json = join(dir, `kq-${lang}.json`);
    const r = await runCli('check', input, '--out', out, '--json', json, ...langArgs);
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.shortfall);
    const doc = JSON.parse(readFileSync(json, 'utf8')) as { findings: Array<{ status: string; unit: string; period?: string; message: string }> };
    const findings = doc.findings;
    expect(findings.length).toBeGreaterThan(COMPACT_REPORT_FROM);
    const count = (s: string) => findings.filter((f) => f.status === s).length;
    const lines = r.out.split('\n');
    const vi = lang === 'vi';

    // The summary: no table per unit, counts per target, the first shortfalls, the totals line as always.
    expect(r.out).not.toMatch(/^■ /m);
    expect(lines.length).toBeLessThan(120);
    expect(r.out).toContain(vi ? `${findings.length.toLocaleString('de-DE')} kết quả của ` : `${findings.length.toLocaleString('en-US')} findings for `);
    expect(r.out).toContain(
      vi
        ? 'danh sách đầy đủ kèm lý do có trong tệp --json và bản sao tô màu --out'
        : 'the full list with reasons is in the --json file and the --out highlighted copy',
    );
    expect(r.out).toContain(vi ? 'Theo chỉ tiêu:' : 'By target:');
    expect(r.out).toContain(vi ? 'Đơn vị có nhiều chỉ tiêu chưa đạt nhất' : 'Units with the most shortfalls');
    const firstShortfall = findings.find((f) => f.status === 'shortfall');
    expect(r.out).toContain(firstShortfall?.message as string);
    expect(r.out).toContain(
      vi
        ? `Tổng cộng: ${count('met')} đạt, ${count('shortfall')} chưa đạt, ${count('no-data')} không có số liệu.`
        : `Total: ${count('met')} met, ${count('shortfall')} shortfall, ${count('no-data')} no data.`,
    );

    // The copy: more flagged cells than the cap, so no notes, and the sentence right after the copy's line.
    const copyLine = lines.findIndex((l) => l.startsWith(vi ? 'Đã ghi bản sao tô màu' : 'Highlighted copy written'));
    const marked = Number(/\((\d+) /.exec(lines[copyLine])?.[1]);
    expect(marked).toBeGreaterThan(MAX_CELL_NOTES);
    const sheetName = vi ? 'Kết quả kiểm tra' : 'Check results';
    expect(lines[copyLine + 1]).toBe(
      vi
        ? `Vì có hơn 20.000 ô được đánh dấu, lý do không được ghi vào ghi chú của từng ô mà nằm ở trang "${sheetName}" của bản sao, mỗi kết quả một dòng kèm liên kết tới ô.`
        : `With more than 20,000 cells marked, the reasons are not attached as notes to each cell: they are on the copy's "${sheetName}" sheet, one row per finding with a link to its cell.`,
    );
    const parts = unzip(readFileSync(out));
    expect([...parts.keys()].filter((n) => /comments|vmlDrawing/.test(n))).toEqual([]);
    const copy = readWorkbook(readFileSync(out));
    const sheet = copy.sheets.find((s) => s.name === sheetName);
    expect(sheet?.rows.length).toBeGreaterThan(count('shortfall') + count('no-data'));
  });

  it('a workbook of normal size keeps its table per unit', async () => {
    const r = await runCli('check', join(SAMPLES, 'bao-cao-ninh-binh-2025.xlsx'), '--out', join(dir, 'nho.xlsx'));
    expect(r.out).toMatch(/^■ /m);
    expect(r.out).not.toContain('Theo chỉ tiêu:');
    expect(r.out).not.toContain('lý do không được ghi vào ghi chú');
  });
});
