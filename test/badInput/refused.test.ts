/**
 * Files Pledge Check must refuse: one sentence naming the file and what is wrong (Vietnamese by
 * default, English with --lang en), exit code 2, no stack trace, the input untouched, and nothing
 * written even when --out and --json are given.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'fs';
import { join } from 'path';
import { EXIT } from '../../src/cli/main';
import { runCli, snapshot, STACK_FRAME, tempDir, writeInput } from './cliHarness';
import { compoundFile, goodReport, xlsxPackage } from './corpus';
import { beyondTheGridWorkbook, billionLaughsWorkbook, externalEntityWorkbook, honestZipBomb, lyingSizeWorkbook } from './hostileFiles';

interface RefusedCase {
  readonly name: string;
  readonly file: string;
  readonly bytes: () => Uint8Array | string;
  readonly vi: RegExp;
  readonly en: RegExp;
}

const CASES: RefusedCase[] = [
  {
    name: 'not an xlsx at all (a PDF)',
    file: 'bao-cao.xlsx',
    bytes: () => '%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n',
    vi: /không phải là sổ làm việc Excel \(\.xlsx\)/,
    en: /is not an Excel workbook \(\.xlsx\)/,
  },
  {
    name: 'a truncated zip',
    file: 'bi-cat.xlsx',
    bytes: () => goodReport().subarray(0, Math.floor(goodReport().length / 2)),
    vi: /bị hỏng hoặc bị cắt ngắn/,
    en: /damaged or truncated/,
  },
  {
    name: 'a password-protected workbook (OLE container with EncryptedPackage)',
    file: 'co-mat-khau.xlsx',
    bytes: () => compoundFile(['EncryptionInfo', 'EncryptedPackage']),
    vi: /được bảo vệ bằng mật khẩu; hãy mở bằng Excel, bỏ mật khẩu/,
    en: /is password-protected; open it in Excel, remove the password/,
  },
  {
    name: 'an .xls given as .xlsx',
    file: 'bao-cao-2003.xlsx',
    bytes: () => compoundFile(['Workbook', '\u0005SummaryInformation']),
    vi: /sổ Excel 97-2003 \(\.xls\) đổi đuôi thành \.xlsx/,
    en: /Excel 97-2003 workbook \(\.xls\) renamed to \.xlsx/,
  },
  {
    name: 'a .csv given as .xlsx',
    file: 'so-lieu.xlsx',
    bytes: () => 'STT;Đơn vị;Số vụ PPHS năm 2023;Số vụ PPHS năm 2024\n1;Công an tỉnh Thanh Hóa;1.245;1.180\n',
    vi: /không phải là sổ làm việc Excel \(\.xlsx\) \(có thể là \.csv/,
    en: /not an Excel workbook \(\.xlsx\) \(it may be a \.csv/,
  },
  {
    name: 'an empty file',
    file: 'rong.xlsx',
    bytes: () => new Uint8Array(),
    vi: /không phải là sổ làm việc Excel/,
    en: /not an Excel workbook/,
  },
  {
    name: 'an empty workbook (no sheets)',
    file: 'so-trong.xlsx',
    bytes: () => xlsxPackage({ sheets: [] }),
    vi: /sổ làm việc trống, không có ô nào có dữ liệu/,
    en: /the workbook is empty/,
  },
  {
    name: 'an empty workbook (one blank sheet)',
    file: 'trang-trong.xlsx',
    bytes: () => xlsxPackage({ sheets: [{ name: 'Sheet1', rows: [] }] }),
    vi: /sổ làm việc trống/,
    en: /the workbook is empty/,
  },
  {
    name: 'a workbook with no indicator table',
    file: 'huong-dan.xlsx',
    bytes: () =>
      xlsxPackage({
        sheets: [
          {
            name: 'Hướng dẫn',
            rows: [['Điền số liệu năm 2024 vào biểu mẫu.'], ['Cùng kỳ năm 2023 là số của năm trước.'], ['Danh sách cán bộ', 'Nguyễn Văn A']],
          },
        ],
      }),
    vi: /không tìm thấy bảng chỉ tiêu nào \(đã tìm/,
    en: /no indicator table found \(looked for/,
  },
  {
    name: 'a zip bomb that lies (a sheet declaring 300 MB)',
    file: 'bom-nen.xlsx',
    bytes: () => lyingSizeWorkbook(300 * 2 ** 20),
    vi: /phần xl\/worksheets\/sheet1\.xml giải nén ra 300 MB, vượt giới hạn 256 MB cho một phần/,
    en: /the part xl\/worksheets\/sheet1\.xml unpacks to 300 MB, over the 256 MB limit for one part \(a damaged file or a zip bomb\)/,
  },
  {
    name: 'an honest zip bomb (9 × 64 MB of zeros in well under a megabyte)',
    file: 'bom-nen-that.xlsx',
    bytes: () => honestZipBomb(9, 64),
    vi: /giải nén ra hơn 512 MB dữ liệu, vượt giới hạn cho một sổ làm việc/,
    en: /unpacks to more than 512 MB, over the limit for a workbook \(a damaged file or a zip bomb\)/,
  },
  {
    name: 'XML entity expansion ("billion laughs") in the shared strings',
    file: 'thuc-the.xlsx',
    bytes: billionLaughsWorkbook,
    vi: /phần xl\/sharedStrings\.xml trong tệp có XML không hợp lệ/,
    en: /the part xl\/sharedStrings\.xml of the file is not valid XML/,
  },
  {
    name: 'a cell beyond Excel’s last row',
    file: 'ngoai-luoi.xlsx',
    bytes: beyondTheGridWorkbook,
    vi: /có dòng 99999999 nằm ngoài giới hạn của Excel/,
    en: /has row 99999999 outside Excel's limits/,
  },
];

describe.each(CASES)('refused: $name', ({ file, bytes, vi, en }) => {
  let data: Uint8Array | string;
  beforeAll(() => {
    data = bytes();
  });

  it.each([
    ['vi', [] as string[], vi, en],
    ['en', ['--lang', 'en'], en, vi],
  ])('%s: one sentence naming the file, exit 2, nothing written', async (_lang, langArgs, says, notSays) => {
    const dir = tempDir();
    const input = writeInput(dir, file, data);
    const before = snapshot(dir);
    const r = await runCli('check', input, '--out', join(dir, 'ban-sao.xlsx'), '--json', join(dir, 'ket-qua.json'), ...langArgs);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err.startsWith(`${input}: `)).toBe(true);
    expect(r.err).toMatch(says);
    expect(r.err).not.toMatch(notSays);
    expect(r.err).toMatch(/[.)]$/);
    expect(r.err).not.toMatch(STACK_FRAME);
    // The input is untouched (bytes and mtime) and no other file appeared.
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('refusing is fast and reads nothing it should not', () => {
  it('an entity bomb is refused at once, unexpanded', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'thuc-the.xlsx', billionLaughsWorkbook());
    const t = Date.now();
    const r = await runCli('check', input);
    // Expanded, the entities would take minutes and gigabytes: ten seconds tells the two apart on a loaded machine.
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).not.toContain('lollol');
  });

  it('an external entity is never resolved: the local file it names never shows up', async () => {
    const dir = tempDir();
    const secret = writeInput(dir, 'bi-mat.txt', 'MAT-KHAU-BI-MAT-12345');
    const input = writeInput(dir, 'xxe.xlsx', externalEntityWorkbook(secret));
    const before = snapshot(dir);
    const r = await runCli('check', input, '--json', join(dir, 'kq.json'));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.out + r.err).not.toContain('MAT-KHAU');
    expect(snapshot(dir)).toEqual(before);
  });

  it('a lying size header is refused before any memory is set aside for it', async () => {
    const dir = tempDir();
    // 4 GB declared: allocating it would fail or exhaust memory; refusing it costs nothing.
    const input = writeInput(dir, 'bom-4gb.xlsx', lyingSizeWorkbook(0xffffffff));
    const heap = process.memoryUsage().arrayBuffers;
    const r = await runCli('check', input);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/4,096 MB|4.096 MB/);
    expect(process.memoryUsage().arrayBuffers - heap).toBeLessThan(64 * 2 ** 20);
  });
});

describe('outputs that would lose or leave something', () => {
  it('--json naming the input is refused and the workbook survives', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'bao-cao.xlsx', goodReport());
    const before = snapshot(dir);
    const r = await runCli('check', input, '--json', input);
    expect(r.code).toBe(EXIT.badInput);
    expect(snapshot(dir)).toEqual(before);
  });

  it('--out naming the input another way (./x/../file) is refused', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'bao-cao.xlsx', goodReport());
    const before = snapshot(dir);
    const r = await runCli('check', input, '--out', join(dir, 'x', '..', 'bao-cao.xlsx'));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/không được trùng tệp gốc/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('--out naming the input through a hard link is refused: it is the same file', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'bao-cao.xlsx', goodReport());
    linkSync(input, join(dir, 'lien-ket.xlsx'));
    const before = snapshot(dir);
    const r = await runCli('check', input, '--out', join(dir, 'lien-ket.xlsx'));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/không được trùng tệp gốc/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a file larger than any package may unpack to is refused unread', async () => {
    const dir = tempDir();
    const input = join(dir, 'rat-lon.xlsx');
    writeFileSync(input, '');
    truncateSync(input, 600 * 2 ** 20); // sparse: 600 MB on paper, nothing on disk
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const reads = jest.spyOn(require('fs') as typeof import('fs'), 'readFileSync'); // the module itself, as the CLI sees it
    try {
      const r = await runCli('check', input);
      expect(r.code).toBe(EXIT.badInput);
      expect(r.err).toBe(`${input}: tệp quá lớn (600 MB) để là một sổ làm việc, giới hạn là 512 MB.`);
      expect(reads.mock.calls.map((c) => String(c[0]))).not.toContain(input);
    } finally {
      reads.mockRestore();
    }
  });

  it('a copy that cannot be written (its path is a folder) leaves no temporary file behind', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'bao-cao.xlsx', goodReport());
    const outDir = join(dir, 'ban-sao.xlsx');
    mkdirSync(outDir);
    const before = snapshot(dir);
    const r = await runCli('check', input, '--out', outDir);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/không ghi được tệp/);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(outDir)).toBe(true);
    expect(readFileSync(input).length).toBeGreaterThan(0);
  });
});
