/**
 * The generated sheets on paper, printed by LibreOffice: the scorecard workbook (`--scorecard`)
 * and the findings sheet of the highlighted copy (`--out`). A4 landscape pages, every column on
 * the page (fit to width down to 75 %), no text under 8 points, wrapped reasons that do not run
 * into the next row, and page numbers in the footer. Skips cleanly without LibreOffice (soffice)
 * or poppler (pdftotext). The PDFs are kept in test-artifacts/report/ for a person to look at.
 */
import { execFileSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'fs';
import { basename, join } from 'path';
import { onPath, overlappingWords, pageText, PdfPage, pdfPages, smallestText } from '../helpers/pdfLayout';
import { PROJECT_ROOT, SAMPLES } from '../helpers/paths';
import { runCli, tempDir } from '../helpers/runCli';

const soffice = onPath('soffice');
const tools = soffice && onPath('pdftotext');
const suite = tools ? describe : describe.skip;
if (!tools) console.warn('printed sheets test skipped: needs LibreOffice (soffice) and poppler-utils (pdftotext)');

/** One LibreOffice run for every workbook (it starts slowly), with its own profile. */
function toPdf(files: string[], outDir: string): void {
  const profile = tempDir('pledge-lo-');
  try {
    execFileSync(soffice as string, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], { stdio: 'ignore', timeout: 240_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const landscapeA4 = (p: PdfPage) => Math.abs(p.width - 841.89) < 2 && Math.abs(p.height - 595.28) < 2;

suite('generated sheets printed by LibreOffice', () => {
  const artifacts = join(PROJECT_ROOT, 'test-artifacts', 'report');
  let scorecard: PdfPage[];
  let copy: PdfPage[];

  beforeAll(async () => {
    const dir = tempDir('pledge-print-');
    const card = join(dir, 'tong-hop.xlsx');
    const out = join(dir, 'to-mau.xlsx');
    await runCli('check', SAMPLES, '--scorecard', card);
    await runCli('check', join(SAMPLES, 'tong-hop-cum-2025.xlsx'), '--out', out);
    toPdf([card, out], dir);
    mkdirSync(artifacts, { recursive: true });
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.pdf'))) copyFileSync(join(dir, f), join(artifacts, f));
    scorecard = pdfPages(join(dir, 'tong-hop.pdf'));
    copy = pdfPages(join(dir, 'to-mau.pdf'));
    expect(existsSync(join(dir, 'tong-hop.pdf')) && basename(out)).toBeTruthy();
  }, 300_000);

  it('prints the scorecard workbook on a few A4 landscape pages, numbered, Bảng tổng hợp on one page wide', () => {
    // Five sheets; before page setup the findings sheet alone took 17 pages, one column each.
    expect(scorecard.length).toBeGreaterThanOrEqual(3);
    expect(scorecard.length).toBeLessThanOrEqual(10);
    for (const p of scorecard) expect(landscapeA4(p)).toBe(true);
    scorecard.forEach((p, i) => expect(pageText(p)).toContain(`${i + 1} / ${scorecard.length}`));
    // Bảng tổng hợp: the unit, every target and the points on its first page.
    const first = pageText(scorecard[0]);
    for (const s of ['Bảng tổng hợp', 'Hạng', 'Đơn vị', 'Công an tỉnh Ninh Bình', 'Điểm', '7. Tuyệt đối']) expect(first).toContain(s);
    // Kết quả chi tiết: its header with the reason on the same page as the unit.
    const findings = scorecard.find((p) => pageText(p).includes('Kết quả chi tiết'))!;
    for (const s of ['Đơn vị', 'Chỉ tiêu', 'Lý do', 'Xét duyệt']) expect(pageText(findings)).toContain(s);
  });

  it('prints no scorecard text under 8 points and no text over other text', () => {
    expect(smallestText(scorecard).height).toBeGreaterThanOrEqual(8);
    expect(overlappingWords(scorecard)).toEqual([]);
  });

  it('prints the highlighted copy’s findings sheet readably: reasons wrapped within their rows, numbered pages', () => {
    const sheet = copy.filter((p) => pageText(p).includes('Kết quả kiểm tra'));
    expect(sheet.length).toBeGreaterThanOrEqual(1);
    for (const p of sheet) {
      expect(landscapeA4(p)).toBe(true);
      for (const s of ['Đơn vị', 'Chỉ tiêu', 'Lý do']) expect(pageText(p)).toContain(s);
      expect(pageText(p)).toMatch(/\d+ \/ \d+/);
    }
    expect(smallestText(sheet).height).toBeGreaterThanOrEqual(8);
    expect(overlappingWords(sheet)).toEqual([]);
  });
});
