import { readFileSync } from 'fs';
import { join } from 'path';
import { defaultPack } from '../../src/packs/builtinPacks';
import { htmlReport } from '../../src/report/htmlReport';
import { parseSignature, SignatureError } from '../../src/report/signatureBlock';
import { recordReview } from '../../src/review/recordReview';
import { EMPTY_REVIEW_BOOK } from '../../src/review/review';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { sheet, workbook } from '../helpers/grid';
import { SAMPLES } from '../helpers/paths';
import { consolidationOf } from './consolidationOf';

const HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';

/** A layout C table whose unit names, as any workbook text, may hold markup. */
const hostileGrid = workbook(
  sheet('Cụm <b>', [
    ['Đơn vị', 'Số vụ PPHS năm 2024', 'Số vụ PPHS năm 2025', 'Đã khám phá năm 2025'],
    [HOSTILE, 100, 90, 80],
    ["Công an tỉnh Hà Nam's", 100, 99, 70],
  ]),
);

describe('HTML report', () => {
  it('escapes every text that comes from a workbook, a reviewer or a comment', async () => {
    const c = await consolidationOf(
      defaultPack(),
      [
        {
          name: 'thư mục/<sổ>.xlsx',
          grid: hostileGrid,
          reviews: (findings) =>
            recordReview(EMPTY_REVIEW_BOOK, findings[0], {
              status: 'needs-explanation',
              comment: '</td></tr><script>x()</script>',
              reviewer: '<i>Ai đó</i>',
              time: '2026-11-05T03:00:00Z',
            }),
        },
      ],
      [{ workbook: '<x>.xlsx', message: '<x>.xlsx: tệp bị hỏng <b>' }],
    );
    const page = htmlReport(c, 'vi');
    expect(page).not.toMatch(/<script|<img|<i>|Cụm <b>|<x>|<sổ>|tệp bị hỏng <b>/);
    expect(page).toContain('Cụm &lt;b&gt;!');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;x()&lt;/script&gt;');
    expect(page).toContain('&lt;i&gt;Ai đó&lt;/i&gt;');
    expect(page).toContain('Hà Nam&#39;s');
    expect(page).toContain('Không đọc được 1 sổ');
  });

  it('is self-contained: inline CSS, no script, no link, image, font or URL to fetch', async () => {
    const c = await consolidationOf(defaultPack(), [{ name: 'a.xlsx', grid: readWorkbook(readFileSync(join(SAMPLES, 'tong-hop-cum-2025.xlsx'))) }]);
    const page = htmlReport(c, 'vi');
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|url\(|\ssrc=|\shref=/i);
    expect(page).toMatch(/@page \{ size: A4;/);
    expect(page).toMatch(/font-family: "Noto Sans", "DejaVu Sans", Arial/);
  });

  it('shows the pack, targets, scorecard, every unit with reasons, and the audit trail', async () => {
    const c = await consolidationOf(defaultPack(), [
      { name: 'samples/tong-hop-cum-2025.xlsx', grid: readWorkbook(readFileSync(join(SAMPLES, 'tong-hop-cum-2025.xlsx'))) },
    ]);
    const page = htmlReport(c, 'vi');
    for (const text of [
      'Báo cáo kiểm tra chỉ tiêu thi đua',
      'Bộ quy tắc default 1.0.0',
      '1. Chỉ tiêu giao ước',
      'Giảm ít nhất 10% số người chết do tai nạn giao thông',
      '2. Bảng tổng hợp và xếp hạng',
      '3. Kết quả theo đơn vị',
      'Công an tỉnh Nghệ An',
      'chưa đạt chỉ tiêu',
      '4. Nhật ký kiểm tra và xét duyệt',
      c.audit.workbooks[0].inputsDigest,
    ]) {
      expect(page).toContain(text);
    }
    expect((page.match(/<div class="unit">/g) ?? []).length).toBe(c.scorecard.rows.length);
  });

  it('speaks English with lang en, keeping the workbook text as it is', async () => {
    const c = await consolidationOf(defaultPack(), [{ name: 'a.xlsx', grid: readWorkbook(readFileSync(join(SAMPLES, 'tong-hop-cum-2025.xlsx'))) }]);
    const page = htmlReport(c, 'en');
    expect(page).toMatch(/<html lang="en">/);
    expect(page).toContain('Emulation pledge check report');
    expect(page).toContain('Scorecard and ranking');
    expect(page).toContain('Công an tỉnh Nghệ An');
    expect(page).not.toContain('Bảng tổng hợp và xếp hạng');
  });
});

describe('the report’s end', () => {
  const grid = workbook(
    sheet('Cụm 1', [
      ['Đơn vị', 'Số vụ PPHS năm 2024', 'Số vụ PPHS năm 2025', 'Đã khám phá năm 2025'],
      ['Công an tỉnh Hà Nam', 100, 90, 80],
      ['Công an tỉnh Nam Định', 100, 99, 70],
    ]),
  );

  it('closes with a sentence naming what was checked, then place and date, the signers and Nơi nhận, kept on one page and not starting one', async () => {
    const c = await consolidationOf(defaultPack(), [{ name: '/home/ai/bí mật/cum-1.xlsx', grid }]);
    const page = htmlReport(c, 'vi');
    const end = /<div class="report-end">([\s\S]*?)<\/section>\s*<\/div>/.exec(page)?.[1] ?? '';
    expect(end).toMatch(
      /^\s*<p class="closing">Trên đây là kết quả kiểm tra việc thực hiện chỉ tiêu thi đua của 2 đơn vị trong 1 sổ theo bộ chỉ tiêu “[^”]+”\.\/\.<\/p>\s*<section class="signature">/,
    );
    for (const s of ['NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ', 'Nơi nhận:']) expect(end).toContain(s);
    // Nothing after it but the closing tags; the private folder nowhere.
    expect(page.slice(page.indexOf('<div class="report-end">'))).toMatch(/<\/div>\s*<\/body>\s*<\/html>\s*$/);
    expect(page).not.toContain('/home/ai');
    expect(page.replace(/<wbr>/g, '')).toContain('cum-1.xlsx');
    expect(page).toMatch(/\.report-end \{[^}]*break-inside: avoid;[^}]*break-before: avoid;/);
    expect(htmlReport(c, 'en')).toContain('<p class="closing">This concludes the check of 2 unit(s) in 1 workbook(s) against the pack “');
  });

  it('takes its closing sentence from the signature file when given', async () => {
    const c = await consolidationOf(defaultPack(), [{ name: 'cum-1.xlsx', grid }]);
    const signature = parseSignature(
      JSON.stringify({ closing: 'Đề nghị các đơn vị khắc phục các chỉ tiêu chưa đạt./.', head: { title: 'GIÁM ĐỐC', name: 'Đại tá Nguyễn Văn A' } }),
      'vi',
    );
    const page = htmlReport(c, 'vi', signature);
    expect(page).toContain('<p class="closing">Đề nghị các đơn vị khắc phục các chỉ tiêu chưa đạt./.</p>');
    expect(page).not.toContain('Trên đây là');
    expect(page).toContain('Đại tá Nguyễn Văn A');
    expect(() => parseSignature('{"closing": 5}', 'vi')).toThrow(SignatureError);
  });
});
