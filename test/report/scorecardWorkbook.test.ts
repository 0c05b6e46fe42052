/**
 * The cluster consolidation end to end through the CLI: the shared fixtures (one workbook of each
 * layout) and the project's samples go into one scorecard whose counts are those of their findings,
 * written as a new .xlsx that the project's reader, ExcelJS and LibreOffice all open.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { delimiter, join } from 'path';
import { unzipSync, strFromU8 } from 'fflate';
import { SaxesParser } from 'saxes';
import { EXIT } from '../../src/cli/main';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { Finding } from '../../src/evaluate/finding';
import { cellText } from '../../src/grid/cell';
import { defaultPack } from '../../src/packs/builtinPacks';
import { STATUS_FILL } from '../../src/xlsx/write/highlightPlan';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { hasSharedFixtures, SAMPLES, SHARED_FIXTURES } from '../helpers/paths';
import { runCli, tempDir } from '../helpers/runCli';

const FIXTURES = ['ca-thanh-hoa-2024.xlsx', 'cum-1-cac-thanh-pho-2020.xlsx', 'cum-5-tong-hop-6-thang-2020.xlsx'];
const SAMPLE_FILES = ['bao-cao-ninh-binh-2025.xlsx', 'cum-thi-dua-2025-bang.xlsx', 'tong-hop-cum-2025.xlsx'];
const inputs = [...(hasSharedFixtures ? FIXTURES.map((f) => join(SHARED_FIXTURES, f)) : []), ...SAMPLE_FILES.map((f) => join(SAMPLES, f))];
if (!hasSharedFixtures) console.warn('scorecard consolidation: ../shared/fixtures absent, only the samples are consolidated');

interface Counts {
  met: number;
  shortfall: number;
  warning: number;
  noData: number;
}
const nfc = (s: string) => s.normalize('NFC');

/** Counts straight from the findings, by workbook and unit: what the scorecard must show. */
async function expectedCounts(): Promise<Map<string, Counts>> {
  const checker = new PledgeChecker(defaultPack());
  const out = new Map<string, Counts>();
  for (const file of inputs) {
    const { findings } = await checker.check(readWorkbook(readFileSync(file)));
    for (const f of findings as Finding[]) {
      const key = `${file}|${nfc(f.unit)}`;
      const c = out.get(key) ?? { met: 0, shortfall: 0, warning: 0, noData: 0 };
      if (f.status === 'met') c.met++;
      else if (f.status === 'no-data') c.noData++;
      else if (f.severity === 'warning') c.warning++;
      else c.shortfall++;
      out.set(key, c);
    }
  }
  return out;
}

describe('cluster consolidation: fixtures and samples into one scorecard', () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  let expected: Map<string, Counts>;
  beforeAll(async () => {
    dir = tempDir('pledge-scorecard-');
    result = await runCli(
      'check',
      ...inputs,
      '--scorecard',
      join(dir, 'tong-hop.xlsx'),
      '--json',
      join(dir, 'ket-qua.json'),
      '--report',
      join(dir, 'bao-cao.html'),
    );
    expected = await expectedCounts();
  });

  it('checks every workbook, ranks every unit, exits 1 (some target falls short)', () => {
    expect(result.err).toBe('');
    expect(result.code).toBe(EXIT.shortfall);
    expect(result.out).toMatch(/Xếp hạng \(Bộ quy tắc default 1\.0\.0, tối đa 7 điểm\):/);
    expect(result.out).toContain(`Đã ghi Bảng tổng hợp: ${join(dir, 'tong-hop.xlsx')} (${expected.size} đơn vị)`);
  });

  it('JSON: one scorecard row per unit and workbook, its counts those of its findings', () => {
    const doc = JSON.parse(readFileSync(join(dir, 'ket-qua.json'), 'utf8'));
    expect(doc.workbooks).toHaveLength(inputs.length);
    expect(doc.rulePack).toEqual({ id: 'default', version: expect.any(String) });
    expect(doc.audit).toEqual({
      checkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      tool: { name: 'pledge-check', version: expect.any(String) },
      rulePack: { ...doc.rulePack, basedOn: [] },
    });
    for (const w of doc.workbooks) {
      expect(w.audit).toMatchObject({
        checkedAt: doc.audit.checkedAt,
        fileDigest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        inputsDigest: expect.stringMatching(/^sha256:/),
        reviewLog: [],
      });
    }
    const rows = doc.scorecard.rows as Array<{ unit: string; workbook: string; counts: Counts & { notReported: number }; points: number; rank: number }>;
    expect(rows).toHaveLength(expected.size);
    for (const r of rows) {
      const e = expected.get(`${r.workbook}|${nfc(r.unit)}`);
      expect({ unit: r.unit, counts: { met: r.counts.met, shortfall: r.counts.shortfall, warning: r.counts.warning, noData: r.counts.noData } }).toEqual({
        unit: r.unit,
        counts: e,
      });
      expect(r.counts.met + r.counts.shortfall + r.counts.warning + r.counts.noData + r.counts.notReported).toBe(7);
      expect(r.points).toBe(r.counts.met); // default pack: weight 1, no warnings
    }
    // Ranks never increase badly: sorted by points, equal points share a rank.
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].points).toBeLessThanOrEqual(rows[i - 1].points);
      expect(rows[i].rank).toBe(rows[i].points === rows[i - 1].points ? rows[i - 1].rank : i + 1);
    }
  });

  it('the scorecard workbook: every part well-formed, read back by readWorkbook with the same counts', () => {
    const bytes = readFileSync(join(dir, 'tong-hop.xlsx'));
    for (const [name, data] of Object.entries(unzipSync(bytes))) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const parser = new SaxesParser({ xmlns: true });
      expect(() => parser.write(strFromU8(data)).close()).not.toThrow();
    }
    const grid = readWorkbook(bytes);
    expect(grid.sheets.map((s) => s.name)).toEqual(['Bảng tổng hợp', 'Kết quả chi tiết', 'Nhật ký kiểm tra']);
    const sheet = grid.sheets[0];
    const headerAt = sheet.rows.findIndex((r) => r && cellText(r[0]) === 'Hạng');
    const header = (sheet.rows[headerAt] ?? []).map((v) => cellText(v));
    const col = (name: string) => header.indexOf(name);
    expect(header.slice(2, 9).every((h) => /^\d\. /.test(h))).toBe(true);
    const workbookByName = new Map(inputs.map((i) => [i.slice(i.lastIndexOf('/') + 1), i]));
    let n = 0;
    for (const row of sheet.rows.slice(headerAt + 1)) {
      if (!row) continue;
      n++;
      const unit = cellText(row[1]);
      const e = expected.get(`${workbookByName.get(cellText(row[col('Sổ')]))}|${nfc(unit)}`);
      expect({ unit, met: row[col('Đạt')], shortfall: row[col('Chưa đạt')], noData: row[col('Không có số liệu')] }).toEqual({
        unit,
        met: e?.met,
        shortfall: e?.shortfall,
        noData: e?.noData,
      });
    }
    expect(n).toBe(expected.size);
    // Every finding is listed on the second sheet.
    const findingsSheet = grid.sheets[1].rows.filter(Boolean).length - 2; // title and header
    expect(findingsSheet).toBe([...expected.values()].reduce((s, c) => s + c.met + c.shortfall + c.warning + c.noData, 0));
  });

  it('ExcelJS reads it too: names, numbers, and a status fill on each target cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'tong-hop.xlsx')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Bảng tổng hợp');
    expect(ws).toBeDefined();
    let header = 0;
    ws!.eachRow((row, i) => {
      if (row.getCell(1).value === 'Hạng') header = i;
    });
    expect(header).toBeGreaterThan(0);
    const first = ws!.getRow(header + 1);
    expect(first.getCell(1).value).toBe(1);
    const fills = new Set<string>();
    for (let c = 3; c <= 9; c++) {
      const cell = first.getCell(c);
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      fills.add(fill?.fgColor?.argb ?? 'none');
      expect(String(cell.value)).toMatch(/^(Đạt|Chưa đạt|Không có số liệu|—)/);
    }
    for (const argb of fills) expect(Object.values(STATUS_FILL)).toContain(argb);
    expect(ws!.pageSetup.orientation).toBe('landscape');
    expect(ws!.pageSetup.paperSize).toBe(9);
  });

  const soffice = (process.env.PATH ?? '')
    .split(delimiter)
    .map((d) => join(d, 'soffice'))
    .find((p) => existsSync(p));
  (soffice ? it : it.skip)(
    'LibreOffice opens it and prints it to PDF',
    () => {
      execFileSync(
        soffice as string,
        [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'tong-hop.xlsx')],
        {
          timeout: 120_000,
          stdio: 'pipe',
        },
      );
      const pdf = readFileSync(join(dir, 'tong-hop.pdf'));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
    150_000,
  );
});
