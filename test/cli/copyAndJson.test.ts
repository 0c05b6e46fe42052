/**
 * The copy is compressed while the JSON is written; both are put in place only when both could be
 * written, so a copy that cannot be written leaves no JSON behind (and no temporary file).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { EXIT } from '../../src/cli/main';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { SAMPLES } from '../helpers/paths';
import { runCli, tempDir } from '../helpers/runCli';

const INPUT = join(SAMPLES, 'bao-cao-ninh-binh-2025.xlsx');

describe('--out and --json together', () => {
  it('writes both, the copy readable and the JSON complete', async () => {
    const dir = tempDir();
    const r = await runCli('check', INPUT, '--out', join(dir, 'ban-sao.xlsx'), '--json', join(dir, 'kq.json'));
    expect(r.code).not.toBe(EXIT.badInput);
    expect(r.out.match(/Đã ghi bản sao tô màu/g)).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, 'kq.json'), 'utf8')).findings.length).toBeGreaterThan(0);
    expect(readWorkbook(readFileSync(join(dir, 'ban-sao.xlsx'))).sheets.map((s) => s.name)).toContain('Kết quả kiểm tra');
    expect(readdirSync(dir).sort()).toEqual(['ban-sao.xlsx', 'kq.json']);
  });

  it('a copy that cannot be written: one sentence, exit 2, and no JSON or temporary file left', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const out = join(dir, 'not-a-folder', 'ban-sao.xlsx');
    const r = await runCli('check', INPUT, '--out', out, '--json', join(dir, 'kq.json'));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(new RegExp(`^${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: không ghi được tệp \\(\\w+\\)\\.$`));
    expect(existsSync(join(dir, 'kq.json'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['not-a-folder']);
  });

  it('a JSON file that cannot be written: no copy either', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const r = await runCli('check', INPUT, '--out', join(dir, 'ban-sao.xlsx'), '--json', join(dir, 'not-a-folder', 'kq.json'));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toContain('kq.json: không ghi được tệp');
    expect(readdirSync(dir)).toEqual(['not-a-folder']);
  });
});
