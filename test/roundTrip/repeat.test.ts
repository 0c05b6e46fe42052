/**
 * Checking is a function of the workbook: the same input twice gives the same JSON (but for the
 * time of the check), the same console text and the same copy, byte for byte; and checking the
 * highlighted copy finds exactly what checking the original found (the marks and the findings
 * sheet change nothing a check reads).
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { runCli, tempDir, writeInput } from '../badInput/cliHarness';
import { hasSharedFixtures, SAMPLES, SHARED_FIXTURES } from '../helpers/paths';
import { richWorkbook } from './richWorkbook';

const files = (dir: string): Array<[string, () => Promise<Uint8Array> | Uint8Array]> =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => [f, () => readFileSync(join(dir, f))]);

const SOURCES = [...(hasSharedFixtures ? files(SHARED_FIXTURES) : []), ...files(SAMPLES), ['rich workbook (ExcelJS)', richWorkbook] as const];

/** The JSON document without the one field that is the clock, not the workbook: the check's time. */
function timeless(json: string): unknown {
  return JSON.parse(json, (k, v: unknown) => (k === 'checkedAt' ? '<time>' : v));
}

describe.each(SOURCES)('repeat: %s', (_name, load) => {
  it('check twice = check once: same JSON, same console output, same copy bytes', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'so-lieu.xlsx', await load());
    const once = await runCli('check', input, '--json', join(dir, '1.json'), '--out', join(dir, '1.xlsx'));
    const twice = await runCli('check', input, '--json', join(dir, '2.json'), '--out', join(dir, '2.xlsx'));
    expect(twice.code).toBe(once.code);
    expect(twice.out.replace(/2\.xlsx/g, '1.xlsx')).toBe(once.out);
    expect(timeless(readFileSync(join(dir, '2.json'), 'utf8'))).toEqual(timeless(readFileSync(join(dir, '1.json'), 'utf8')));
    expect(readFileSync(join(dir, '2.xlsx')).equals(readFileSync(join(dir, '1.xlsx')))).toBe(true);
  });

  it('checking the highlighted copy gives the same findings as the original', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'so-lieu.xlsx', await load());
    const copy = join(dir, 'ban-sao.xlsx');
    const original = await runCli('check', input, '--json', join(dir, 'goc.json'), '--out', copy);
    const again = await runCli('check', copy, '--json', join(dir, 'ban-sao.json'));
    expect(again.code).toBe(original.code);
    const findings = (f: string) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { findings: unknown[] }).findings;
    expect(findings('ban-sao.json')).toEqual(findings('goc.json'));
    expect(findings('goc.json').length).toBeGreaterThan(0);
  });
});
