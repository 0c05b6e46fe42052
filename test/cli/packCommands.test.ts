import { readFileSync } from 'fs';
import { join } from 'path';
import { EXIT, main } from '../../src/cli/main';
import { checkRulePackFile } from '../../src/packs/loadRulePack';
import { basePack, localized, packText, positionOf, writePacks } from '../packs/packText';
import { PROJECT_ROOT, SAMPLES } from '../helpers/paths';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const rules = (name: string) => join('rules', name);

/** A pack with one error (an operator that does not exist) and one warning (an unused indicator). */
function brokenPack(): string {
  const pack = basePack();
  (pack.rules as { conditions: object }[])[0].conditions = { all: [{ fact: 'cleared-pct', operator: 'atLeast', value: 80 }] };
  return packText(pack);
}

function warningOnlyPack(): string {
  const pack = basePack();
  Object.assign(pack.indicators as object, { fires: { label: localized('Cháy, nổ'), match: ['cháy nổ'] } });
  return packText(pack);
}

describe('pledge-check lint', () => {
  it('every pack in rules/ lints clean: exit 0 and one summary line', async () => {
    const r = await run('lint', rules('default.json'), rules('cum-1-2020.json'), rules('cum-5-2020.json'), rules('cum-6-2024.json'));
    expect(r).toEqual({ code: EXIT.ok, out: '✓ Không có vấn đề nào trong 4 tệp.', err: '' });
  });

  it('`rules/*.json` works: the schema beside the packs is skipped', async () => {
    const r = await run('lint', rules('rule-pack.schema.json'), rules('default.json'));
    expect(r).toEqual({ code: EXIT.ok, out: '✓ Không có vấn đề nào trong 1 tệp.', err: '' });
    expect((await run('lint', rules('rule-pack.schema.json'))).code).toBe(EXIT.badInput);
  });

  it('prints `file:line:col  severity  message  rule-id`, grouped per file, then a summary; exit 1 on errors', async () => {
    const files = writePacks({ 'a.json': brokenPack(), 'b.json': '{\n  "id": "b",\n}' });
    const r = await run('lint', files['a.json'], files['b.json'], '--lang', 'en');
    expect(r.code).toBe(EXIT.problems);
    const lines = r.out.split('\n');
    const op = positionOf(brokenPack(), '"operator"');
    expect(lines[0]).toMatch(
      new RegExp(
        `^${escape(files['a.json'])}:${op.line}:${op.column}\\s+error\\s+\\$\\.rules\\[0\\]\\.conditions\\.all\\[0\\]\\.operator: unknown operator "atLeast"; .*  unknown-operator$`,
      ),
    );
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(new RegExp(`^${escape(files['b.json'])}:3:1\\s+error\\s+invalid JSON syntax \\(\\w+\\)  json-syntax$`));
    expect(lines[3]).toBe('');
    expect(lines[4]).toBe('✖ 2 problems (2 errors, 0 warnings) in 2 files.');
  });

  it('speaks Vietnamese by default', async () => {
    const files = writePacks({ 'a.json': brokenPack() });
    const r = await run('lint', files['a.json']);
    expect(r.out).toMatch(/\s+lỗi\s+\$\.rules\[0\]\.conditions\.all\[0\]\.operator: toán tử "atLeast" không có; /);
    expect(r.out).toMatch(/✖ 1 vấn đề \(1 lỗi, 0 cảnh báo\) trong 1 tệp\.$/);
  });

  it('warnings alone exit 0', async () => {
    const files = writePacks({ 'w.json': warningOnlyPack() });
    const r = await run('lint', files['w.json'], '--lang', 'en');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(new RegExp(`^${escape(files['w.json'])}:\\d+:\\d+\\s+warning\\s+no rule reads indicator "fires"; .*  unused-indicator$`, 'm'));
    expect(r.out).toMatch(/⚠ 1 problem \(0 errors, 1 warning\) in 1 file\.$/);
  });

  it('--format json gives ESLint-shaped results', async () => {
    const files = writePacks({ 'a.json': brokenPack(), 'ok.json': packText(basePack()) });
    const r = await run('lint', files['a.json'], files['ok.json'], '--format', 'json', '--lang', 'en');
    expect(r.code).toBe(EXIT.problems);
    const op = positionOf(brokenPack(), '"operator"');
    expect(JSON.parse(r.out)).toEqual([
      {
        filePath: files['a.json'],
        messages: [
          { ruleId: 'unknown-operator', severity: 2, message: expect.stringContaining('unknown operator "atLeast"'), line: op.line, column: op.column },
        ],
        errorCount: 1,
        warningCount: 0,
      },
      { filePath: files['ok.json'], messages: [], errorCount: 0, warningCount: 0 },
    ]);
  });

  it('an unreadable file is exit 2; the other files are still linted', async () => {
    const files = writePacks({ 'a.json': brokenPack() });
    const r = await run('lint', join(files.dir, 'khong-co.json'), files['a.json']);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toBe(`${join(files.dir, 'khong-co.json')}: không tìm thấy tệp bộ quy tắc.`);
    expect(r.out).toContain('unknown-operator');
  });

  it('usage errors exit 2', async () => {
    expect((await run('lint')).code).toBe(EXIT.badInput);
    expect((await run('lint', rules('default.json'), '--format', 'xml')).err).toMatch(/--format phải là stylish hoặc json/);
    expect((await run('lint', rules('default.json'), '--rules', 'x.json')).err).toMatch(/lệnh lint không dùng tùy chọn --rules/);
    expect((await run('check', join(SAMPLES, 'tong-hop-cum-2025.xlsx'), '--format', 'json')).code).toBe(EXIT.badInput);
  });
});

describe('pledge-check test', () => {
  it('runs the examples of every pack in rules/: exit 0', async () => {
    const r = await run('test', rules('default.json'), rules('cum-1-2020.json'), rules('cum-5-2020.json'), rules('cum-6-2024.json'), '--lang', 'en');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/^rules\/default\.json\n {2}✓ /);
    expect(r.out).toMatch(/✓ \d+\/\d+ examples agree\.$/);
    expect(r.out).not.toContain('✗');
  });

  it('reports each disagreeing example with file:line:col, exit 1 — what a threshold change does, before shipping', async () => {
    // An author raises the traffic threshold to −15 % and keeps the old example: it now disagrees.
    const pack = JSON.parse(readFileSync(join(PROJECT_ROOT, 'rules/cum-5-2020.json'), 'utf8'));
    pack.override['traffic-deaths-down-10pct'] = {
      threshold: -15,
      title: localized('Giảm ít nhất 15% số người chết do TNGT', 'At least 15 % fewer traffic deaths'),
    };
    const text = packText(pack);
    const files = writePacks({ 'cum.json': text });
    const r = await run('test', files['cum.json'], '--lang', 'en');
    expect(r.code).toBe(EXIT.problems);
    const at = positionOf(text, '"traffic-deaths-down-10pct": "met"');
    expect(r.out).toContain('  ✗ Đúng ngưỡng giao ước thì đạt / On the pledged thresholds meets');
    expect(r.out).toContain(`    ${files['cum.json']}:${at.line}:${at.column}  traffic-deaths-down-10pct: expected "Met", got "Shortfall"`);
    expect(r.out).toMatch(/✖ 3\/4 examples agree, 1 disagree\.$/);
  });

  it('a pack that does not lint does not run: its errors are shown, exit 1', async () => {
    const files = writePacks({ 'a.json': brokenPack() });
    const r = await run('test', files['a.json']);
    expect(r.code).toBe(EXIT.problems);
    expect(r.out).toContain('Bộ quy tắc có lỗi nên chưa chạy được ví dụ:');
    expect(r.out).toMatch(/unknown-operator/);
  });

  it('a hand-trimmed copy of the default pack still checks, but its stale examples fail `test`', async () => {
    const pack = JSON.parse(readFileSync(join(PROJECT_ROOT, 'rules/default.json'), 'utf8'));
    pack.rules = pack.rules.filter((r: { id: string }) => r.id === 'no-wrongful-convictions');
    const files = writePacks({ 'trimmed.json': packText(pack) });
    expect((await run('lint', files['trimmed.json'])).code).toBe(EXIT.ok);
    const r = await run('test', files['trimmed.json'], '--lang', 'en');
    expect(r.code).toBe(EXIT.problems);
    expect(r.out).toMatch(/criminal-cases-down-5pct: the pack has no such rule/);
  });

  it('--format json', async () => {
    const r = await run('test', rules('cum-6-2024.json'), '--format', 'json');
    expect(r.code).toBe(EXIT.ok);
    const [doc] = JSON.parse(r.out);
    expect(doc).toMatchObject({ filePath: rules('cum-6-2024.json'), passed: true, messages: [] });
    expect(doc.examples[0]).toEqual({ name: expect.any(String), line: expect.any(Number), column: expect.any(Number), passed: true, issues: [] });
  });
});

describe('pledge-check check --rules', () => {
  it('checks the cluster 5 consolidation with the cum-5-2020 pack', async () => {
    const dir = writePacks({}).dir;
    const json = join(dir, 'f.json');
    const r = await run('check', join(SAMPLES, 'tong-hop-cum-2025.xlsx'), '--rules', rules('cum-5-2020.json'), '--json', json);
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.shortfall);
    expect(r.out).toContain('Hạn chế xảy ra cháy, nổ (không tăng so với cùng kỳ)');
    const doc = JSON.parse(readFileSync(json, 'utf8'));
    expect(doc.rulePack).toEqual({ id: 'cum-5-2020', version: '1.0.0' });
    const find = (ruleId: string, unit: string) => doc.findings.find((f: { ruleId: string; unit: string }) => f.ruleId === ruleId && f.unit === unit);
    expect(find('traffic-deaths-down-10pct', 'Công an tỉnh Nghệ An')).toMatchObject({ status: 'met', target: -10, actual: -10 });
    expect(find('fires-explosions-not-up', 'Công an tỉnh Hà Tĩnh')).toMatchObject({ status: 'shortfall', severity: 'warning' });
    expect(find('cases-cleared-80pct', 'Công an tỉnh Nghệ An')).toMatchObject({ status: 'shortfall', severity: 'warning' });
    expect(doc.findings.some((f: { ruleId: string }) => f.ruleId === 'no-wrongful-convictions')).toBe(false);
  });

  it('refuses a pack that does not lint, with the messages lint gives, one error a line', async () => {
    const files = writePacks({ 'a.json': brokenPack() });
    const r = await run('check', join(SAMPLES, 'tong-hop-cum-2025.xlsx'), '--rules', files['a.json']);
    expect(r.code).toBe(EXIT.badInput);
    const p = checkRulePackFile(files['a.json']).problems.find((x) => x.severity === 'error')!;
    expect(r.err).toBe(`${files['a.json']}:${p.line}:${p.column}: ${p.message.vi} (${p.code})`);
    expect(r.out).toBe('');
  });

  it.each([
    ['jsonpath on a condition', { all: [{ fact: 'cleared-pct', operator: 'equal', value: 1, path: '$..*' }] }, 'forbidden-path'],
    ['a prototype key', { all: [{ fact: 'cleared-pct', operator: 'equal', value: 1 }], __proto__x: 1 }, 'forbidden-key'],
    ['a threshold no unit can meet', { all: [{ fact: 'cleared-pct', operator: 'greaterThanInclusive', value: 110 }] }, 'impossible-threshold'],
  ])('check and lint refuse %s with the same message at the same place', async (_name, conditions, code) => {
    const pack = basePack();
    (pack.rules as { conditions: object }[])[0].conditions = conditions;
    const text = packText(pack).replace('"__proto__x"', '"__proto__"');
    const files = writePacks({ 'p.json': text });
    const checked = await run('check', join(SAMPLES, 'tong-hop-cum-2025.xlsx'), '--rules', files['p.json']);
    const linted = await run('lint', files['p.json']);
    expect(checked.code).toBe(EXIT.badInput);
    expect(linted.code).toBe(EXIT.problems);
    const m = new RegExp(`^(${escape(files['p.json'])}:\\d+:\\d+): (.*) \\((${code})\\)$`).exec(checked.err)!;
    expect(m).not.toBeNull();
    expect(linted.out.split('\n')[0]).toMatch(new RegExp(`^${escape(m[1])}\\s+lỗi\\s+${escape(m[2])}  ${code}$`));
  });

  it('refuses a pack whose base is missing or loops', async () => {
    const files = writePacks({
      'a.json': { id: 'a', version: '1.0.0', title: localized('A'), extends: './b.json' },
      'b.json': { id: 'b', version: '1.0.0', title: localized('B'), extends: './a.json' },
      'c.json': { id: 'c', version: '1.0.0', title: localized('C'), extends: 'khong-co' },
    });
    const loop = await run('check', join(SAMPLES, 'tong-hop-cum-2025.xlsx'), '--rules', files['a.json'], '--lang', 'en');
    expect(loop.code).toBe(EXIT.badInput);
    expect(loop.err).toMatch(/"extends" goes round in a circle: .*a\.json → .*b\.json → .*a\.json \(extends-cycle\)$/);
    const missing = await run('check', join(SAMPLES, 'tong-hop-cum-2025.xlsx'), '--rules', files['c.json']);
    expect(missing.err).toMatch(/không có bộ quy tắc gốc "khong-co" trong rules\/ \(missing-base\)$/);
  });

  it('accepts a pack with warnings only', async () => {
    const files = writePacks({ 'w.json': warningOnlyPack() });
    const r = await run('check', join(SAMPLES, 'tong-hop-cum-2025.xlsx'), '--rules', files['w.json']);
    expect(r.err).toBe('');
    expect([EXIT.ok, EXIT.shortfall]).toContain(r.code);
  });
});
