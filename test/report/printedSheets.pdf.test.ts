/**
 * The generated sheets on paper, printed by LibreOffice: the scorecard workbook (`--scorecard`)
 * and the findings sheet of the highlighted copy (`--out`), for the samples and for a generated
 * workbook of 120 unit-months (the bench's national generator, cut down: some 800 findings). A4
 * landscape pages, every column on the page (fit to width down to 75 %), the header row again at
 * the top of every page, no text under 8 points (the sizes the PDF draws, when LibreOffice has
 * Calibri's metrics: Carlito), wrapped reasons that do not run into the next row, and page
 * numbers in the footer. Skips cleanly without LibreOffice (soffice) or poppler (pdftotext). The
 * PDFs are kept in test-artifacts/report/ for a person to look at.
 */
import { execFileSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'fs';
import { basename, join } from 'path';
import { writeNationalWorkbook } from '../../bench/endToEnd';
import { onPath, overlappingWords, pageText, PdfPage, pdfPages, PdfWord, pdfTextSizes, smallestText } from '../helpers/pdfLayout';
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
    execFileSync(soffice as string, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
      stdio: 'ignore',
      timeout: 240_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Without Carlito (or Calibri) LibreOffice sets Calibri text in a wider font and fits it smaller: sizes say nothing then. */
const calibriMetrics = (() => {
  try {
    return /carlito|calibri/i.test(execFileSync('fc-list', { encoding: 'utf8' }));
  } catch {
    return false;
  }
})();
if (tools && !calibriMetrics)
  console.warn('printed sheets test: no Carlito or Calibri font, so printed text sizes are not checked (apt-get install fonts-crosextra-carlito)');

/** The sheet a page belongs to: the footer's left part (`&A`), the words on the footer's line before `n / N`. */
function sheetOf(p: PdfPage): string {
  const number = [...p.words].reverse().find((w, i, all) => w.text === '/' && /^\d+$/.test(all[i - 1]?.text ?? ''));
  if (!number) return '';
  return p.words
    .filter((w) => Math.abs(w.y0 - number.y0) < 2 && w.x1 < p.width / 2)
    .map((w) => w.text)
    .join(' ');
}

/** The header row's words at the top of the page's table: each found above every unit's name on the page. */
function headerOnTop(p: PdfPage, header: string[], unit: RegExp): string[] {
  const first = (text: string): PdfWord | undefined =>
    p.words.filter((w) => w.text === text).reduce<PdfWord | undefined>((top, w) => (top && top.y0 <= w.y0 ? top : w), undefined);
  const units = p.words.filter((w) => unit.test(w.text));
  const topUnit = Math.min(...units.map((w) => w.y0));
  return header.filter((h) => {
    const w = first(h);
    return !w || !(w.y1 <= topUnit + 1);
  });
}

/**
 * Header words a page must show: all of them (every column on the page) with Calibri's metrics;
 * without, the columns print at the same size across more pages, so only the first, repeated on every page.
 */
const wide = (words: string[]): string[] => (calibriMetrics ? words : words.slice(0, 1));

const landscapeA4 = (p: PdfPage) => Math.abs(p.width - 841.89) < 2 && Math.abs(p.height - 595.28) < 2;

suite('generated sheets printed by LibreOffice', () => {
  const artifacts = join(PROJECT_ROOT, 'test-artifacts', 'report');
  let scorecard: PdfPage[];
  let copy: PdfPage[];
  let bigCard: PdfPage[];
  let bigCopy: PdfPage[];
  let dir: string;
  let findingRows: number;
  let copyRows: number;
  let reasonChars: number;

  beforeAll(async () => {
    dir = tempDir('pledge-print-');
    const card = join(dir, 'tong-hop.xlsx');
    const out = join(dir, 'to-mau.xlsx');
    await runCli('check', SAMPLES, '--scorecard', card);
    await runCli('check', join(SAMPLES, 'tong-hop-cum-2025.xlsx'), '--out', out);
    // 60 communes × 2 months, every indicator the default pack reads: a few hundred findings.
    const national = join(dir, 'toan-quoc.xlsx');
    await writeNationalWorkbook(national, 60, 2);
    const r = await runCli(
      'check',
      national,
      '--out',
      join(dir, 'toan-quoc-to-mau.xlsx'),
      '--scorecard',
      join(dir, 'toan-quoc-tong-hop.xlsx'),
      '--json',
      join(dir, 'toan-quoc.json'),
    );
    expect(r.err).toBe('');
    const findings = (JSON.parse(readFileSync(join(dir, 'toan-quoc.json'), 'utf8')) as { findings: { status: string; message: string }[] }).findings;
    findingRows = findings.length;
    reasonChars = findings.filter((f) => f.status !== 'met').reduce((n, f) => n + f.message.replace(/\s/g, '').length, 0);
    // The copy's sheet lists what is not met; the scorecard's, every finding.
    copyRows = findings.filter((f) => f.status !== 'met').length;
    toPdf([card, out, join(dir, 'toan-quoc-to-mau.xlsx'), join(dir, 'toan-quoc-tong-hop.xlsx')], dir);
    mkdirSync(artifacts, { recursive: true });
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.pdf'))) copyFileSync(join(dir, f), join(artifacts, f));
    scorecard = pdfPages(join(dir, 'tong-hop.pdf'));
    copy = pdfPages(join(dir, 'to-mau.pdf'));
    bigCard = pdfPages(join(dir, 'toan-quoc-tong-hop.pdf'));
    bigCopy = pdfPages(join(dir, 'toan-quoc-to-mau.pdf'));
    expect(existsSync(join(dir, 'tong-hop.pdf')) && basename(out)).toBeTruthy();
  }, 300_000);

  it('prints the scorecard workbook on a few A4 landscape pages, numbered, Bảng tổng hợp on one page wide', () => {
    // Five sheets; before page setup the findings sheet alone took 17 pages, one column each.
    expect(scorecard.length).toBeGreaterThanOrEqual(3);
    expect(scorecard.length).toBeLessThanOrEqual(12);
    for (const p of scorecard) expect(landscapeA4(p)).toBe(true);
    scorecard.forEach((p, i) => expect(pageText(p)).toContain(`${i + 1} / ${scorecard.length}`));
    // Bảng tổng hợp: the unit, every target and the points on its first page.
    const first = pageText(scorecard[0]);
    for (const s of ['Bảng tổng hợp', 'Hạng', 'Đơn vị', 'Công an tỉnh Ninh Bình', ...(calibriMetrics ? ['Điểm', '7. Tuyệt đối'] : [])])
      expect(first).toContain(s);
    // Kết quả chi tiết: its header with the reason on the same page as the unit.
    const findings = scorecard.find((p) => pageText(p).includes('Kết quả chi tiết'))!;
    for (const s of ['Đơn vị', 'Chỉ tiêu', 'Lý do', 'Xét duyệt']) expect(pageText(findings)).toContain(s);
  });

  it('prints no scorecard text under 8 points and no text over other text', () => {
    expect(smallestText(scorecard).height).toBeGreaterThanOrEqual(8);
    if (calibriMetrics) expect(Math.min(...pdfTextSizes(join(dir, 'tong-hop.pdf')).map((x) => x.size))).toBeGreaterThanOrEqual(8);
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

  it('prints a few hundred findings on a sensible number of pages, one page wide, the header row on top of every page', () => {
    const sheet = bigCopy.filter((p) => sheetOf(p) === 'Kết quả kiểm tra');
    expect(findingRows).toBeGreaterThan(300);
    expect(copyRows).toBeGreaterThan(100);
    // Rows of two to four lines: some 10 to 40 findings a page, never one column a page.
    expect(sheet.length).toBeGreaterThanOrEqual(Math.ceil(copyRows / 40));
    expect(sheet.length).toBeLessThanOrEqual(Math.ceil(copyRows / 10));
    sheet.forEach((p, i) => {
      expect(landscapeA4(p)).toBe(true);
      // Every column on every page (fit to width), the header row above the first unit of the page.
      expect({ page: i + 1, missing: headerOnTop(p, wide(['Đơn', 'Chỉ', 'Kết', 'Thực', 'Còn', 'Ô', 'Lý']), /^xã$/) }).toEqual({ page: i + 1, missing: [] });
      expect(pageText(p)).toMatch(/Toàn quốc!/);
    });
    expect(overlappingWords(sheet)).toEqual([]);
    // Every reason printed whole: a row too short would cut its last lines off (not overlap them).
    let printed = 0;
    for (const p of sheet) {
      const header = p.words.filter((w) => w.text === 'Lý').reduce((a, w) => (a && a.y0 <= w.y0 ? a : w));
      const footer = Math.max(...p.words.map((w) => w.y0)) - 1;
      for (const w of p.words) if (w.x0 >= header.x0 - 1 && w.y0 > header.y1 + 1 && w.y0 < footer) printed += w.text.replace(/\s/g, '').length;
    }
    expect(printed).toBe(reasonChars);
    // No blank page after the table (LibreOffice's fit-to-width made one on long sheets).
    expect(bigCopy.filter((p) => p.words.length === 0)).toEqual([]);
    if (calibriMetrics) expect(Math.min(...pdfTextSizes(join(dir, 'toan-quoc-to-mau.pdf')).map((x) => x.size))).toBeGreaterThanOrEqual(8);
  });

  it('prints the scorecard of 120 unit-months with its header rows on every page of Bảng tổng hợp and Kết quả chi tiết', () => {
    const bySheet = new Map<string, PdfPage[]>();
    for (const p of bigCard) bySheet.set(sheetOf(p), [...(bySheet.get(sheetOf(p)) ?? []), p]);
    const card = bySheet.get('Bảng tổng hợp') ?? [];
    const findings = bySheet.get('Kết quả chi tiết') ?? [];
    // 120 rows of units on a handful of pages; every finding (met ones too), 10 to 40 a page.
    expect(card.length).toBeGreaterThanOrEqual(2);
    expect(card.length).toBeLessThanOrEqual(12);
    expect(findings.length).toBeGreaterThanOrEqual(Math.ceil(findingRows / 40));
    expect(findings.length).toBeLessThanOrEqual(Math.ceil(findingRows / 10));
    card.forEach((p, i) => expect({ page: i + 1, missing: headerOnTop(p, wide(['Hạng', 'Đơn', 'Kỳ', 'Điểm']), /^xã$/) }).toEqual({ page: i + 1, missing: [] }));
    findings.forEach((p, i) =>
      expect({ page: i + 1, missing: headerOnTop(p, wide(['Sổ', 'Đơn', 'Kỳ', 'Chỉ', 'Lý', 'Xét']), /^xã$/) }).toEqual({ page: i + 1, missing: [] }),
    );
    bigCard.forEach((p, i) => expect(pageText(p)).toContain(`${i + 1} / ${bigCard.length}`));
    expect(overlappingWords(bigCard)).toEqual([]);
    if (calibriMetrics) expect(Math.min(...pdfTextSizes(join(dir, 'toan-quoc-tong-hop.pdf')).map((x) => x.size))).toBeGreaterThanOrEqual(8);
  });
});
