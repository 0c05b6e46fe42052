import { mkdtempSync, readFileSync, writeFileSync, existsSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { zipSync, strToU8 } from 'fflate';
import { main, EXIT } from '../../src/cli/main';
import { SAMPLES } from '../helpers/paths';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'pledge-check-'));
const report = join(SAMPLES, 'bao-cao-ninh-binh-2025.xlsx');

describe('pledge-check check', () => {
  it('prints a table per unit and exits 1 when a target falls short', async () => {
    const r = await run('check', report);
    expect(r.code).toBe(EXIT.shortfall);
    expect(r.out).toContain('■ Công an tỉnh Ninh Bình');
    expect(r.out).toMatch(/Chưa đạt/);
    expect(r.err).toBe('');
  });

  it('speaks English with --lang en', async () => {
    const r = await run('check', report, '--lang', 'en');
    expect(r.out).toMatch(/Shortfall|Met/);
    expect(r.out).not.toMatch(/Chưa đạt/);
  });

  it('writes --json in the documented shape and --out without touching the input', async () => {
    const dir = tmp();
    const json = join(dir, 'f.json');
    const out = join(dir, 'copy.xlsx');
    const before = readFileSync(report);
    const mtime = statSync(report).mtimeMs;
    const r = await run('check', report, '--json', json, '--out', out);
    expect(r.code).toBe(EXIT.shortfall);
    const doc = JSON.parse(readFileSync(json, 'utf8'));
    expect(doc).toMatchObject({ workbook: report, rulePack: { id: 'default', version: expect.any(String) } });
    for (const f of doc.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['ruleId', 'unit', 'status', 'sheet', 'cell', 'inputs', 'actual', 'target', 'message']));
      expect(f.cell).toMatch(/^[A-Z]+\d+$/);
    }
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(report).equals(before)).toBe(true);
    expect(statSync(report).mtimeMs).toBe(mtime);
  });

  it('exits 0 when every target is met', async () => {
    const dir = tmp();
    const pack = JSON.parse(readFileSync(join(__dirname, '../../rules/default.json'), 'utf8'));
    pack.rules = pack.rules.filter((r: { id: string }) => r.id === 'no-wrongful-convictions');
    const packFile = join(dir, 'only-wrongful.json');
    writeFileSync(packFile, JSON.stringify(pack));
    const r = await run('check', report, '--rules', packFile);
    expect(r.code).toBe(EXIT.ok);
  });

  it('refuses to overwrite the input with --out', async () => {
    const r = await run('check', report, '--out', report);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/không được trùng tệp gốc/);
  });
});

describe('bad input: one clear sentence, exit code 2, no stack trace', () => {
  const cases: [string, (dir: string) => string, RegExp][] = [
    ['a missing file', (d) => join(d, 'khong-co.xlsx'), /không tìm thấy tệp/],
    ['a text file named .xlsx', (d) => write(d, 'a.xlsx', strToU8('Đơn vị,Số vụ\nHà Nội,1\n')), /không phải là sổ làm việc Excel/],
    [
      'an OLE file (.xls or password-protected)',
      (d) => write(d, 'b.xlsx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      /mật khẩu|\.xls/,
    ],
    ['a truncated zip', (d) => write(d, 'c.xlsx', readFileSync(report).subarray(0, 2000)), /bị hỏng hoặc bị cắt ngắn/],
    ['a zip that is not a workbook', (d) => write(d, 'd.xlsx', zipSync({ 'hello.txt': strToU8('xin chào') })), /thiếu phần xl\/workbook.xml/],
    ['an empty file', (d) => write(d, 'e.xlsx', new Uint8Array()), /không phải là sổ làm việc Excel/],
    ['a folder', (d) => d, /thư mục/],
  ];

  it.each(cases)('%s', async (_name, make, message) => {
    const dir = tmp();
    const file = make(dir);
    const before = existsSync(file) && statSync(file).isFile() ? readFileSync(file) : undefined;
    const r = await run('check', file);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    expect(r.err).toContain(file);
    if (before) expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a rule pack with a JSON error names file, line and column', async () => {
    const dir = tmp();
    const pack = write(dir, 'pack.json', strToU8('{\n  "id": "x",\n  "rules": [,]\n}'));
    const r = await run('check', report, '--rules', pack);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(new RegExp(`^${escape(pack)}:3:13: `));
  });

  it('unknown options and commands are usage errors', async () => {
    expect((await run('check', report, '--colour')).code).toBe(EXIT.badInput);
    expect((await run('frobnicate')).code).toBe(EXIT.badInput);
    expect((await run('check')).code).toBe(EXIT.badInput);
    expect((await run('check', report, '--lang', 'fr')).err).toMatch(/vi hoặc en/);
  });

  it('a workbook with no indicator table says what was looked for', async () => {
    const dir = tmp();
    const file = write(dir, 'empty.xlsx', await emptyWorkbook());
    const r = await run('check', file);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/không tìm thấy bảng chỉ tiêu/);
  });

  it('in a batch, an unreadable workbook is reported and the others are still checked', async () => {
    const dir = tmp();
    const bad = write(dir, 'bad.xlsx', strToU8('not a zip'));
    const r = await run('check', bad, report);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toContain(bad);
    expect(r.out).toContain('Công an tỉnh Ninh Bình');
  });
});

function write(dir: string, name: string, data: Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function emptyWorkbook(): Promise<Uint8Array> {
  const ExcelJS = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1').getCell('A1').value = 'Danh sách cán bộ';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
