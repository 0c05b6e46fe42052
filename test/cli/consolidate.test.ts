import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { EXIT } from '../../src/cli/main';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { SAMPLES } from '../helpers/paths';
import { runCli, tempDir } from '../helpers/runCli';

const SAMPLE_FILES = ['bao-cao-ninh-binh-2025.xlsx', 'cum-thi-dua-2025-bang.xlsx', 'tong-hop-cum-2025.xlsx'];

/** A folder as a cluster head keeps it: the units' workbooks, Excel's lock file, a note, one damaged file. */
function clusterFolder(): string {
  const dir = tempDir('pledge-cluster-');
  const folder = join(dir, 'cum');
  mkdirSync(folder);
  for (const f of SAMPLE_FILES) copyFileSync(join(SAMPLES, f), join(folder, f));
  writeFileSync(join(folder, '~$bao-cao-ninh-binh-2025.xlsx'), 'lock');
  writeFileSync(join(folder, 'ghi-chu.txt'), 'không phải sổ');
  writeFileSync(join(folder, 'a-hong.xlsx'), 'not a zip');
  return folder;
}

describe('check a cluster: several workbooks or a folder', () => {
  it('a folder: every .xlsx in it, sorted; a bad one reported in one sentence, the others still consolidated; exit 2', async () => {
    const folder = clusterFolder();
    const out = join(folder, '..');
    const r = await runCli('check', folder, '--scorecard', join(out, 'tong-hop.xlsx'), '--report', join(out, 'bao-cao.html'), '--json', join(out, 'kq.json'));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err.split('\n')).toEqual([
      `${join(folder, 'a-hong.xlsx')}: tệp không phải là sổ làm việc Excel (.xlsx) (có thể là .csv, .xls hoặc tệp khác đổi đuôi).`,
    ]);
    expect(r.out.indexOf('bao-cao-ninh-binh-2025.xlsx')).toBeLessThan(r.out.indexOf('cum-thi-dua-2025-bang.xlsx'));
    expect(r.out).toContain('Xếp hạng');
    const doc = JSON.parse(readFileSync(join(out, 'kq.json'), 'utf8'));
    expect(doc.workbooks.map((w: { workbook: string }) => w.workbook)).toEqual(SAMPLE_FILES.map((f) => join(folder, f)));
    expect(doc.unreadable).toEqual([{ workbook: join(folder, 'a-hong.xlsx'), message: r.err }]);
    expect(doc.scorecard.rows).toHaveLength(12);
    // The damaged workbook is named in the scorecard's audit sheet and in the report.
    const audit = readWorkbook(readFileSync(join(out, 'tong-hop.xlsx'))).sheets.find((s) => s.name === 'Nhật ký kiểm tra');
    expect(JSON.stringify(audit?.rows)).toContain('a-hong.xlsx');
    expect(readFileSync(join(out, 'bao-cao.html'), 'utf8')).toContain('Không đọc được 1 sổ');
  });

  it('all readable: exit 1 with a shortfall, and English with --lang en', async () => {
    const dir = tempDir();
    const r = await runCli('check', ...SAMPLE_FILES.map((f) => join(SAMPLES, f)), '--lang', 'en', '--scorecard', join(dir, 'scorecard.xlsx'));
    expect(r.code).toBe(EXIT.shortfall);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/Ranking \(Rule pack default 1\.0\.0, at most 7 points\):\n {4}1\. /);
    expect(readWorkbook(readFileSync(join(dir, 'scorecard.xlsx'))).sheets.map((s) => s.name)).toEqual(['Scorecard', 'Findings', 'Check log']);
  });

  it('an empty folder is one sentence and exit 2', async () => {
    const dir = tempDir();
    const r = await runCli('check', dir);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toBe(`${dir}: thư mục không có tệp .xlsx hay .xlsm nào.`);
  });

  it('never writes an output over a workbook being checked', async () => {
    const folder = clusterFolder();
    const target = join(folder, SAMPLE_FILES[0]);
    const before = readFileSync(target);
    for (const flag of ['--scorecard', '--report', '--json']) {
      const r = await runCli('check', folder, flag, target);
      expect(r.code).toBe(EXIT.badInput);
      expect(r.err).toMatch(/không được trùng sổ đang kiểm tra/);
      expect(readFileSync(target).equals(before)).toBe(true);
    }
  });

  it('--out with a folder of several workbooks is refused', async () => {
    const folder = clusterFolder();
    const r = await runCli('check', folder, '--out', join(folder, '..', 'x.xlsx'));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/--out chỉ dùng được khi kiểm tra một tệp/);
    expect(existsSync(join(folder, '..', 'x.xlsx'))).toBe(false);
  });
});
