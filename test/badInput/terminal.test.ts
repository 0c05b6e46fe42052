/**
 * Issue #16, points 13–14: nothing from a file reaches the terminal as a control sequence (file
 * names, zip entry names, workbook text, pack text), `lint` flags control characters in a pack,
 * and a pack with a number JSON turns into Infinity or a key written twice is a lint error that
 * `check` refuses in one sentence.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { EXIT } from '../../src/cli/main';
import { runCli, RunResult, snapshot, STACK_FRAME, tempDir, writeInput } from './cliHarness';
import { FULL_REPORT, goodReport, reportRows, xlsxPackage } from './corpus';
import { buildZip, entriesOf, withEntry } from './zipFiles';

const PACK_TEXT = readFileSync(join(__dirname, '../../rules/default.json'), 'utf8');
/** What must never be printed: C0 but \n and \t, DEL, C1, bidi overrides and isolates. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function printedSafely(r: RunResult): void {
  expect(r.out).not.toMatch(UNSAFE);
  expect(r.err).not.toMatch(UNSAFE);
}

describe('terminal escapes are never printed', () => {
  it('a workbook file name with OSC 52 (clipboard write), BEL and clear-screen', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'so\u001b]52;c;ZWNobyBwd25lZA==\u0007\u001b[2J.xlsx', goodReport());
    const r = await runCli('check', input);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('so\uFFFD]52;c;ZWNobyBwd25lZA==\uFFFD\uFFFD[2J.xlsx');
    printedSafely(r);
  });

  it('workbook text with C1 controls (CSI) and a right-to-left override', async () => {
    const rows = reportRows(FULL_REPORT, { unit: 'CÔNG AN TỈNH \u009b2J\u202eHÓA THANH' });
    const dir = tempDir();
    const input = writeInput(dir, 'so.xlsx', xlsxPackage({ sheets: [{ name: 'Báo cáo \u009b1m', rows }] }));
    const r = await runCli('check', input);
    printedSafely(r);
    expect(r.out).toContain('\uFFFD');
  });

  it('a zip entry name with ESC in an error message', async () => {
    const dir = tempDir();
    const entries = entriesOf(goodReport());
    const evil = { ...entries[0], name: 'xl/media/\u001b[2J\u001b]0;pwned\u0007.bin', crc: 1 };
    const input = writeInput(dir, 'so.xlsx', buildZip({ entries: [...entries, evil] }));
    const r = await runCli('check', input, '--lang', 'en');
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/CRC checksum does not match/);
    printedSafely(r);
  });

  it('a directory entry name with ESC is also safe when the zip is refused for sharing data', async () => {
    const dir = tempDir();
    const entries = withEntry(entriesOf(goodReport()), 'xl/styles.xml', (e) => e);
    const input = writeInput(dir, 'so.xlsx', buildZip({ entries, aliases: [['\u001b[31mred', 'xl/styles.xml']] }));
    const r = await runCli('check', input);
    expect(r.code).toBe(EXIT.badInput);
    printedSafely(r);
  });
});

describe('packs: control characters, non-finite numbers, duplicate keys', () => {
  function pack(text: string): { dir: string; file: string; input: string } {
    const dir = tempDir();
    const file = join(dir, 'pack.json');
    writeFileSync(file, text);
    return { dir, file, input: writeInput(dir, 'so.xlsx', goodReport()) };
  }

  /** Line and column (1-based) of the first occurrence of `needle`. */
  function position(text: string, needle: string): string {
    const at = text.indexOf(needle);
    const before = text.slice(0, at).split('\n');
    return `${before.length}:${before[before.length - 1].length + 1}`;
  }

  const titleWithEscape = PACK_TEXT.replace('bộ mặc định"', 'bộ mặc định\\u001b]52;c;cHduZWQ=\\u0007"');
  const infinite = PACK_TEXT.replace('"value": -5 }', '"value": 1e309 }');
  const duplicate = PACK_TEXT.replace('"version": "1.0.0",', '"version": "1.0.0",\n  "id": "other",');

  it.each([
    [
      'a title with an escape sequence',
      titleWithEscape,
      'control-character',
      '"vi": "Chỉ tiêu giao ước',
      /the text has control or bidirectional-override characters/,
    ],
    ['a threshold of 1e309', infinite, 'non-finite-number', '1e309', /the number is too large to represent \(it becomes infinity\)/],
    ['a key written twice', duplicate, 'duplicate-key', '"id": "other"', /the key "id" appears twice in one object/],
  ])('%s is a lint error with its line and column, and check refuses the pack in one sentence', async (_name, text, code, needle, message) => {
    const { dir, file, input } = pack(text);
    const lint = await runCli('lint', file, '--lang', 'en');
    expect(lint.code).toBe(EXIT.problems);
    const at = code === 'control-character' ? position(text, needle).replace(/:\d+$/, ':') : position(text, needle);
    expect(lint.out).toContain(`pack.json:${at}`);
    expect(lint.out).toMatch(message);
    expect(lint.out).toContain(code);
    printedSafely(lint);
    const before = snapshot(dir);
    const check = await runCli('check', input, '--rules', file, '--json', join(dir, 'kq.json'), '--lang', 'en');
    expect(check.code).toBe(EXIT.badInput);
    expect(check.err.split('\n')).toHaveLength(1);
    expect(check.err).toMatch(new RegExp(`pack\\.json:\\d+:\\d+: .*\\(${code}\\)$`));
    expect(check.err).not.toMatch(STACK_FRAME);
    expect(check.out).not.toMatch(/Infinity/);
    expect(snapshot(dir)).toEqual(before);
  });
});
