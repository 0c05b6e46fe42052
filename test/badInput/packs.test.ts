/**
 * Rule packs that must be refused before anything reads them: empty, not JSON, nested too deeply
 * (the parser would overflow the stack), far too large, unknown operators, code-like keys. `check`
 * exits 2 with each problem as `file:line:column: message (code)`; `lint` reports them without
 * crashing; nothing is written and the workbook is untouched.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { EXIT } from '../../src/cli/main';
import { PACK_LIMITS } from '../../src/packs/packSafety';
import { runCli, snapshot, STACK_FRAME, tempDir, writeInput } from './cliHarness';
import { goodReport } from './corpus';

const DEFAULT = JSON.parse(readFileSync(join(__dirname, '../../rules/default.json'), 'utf8')) as { rules: Array<Record<string, unknown>> } & Record<
  string,
  unknown
>;

/** The default pack with its first rule's conditions replaced. */
function withConditions(conditions: unknown): string {
  return JSON.stringify({ ...DEFAULT, rules: [{ ...DEFAULT.rules[0], conditions }, ...DEFAULT.rules.slice(1)] }, null, 2);
}

interface PackCase {
  readonly name: string;
  readonly text: () => string | Uint8Array;
  /** Every line of the message matches (file:line:col: … (code)), or, for unreadable files, the one sentence. */
  readonly code: string;
  readonly vi: RegExp;
}

const CASES: PackCase[] = [
  { name: 'an empty file', text: () => '', code: 'json-syntax', vi: /cú pháp JSON sai/ },
  { name: 'an empty object', text: () => '{}', code: 'schema', vi: /thiếu thuộc tính bắt buộc "id"/ },
  { name: 'not JSON (YAML)', text: () => 'id: cum-1\nrules: []\n', code: 'json-syntax', vi: /cú pháp JSON sai \(InvalidSymbol\)/ },
  // Just under the size limit: only the nesting count stands between it and a stack overflow.
  { name: 'a million levels of nesting', text: () => '['.repeat(999_999) + ']'.repeat(999_999), code: 'too-deep', vi: /lồng nhau quá sâu/ },
  {
    name: 'nesting deep enough to overflow a recursive parser',
    text: () => '['.repeat(200_000) + ']'.repeat(200_000),
    code: 'too-deep',
    vi: /lồng nhau quá sâu \(hơn 40 cấp\)/,
  },
  {
    name: 'nesting just past the limit, inside a valid pack',
    text: () => JSON.stringify({ ...DEFAULT, description: JSON.parse('{"a":'.repeat(PACK_LIMITS.maxDepth + 2) + '1' + '}'.repeat(PACK_LIMITS.maxDepth + 2)) }),
    code: 'too-deep',
    vi: /lồng nhau quá sâu/,
  },
  {
    name: 'a few megabytes of text',
    text: () => JSON.stringify({ ...DEFAULT, description: { vi: 'x'.repeat(3_000_000), en: 'x' } }),
    code: 'too-large',
    vi: /tệp quá lớn \(\d+ ký tự, tối đa 2000000\)/,
  },
  {
    name: 'an unknown operator',
    text: () => withConditions({ all: [{ fact: 'criminal-cases-change-pct', operator: 'regex', value: 5 }] }),
    code: 'unknown-operator',
    vi: /toán tử "regex" không có; chỉ dùng: equal, notEqual/,
  },
  {
    name: 'a custom operator json-rules-engine would look up at run time',
    text: () => withConditions({ any: [{ fact: 'criminal-cases-change-pct', operator: 'startsWith', value: 5 }] }),
    code: 'unknown-operator',
    vi: /toán tử "startsWith" không có/,
  },
  {
    name: 'a jsonpath `path` in a condition',
    text: () => withConditions({ all: [{ fact: 'criminal-cases-change-pct', operator: 'equal', value: 1, path: '$..[?(@.constructor)]' }] }),
    code: 'forbidden-path',
    vi: /điều kiện không được có "path"/,
  },
  {
    name: 'a prototype key',
    text: () => JSON.stringify(DEFAULT, null, 2).replace('"rules": [', '"__proto__": { "polluted": true },\n  "rules": ['),
    code: 'forbidden-key',
    vi: /khóa "__proto__" không được phép/,
  },
];

describe.each(CASES)('a rule pack that is $name', ({ text, code, vi }) => {
  it('is refused by check: exit 2, located problems, no stack trace, nothing written', async () => {
    const dir = tempDir();
    const workbook = writeInput(dir, 'bao-cao.xlsx', goodReport());
    const pack = writeInput(dir, 'bo-quy-tac.json', text());
    const before = snapshot(dir);
    const r = await runCli('check', workbook, '--rules', pack, '--json', join(dir, 'kq.json'), '--out', join(dir, 'ban-sao.xlsx'));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.out).toBe('');
    expect(r.err).toMatch(vi);
    expect(r.err).not.toMatch(STACK_FRAME);
    for (const line of r.err.split('\n')) expect(line).toMatch(new RegExp(`^${escape(pack)}:\\d+:\\d+: .+ \\([a-z-]+\\)$`));
    expect(r.err).toContain(`(${code})`);
    expect(r.err.split('\n').length).toBeLessThanOrEqual(20);
    expect(snapshot(dir)).toEqual(before);
  });

  it('is reported by lint without crashing', async () => {
    const dir = tempDir();
    const pack = writeInput(dir, 'bo-quy-tac.json', text());
    const r = await runCli('lint', pack, '--format', 'json');
    expect(r.code).toBe(EXIT.problems);
    expect(r.out).toContain(`"${code}"`);
  });
});

describe('a 50 MB rule pack', () => {
  it('is refused unread, in one sentence', async () => {
    const dir = tempDir();
    const workbook = writeInput(dir, 'bao-cao.xlsx', goodReport());
    const pack = join(dir, 'lon.json');
    writeFileSync(pack, Buffer.alloc(50 * 2 ** 20, 0x20));
    const before = snapshot(dir);
    const t = Date.now();
    const r = await runCli('check', workbook, '--rules', pack);
    // A bound that tells "refused unread" from "read 50 MB" even on a loaded machine; speed itself is measured in npm run bench.
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toBe(`${pack}: tệp quá lớn (52428800 byte) để là một bộ quy tắc.`);
    expect(snapshot(dir)).toEqual(before);
    const en = await runCli('check', workbook, '--rules', pack, '--lang', 'en');
    expect(en.err).toBe(`${pack}: the file is too large (52428800 bytes) to be a rule pack.`);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
