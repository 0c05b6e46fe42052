/**
 * A second, independent reader: LibreOffice must open the patched copy, print it to PDF, and see
 * our fills and notes. Skipped where `soffice` is not installed.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HighlightPlan } from '../../src/xlsx/write/highlightPlan';
import { writeHighlightedCopy } from '../../src/xlsx/write/writeHighlightedCopy';
import { FIXTURES, haveFixtures } from './xlsxTestKit';

function onPath(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    if (dir && fs.existsSync(p)) return p;
  }
  return undefined;
}

const soffice = onPath('soffice');
const maybe = soffice ? describe : describe.skip;

async function sourceWorkbook(): Promise<{ bytes: Uint8Array; sheet: string }> {
  const fixture = path.join(FIXTURES, 'ca-thanh-hoa-2024-bieu-do.xlsx');
  if (haveFixtures && fs.existsSync(fixture)) return { bytes: new Uint8Array(fs.readFileSync(fixture)), sheet: 'Báo cáo' };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Báo cáo');
  ws.getCell('E11').value = 58;
  ws.getCell('E12').value = 54;
  ws.getCell('E18').value = 12150;
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), sheet: 'Báo cáo' };
}

maybe('LibreOffice opens the patched copy', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    const { bytes, sheet } = await sourceWorkbook();
    const plan: HighlightPlan = {
      author: 'Kiểm tra chỉ tiêu',
      marks: [
        { sheet, cell: 'E12', status: 'shortfall', note: 'Tỷ lệ khám phá 93,1 % < 95 %' },
        { sheet, cell: 'E11', status: 'shortfall', note: 'Mẫu số của tỷ lệ' },
        { sheet, cell: 'E18', status: 'no-data', note: 'Không có số liệu' },
      ],
      findingsSheet: {
        name: 'Kết quả',
        header: ['Chỉ tiêu', 'Trạng thái'],
        statusColumn: 1,
        rows: [{ values: ['Án rất nghiêm trọng', 'Chưa đạt'], status: 'shortfall', link: { sheet, cell: 'E12', column: 0 } }],
      },
    };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pledge-soffice-'));
    file = path.join(dir, 'patched.xlsx');
    fs.writeFileSync(file, writeHighlightedCopy(bytes, plan));
  });

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const convert = (format: string) =>
    execFileSync(
      soffice as string,
      [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', format, '--outdir', dir, file],
      { timeout: 120_000, stdio: 'pipe' },
    );

  it('converts it to PDF', () => {
    convert('pdf');
    const pdf = fs.readFileSync(path.join(dir, 'patched.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
  }, 150_000);

  it('sees the fills and the notes', () => {
    convert('fods');
    const fods = fs.readFileSync(path.join(dir, 'patched.fods'), 'utf8');
    expect(fods.toLowerCase()).toContain('fo:background-color="#ffc7ce"');
    expect(fods.toLowerCase()).toContain('fo:background-color="#ffeb9c"');
    const notes = [...fods.matchAll(/<office:annotation\b[\s\S]*?<\/office:annotation>/g)].map((m) => m[0].replace(/<[^>]+>/g, ''));
    expect(notes.some((n) => n.includes('Tỷ lệ khám phá 93,1 % &lt; 95 %'))).toBe(true);
    expect(notes.some((n) => n.includes('Không có số liệu'))).toBe(true);
    expect(fods).toContain('Kết quả');
  }, 150_000);
});
