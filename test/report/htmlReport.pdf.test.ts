/**
 * The HTML report printed by a real headless Chromium: A4 pages, nothing wider than the printable
 * width (no column cut off), no request made, and the Vietnamese text intact in the PDF's text.
 * Skips cleanly without Chromium (apt-get install chromium; .ci/run installs it in CI); the text
 * check also needs pdftotext (poppler-utils). The PDF is kept in test-artifacts/report/.
 */
import { execFileSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { delimiter, join } from 'path';
import { EXIT } from '../../src/cli/main';
import { hasSharedFixtures, PROJECT_ROOT, SAMPLES, SHARED_FIXTURES } from '../helpers/paths';
import { runCli, tempDir } from '../helpers/runCli';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { overlappingWords, pageText, PdfPage, pdfPages, pdfTextSizes } from '../helpers/pdfLayout';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const onPath = (cmd: string) =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .map((d) => join(d, cmd))
    .find((p) => existsSync(p));
const pdftotext = onPath('pdftotext');
const suite = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn(`HTML report PDF test skipped: no Chromium at ${CHROMIUM}`);

/** Runs `use` on a page of headless Chromium with a fresh profile, removed afterwards. */
async function inChromium(
  viewport: { width: number; height: number } | undefined,
  use: (page: import('playwright-core').Page) => Promise<void>,
): Promise<void> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'pledge-check-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    ...(viewport ? { viewport } : {}),
  });
  try {
    await use(await context.newPage());
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const MM = 96 / 25.4; // CSS pixels per millimetre
const PRINTABLE_WIDTH_MM = 210 - 2 * 12; // A4 less the report's @page side margins

/** Fixtures (when present), samples, and the Ninh Bình sample reviewed and then edited, so the report has a changed review. */
async function reportInputs(dir: string): Promise<string[]> {
  const sample = join(SAMPLES, 'bao-cao-ninh-binh-2025.xlsx');
  const reviewed = join(dir, 'bao-cao-ninh-binh-2025.xlsx');
  const r = await runCli(
    'review',
    sample,
    '--rule',
    'traffic-deaths-down-10pct',
    '--unit',
    'Công an tỉnh Ninh Bình',
    '--status',
    'needs-explanation',
    '--comment',
    'Đề nghị giải trình nguyên nhân số người chết do tai nạn giao thông chưa giảm đủ 10%',
    '--reviewer',
    'Nguyễn Thị Hằng',
    '--out',
    reviewed,
  );
  expect(r.code).toBe(EXIT.ok);
  const parts = unzipSync(readFileSync(reviewed));
  parts['xl/worksheets/sheet2.xml'] = strToU8(strFromU8(parts['xl/worksheets/sheet2.xml']).replace(/(<c r="D29"[^>]*><v>)381(<\/v>)/, '$1375$2'));
  writeFileSync(reviewed, zipSync(parts));
  const fixtures = hasSharedFixtures
    ? ['ca-thanh-hoa-2024.xlsx', 'cum-1-cac-thanh-pho-2020.xlsx', 'cum-5-tong-hop-6-thang-2020.xlsx'].map((f) => join(SHARED_FIXTURES, f))
    : [];
  return [...fixtures, reviewed, join(SAMPLES, 'cum-thi-dua-2025-bang.xlsx'), join(SAMPLES, 'tong-hop-cum-2025.xlsx')];
}

/** Words on a page above the report's closing sentence (the page's own number aside): the lines the end was kept with. */
function alongsideTheEnd(page: PdfPage): string[] {
  const words = page.words.filter((w) => !/^(Trang|\d+\/\d+)$/.test(w.text));
  const closing = words.findIndex((w, i) => w.text === 'Trên' && words[i + 1]?.text === 'đây');
  return closing < 0 ? [] : words.slice(0, closing).map((w) => w.text);
}

suite('HTML report printed by headless Chromium', () => {
  const artifacts = join(PROJECT_ROOT, 'test-artifacts', 'report');
  let dir: string;
  let html: string;
  let pdfPath: string;
  let layout: { pageWidth: number; docWidth: number; wide: string[]; clipped: string[] };
  let requests: string[];

  beforeAll(async () => {
    dir = tempDir('pledge-report-');
    const inputs = await reportInputs(dir);
    const report = join(dir, 'bao-cao.html');
    expect((await runCli('check', ...inputs, '--report', report)).code).toBe(EXIT.shortfall);
    html = readFileSync(report, 'utf8');

    // As wide as the printed page's text area, so the layout checked is the layout printed.
    await inChromium({ width: Math.floor(PRINTABLE_WIDTH_MM * MM), height: 1100 }, async (page) => {
      requests = [];
      await page.route('**/*', (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
      await page.emulateMedia({ media: 'print' });
      await page.setContent(html, { waitUntil: 'load' });
      // A string, not a function: the page's DOM types are not part of this project's TypeScript.
      layout = (await page.evaluate(`(() => {
        const pageWidth = document.documentElement.clientWidth;
        const docWidth = document.documentElement.scrollWidth;
        const name = (e) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' "' + (e.textContent || '').trim().slice(0, 40) + '"';
        const wide = [];
        const clipped = [];
        for (const e of document.body.querySelectorAll('*')) {
          const r = e.getBoundingClientRect();
          if (r.width > 0 && (r.right > pageWidth + 0.5 || r.left < -0.5)) wide.push(name(e) + ' right=' + r.right);
          if ((e.tagName === 'TD' || e.tagName === 'TH') && e.scrollWidth > e.clientWidth + 1) clipped.push(name(e) + ' ' + e.scrollWidth + '>' + e.clientWidth);
        }
        return { pageWidth, docWidth, wide, clipped };
      })()`)) as typeof layout;
      pdfPath = join(dir, 'bao-cao.pdf');
      writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    });
    mkdirSync(artifacts, { recursive: true });
    copyFileSync(pdfPath, join(artifacts, 'bao-cao.pdf'));
    copyFileSync(report, join(artifacts, 'bao-cao.html'));
  }, 120_000);

  it('makes no request at all (self-contained)', () => {
    expect(requests).toEqual([]);
  });

  it('fits the printable width: no element past the edge, no cell whose content overflows it', () => {
    expect(layout.docWidth).toBeLessThanOrEqual(layout.pageWidth);
    expect(layout.wide).toEqual([]);
    expect(layout.clipped).toEqual([]);
  });

  it('prints on A4 pages', () => {
    const pdf = readFileSync(pdfPath).toString('latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThan(1);
    for (const [w, h] of boxes) {
      // A4 is 595.28 × 841.89 pt; Chromium rounds to whole CSS pixels.
      expect(Math.abs(w - 595.28)).toBeLessThan(1.5);
      expect(Math.abs(h - 841.89)).toBeLessThan(1.5);
    }
  });

  (pdftotext ? it : it.skip)('keeps the Vietnamese text intact in the PDF', () => {
    const text = execFileSync(pdftotext as string, ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' })
      .normalize('NFC')
      .replace(/\s+/g, ' ');
    for (const phrase of [
      'Báo cáo kiểm tra chỉ tiêu thi đua',
      'Bảng tổng hợp và xếp hạng',
      'Giảm ít nhất 10% số người chết do tai nạn giao thông',
      'Công an tỉnh Ninh Bình',
      'Không có số liệu',
      'Cần giải trình',
      'Nguyễn Thị Hằng',
      'đã thay đổi sau khi xét duyệt',
      'Nhật ký kiểm tra và xét duyệt',
      ...(hasSharedFixtures ? ['Thừa Thiên Huế', 'TP Hồ Chí Minh'] : []),
    ]) {
      expect(text).toContain(phrase);
    }
  });

  (pdftotext ? it : it.skip)('ends with the signature block, numbers every page, and names workbooks without their folders', () => {
    const pages = pdfPages(pdfPath);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThanOrEqual(hasSharedFixtures ? 40 : 20);
    pages.forEach((p, i) => expect(pageText(p)).toContain(`Trang ${i + 1}/${pages.length}`));
    const last = pageText(pages[pages.length - 1]);
    for (const s of ['Trên đây là kết quả kiểm tra', 'Nơi nhận:', 'NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ', '(Ký tên, đóng dấu)']) expect(last).toContain(s);
    expect(alongsideTheEnd(pages[pages.length - 1])).not.toEqual([]);
    const all = pages.map(pageText).join(' ');
    // The temporary folder the workbooks were in (a private path) is nowhere in the report.
    expect(all).not.toContain(dir);
    expect(html).not.toContain(dir);
    expect(all).toContain('bao-cao-ninh-binh-2025.xlsx');
  });

  (pdftotext ? it : it.skip)('prints no text smaller than 8 points and no text over other text', () => {
    // The sizes the PDF draws its text at (not word boxes, which are taller than the text).
    const sizes = pdfTextSizes(pdfPath);
    expect(sizes.length).toBeGreaterThan(1000);
    expect(Math.min(...sizes.map((x) => x.size))).toBeGreaterThanOrEqual(7.95);
    expect(overlappingWords(pdfPages(pdfPath))).toEqual([]);
  });
});

/**
 * Wherever the pages happen to break, the report's end (closing sentence, place and date, the two
 * signers, Nơi nhận) is printed whole on the last page and never alone there: it brings the last
 * lines of the report with it. The report is pushed down a little more each time by a blank block
 * at its top, so the break before the end falls everywhere across one page.
 */
(pdftotext ? suite : describe.skip)('the end of the HTML report on paper', () => {
  const ends: { shift: number; pages: number; last: string; alongside: string[] }[] = [];

  beforeAll(async () => {
    const dir = tempDir('pledge-report-end-');
    const inputs = await reportInputs(dir);
    const report = join(dir, 'bao-cao.html');
    // The reviewed workbook alone: a short report that ends with the review log, a table.
    expect((await runCli('check', inputs.find((f) => f.startsWith(dir)) as string, '--report', report)).code).toBe(EXIT.shortfall);
    const html = readFileSync(report, 'utf8');
    await inChromium(undefined, async (page) => {
      await page.route('**/*', (route) => route.abort());
      // A4 less the top and bottom margins is 269 mm: steps of 11.5 mm cross one page.
      for (let shift = 0; shift < 270; shift += 11.5) {
        await page.setContent(html.replace('<body>', `<body><div style="height:${shift}mm"></div>`), { waitUntil: 'load' });
        const pdf = join(dir, `end-${shift}.pdf`);
        writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
        const pages = pdfPages(pdf);
        const last = pages[pages.length - 1];
        ends.push({ shift, pages: pages.length, last: pageText(last), alongside: alongsideTheEnd(last) });
      }
    });
  }, 120_000);

  it('prints the closing sentence and the whole signature block together on the last page', () => {
    expect(ends.length).toBeGreaterThanOrEqual(20);
    for (const e of ends) {
      for (const s of ['Trên đây là kết quả kiểm tra', '…………, ngày', 'NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ', '(Ký, ghi rõ họ tên)', 'Nơi nhận:', '- Lưu: VT.']) {
        expect({ shift: e.shift, has: s, last: e.last.includes(s) }).toEqual({ shift: e.shift, has: s, last: true });
      }
    }
  });

  it('never leaves the end alone on the last page, even where it would just not fit below the last table', () => {
    for (const e of ends) expect({ shift: e.shift, alone: e.alongside.length === 0 }).toEqual({ shift: e.shift, alone: false });
    // The shifts did move the break: the report took more pages at some shifts than at others.
    expect(new Set(ends.map((e) => e.pages)).size).toBeGreaterThan(1);
  });
});
