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
import { overlappingWords, pageText, pdfPages, smallestText } from '../helpers/pdfLayout';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const onPath = (cmd: string) => (process.env.PATH ?? '').split(delimiter).map((d) => join(d, cmd)).find((p) => existsSync(p));
const pdftotext = onPath('pdftotext');
const suite = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn(`HTML report PDF test skipped: no Chromium at ${CHROMIUM}`);

const MM = 96 / 25.4; // CSS pixels per millimetre
const PRINTABLE_WIDTH_MM = 210 - 2 * 12; // A4 less the report's @page side margins

/** Fixtures (when present), samples, and the Ninh Bình sample reviewed and then edited, so the report has a changed review. */
async function reportInputs(dir: string): Promise<string[]> {
  const sample = join(SAMPLES, 'bao-cao-ninh-binh-2025.xlsx');
  const reviewed = join(dir, 'bao-cao-ninh-binh-2025.xlsx');
  const r = await runCli('review', sample, '--rule', 'traffic-deaths-down-10pct', '--unit', 'Công an tỉnh Ninh Bình', '--status', 'needs-explanation',
    '--comment', 'Đề nghị giải trình nguyên nhân số người chết do tai nạn giao thông chưa giảm đủ 10%', '--reviewer', 'Nguyễn Thị Hằng', '--out', reviewed);
  expect(r.code).toBe(EXIT.ok);
  const parts = unzipSync(readFileSync(reviewed));
  parts['xl/worksheets/sheet2.xml'] = strToU8(strFromU8(parts['xl/worksheets/sheet2.xml']).replace(/(<c r="D29"[^>]*><v>)381(<\/v>)/, '$1375$2'));
  writeFileSync(reviewed, zipSync(parts));
  const fixtures = hasSharedFixtures ? ['ca-thanh-hoa-2024.xlsx', 'cum-1-cac-thanh-pho-2020.xlsx', 'cum-5-tong-hop-6-thang-2020.xlsx'].map((f) => join(SHARED_FIXTURES, f)) : [];
  return [...fixtures, reviewed, join(SAMPLES, 'cum-thi-dua-2025-bang.xlsx'), join(SAMPLES, 'tong-hop-cum-2025.xlsx')];
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

    const { chromium } = await import('playwright-core');
    const profile = mkdtempSync(join(tmpdir(), 'pledge-check-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      // As wide as the printed page's text area, so the layout checked is the layout printed.
      viewport: { width: Math.floor(PRINTABLE_WIDTH_MM * MM), height: 1100 },
    });
    try {
      const page = await context.newPage();
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
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
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
    const text = execFileSync(pdftotext as string, ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
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
    for (const s of ['Nơi nhận:', 'NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ', '(Ký tên, đóng dấu)']) expect(last).toContain(s);
    const all = pages.map(pageText).join(' ');
    // The temporary folder the workbooks were in (a private path) is nowhere in the report.
    expect(all).not.toContain(dir);
    expect(html).not.toContain(dir);
    expect(all).toContain('bao-cao-ninh-binh-2025.xlsx');
  });

  (pdftotext ? it : it.skip)('prints no text smaller than 7 points and no text over other text', () => {
    const pages = pdfPages(pdfPath);
    // Word boxes are slightly taller than the font size: 7 pt digests measure about 8.
    expect(smallestText(pages).height).toBeGreaterThanOrEqual(7);
    expect(overlappingWords(pages)).toEqual([]);
  });
});
