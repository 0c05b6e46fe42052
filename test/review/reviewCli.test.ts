import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { existsSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { EXIT } from '../../src/cli/main';
import { REVIEWS_NAMESPACE } from '../../src/review/reviewXml';
import { runCli, tempDir } from '../helpers/runCli';
import { SAMPLES } from '../helpers/paths';

const report = join(SAMPLES, 'bao-cao-ninh-binh-2025.xlsx');
const RULE = 'traffic-deaths-down-10pct';
const UNIT = 'Công an tỉnh Ninh Bình';

function parts(file: string): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(readFileSync(file))).filter(([k]) => !k.endsWith('/')));
}

const same = (a?: Uint8Array, b?: Uint8Array) => a !== undefined && b !== undefined && Buffer.from(a).equals(Buffer.from(b));

/** A copy of `file` with one cell's cached value replaced, as a unit's later edit would leave it. */
function withCellValue(file: string, sheetPart: string, cell: string, value: string, out: string): string {
  const p = parts(file);
  const xml = strFromU8(p.get(sheetPart) as Uint8Array);
  const re = new RegExp(`(<c r="${cell}"[^>]*><v>)[^<]*(</v>)`);
  expect(re.test(xml)).toBe(true);
  p.set(sheetPart, strToU8(xml.replace(re, `$1${value}$2`)));
  writeFileSync(out, zipSync(Object.fromEntries(p)));
  return out;
}

async function review(input: string, out: string, status: string, reviewer: string, extra: string[] = []) {
  return runCli('review', input, '--rule', RULE, '--unit', UNIT, '--status', status, '--reviewer', reviewer, '--out', out, ...extra);
}

describe('pledge-check review: the review travels in the workbook', () => {
  let dir: string;
  let first: string;
  let second: string;
  beforeAll(async () => {
    dir = tempDir();
    first = join(dir, 'da-xet-duyet.xlsx');
    second = join(dir, 'da-xet-duyet-2.xlsx');
    const before = readFileSync(report);
    const mtime = statSync(report).mtimeMs;
    const r = await review(report, first, 'needs-explanation', 'Nguyễn Văn An', ['--comment', 'Đề nghị giải trình số người chết tăng <ở huyện A> & "B"']);
    expect(r).toMatchObject({ code: EXIT.ok, err: '' });
    expect(readFileSync(report).equals(before)).toBe(true);
    expect(statSync(report).mtimeMs).toBe(mtime);
    expect((await review(first, second, 'accepted', 'Trần Thị Bình')).code).toBe(EXIT.ok);
  });

  it('adds only the custom XML part, its properties and their relationships; every other part byte for byte', () => {
    const a = parts(report);
    const b = parts(first);
    const changed = [...new Set([...a.keys(), ...b.keys()])].filter((k) => !same(a.get(k), b.get(k))).sort();
    expect(changed).toEqual([
      '[Content_Types].xml',
      'customXml/_rels/item1.xml.rels',
      'customXml/item1.xml',
      'customXml/itemProps1.xml',
      'xl/_rels/workbook.xml.rels',
    ]);
    expect(strFromU8(b.get('customXml/item1.xml') as Uint8Array)).toContain(`<reviews xmlns="${REVIEWS_NAMESPACE}">`);
    expect(strFromU8(b.get('customXml/itemProps1.xml') as Uint8Array)).toContain(`ds:uri="${REVIEWS_NAMESPACE}"`);
    expect(strFromU8(b.get('xl/_rels/workbook.xml.rels') as Uint8Array)).toMatch(/relationships\/customXml" Target="..\/customXml\/item1.xml"/);
  });

  it('a second review replaces the part in place: same part names, nothing else changes', () => {
    const b = parts(first);
    const c = parts(second);
    const changed = [...new Set([...b.keys(), ...c.keys()])].filter((k) => !same(b.get(k), c.get(k)));
    expect(changed).toEqual(['customXml/item1.xml']);
  });

  it('check reads it back: console, JSON (`review`, audit log) and the HTML report', async () => {
    const json = join(dir, 'ket-qua.json');
    const html = join(dir, 'bao-cao.html');
    const r = await runCli('check', second, '--json', json, '--report', html);
    expect(r.code).toBe(EXIT.shortfall);
    expect(r.out).toMatch(/✎ Giảm ít nhất 10% số người chết do tai nạn giao thông: Chấp nhận — Trần Thị Bình/);
    expect(r.out).not.toContain('đã thay đổi sau khi xét duyệt');
    const doc = JSON.parse(readFileSync(json, 'utf8'));
    const f = doc.findings.find((x: { ruleId: string }) => x.ruleId === RULE);
    expect(f.review).toMatchObject({
      status: 'accepted',
      reviewer: 'Trần Thị Bình',
      comment: '',
      changedSinceReview: false,
      findingStatusAtReview: 'shortfall',
    });
    expect(f.review.inputsDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(doc.findings.filter((x: { review?: unknown }) => x.review)).toHaveLength(1);
    expect(doc.audit.reviewLog.map((e: { reviewer: string; status: string; previousStatus?: string }) => [e.reviewer, e.status, e.previousStatus])).toEqual([
      ['Nguyễn Văn An', 'needs-explanation', undefined],
      ['Trần Thị Bình', 'accepted', 'needs-explanation'],
    ]);
    expect(doc.audit.rulePack).toEqual({ id: 'default', version: expect.any(String), basedOn: [] });
    expect(doc.audit.reviewLog[0].comment).toBe('Đề nghị giải trình số người chết tăng <ở huyện A> & "B"');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('Chấp nhận');
    expect(page).toContain('Trần Thị Bình');
    expect(page).toContain('Đề nghị giải trình số người chết tăng &lt;ở huyện A&gt; &amp; &quot;B&quot;');
  });

  it('an input cell changed after the review: "đã thay đổi sau khi xét duyệt" in the console, JSON and report', async () => {
    const edited = withCellValue(second, 'xl/worksheets/sheet2.xml', 'D29', '300', join(dir, 'sua-so-lieu.xlsx'));
    const json = join(dir, 'sua.json');
    const html = join(dir, 'sua.html');
    const r = await runCli('check', edited, '--json', json, '--report', html);
    expect(r.out).toMatch(/⚠ đã thay đổi sau khi xét duyệt \(Biểu 01!D29: 381 → 300\)/);
    const f = JSON.parse(readFileSync(json, 'utf8')).findings.find((x: { ruleId: string }) => x.ruleId === RULE);
    expect(f.review.changedSinceReview).toBe(true);
    expect(f.review.changes).toEqual([
      {
        indicator: 'traffic-deaths',
        period: 'current',
        sheet: 'Biểu 01',
        cell: 'D29',
        before: { value: 381, shown: '381' },
        now: { value: 300, shown: '300' },
      },
    ]);
    expect(readFileSync(html, 'utf8')).toContain('đã thay đổi sau khi xét duyệt: Biểu 01!D29: 381 → 300');
    const en = await runCli('check', edited, '--lang', 'en');
    expect(en.out).toContain('⚠ changed since review (Biểu 01!D29: 381 → 300)');
  });

  it('a finding reviewed on one figure and checked on the same figure in another cell is unchanged', async () => {
    // Only the baseline's display text changes (number format), not its value.
    const r = await runCli('check', second, '--lang', 'en');
    expect(r.out).toContain('✎ At least 10');
    expect(r.out).not.toContain('changed since review');
  });
});

describe('pledge-check review: refusals are one sentence, exit 2, nothing written', () => {
  const cases: [string, (dir: string) => string[], RegExp][] = [
    ['--out equal to the input', () => ['--out', report], /không được trùng/],
    ['an unknown target', (d) => ['--rule', 'khong-co', '--out', join(d, 'o.xlsx')], /không có chỉ tiêu "khong-co" \(có: criminal-cases-down-5pct/],
    [
      'an unknown unit',
      (d) => ['--unit', 'Công an tỉnh Không Có', '--out', join(d, 'o.xlsx')],
      /không có kết quả .* \(các đơn vị có: Công an tỉnh Ninh Bình\)/,
    ],
    ['a period the table does not have', (d) => ['--period', '01/2025', '--out', join(d, 'o.xlsx')], /không có kỳ "01\/2025"/],
    [
      'a status that is not one of the three',
      (d) => ['--status', 'ok', '--out', join(d, 'o.xlsx')],
      /--status phải là accepted, needs-explanation, data-corrected/,
    ],
  ];
  it.each(cases)('%s', async (_name, extra, message) => {
    const dir = tempDir();
    const base = ['review', report, '--rule', RULE, '--unit', UNIT, '--status', 'accepted', '--reviewer', 'A', '--out', join(dir, 'o.xlsx')];
    // Later flags win, so each case overrides one of the defaults above.
    const r = await runCli(...base, ...extra(dir));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'o.xlsx'))).toBe(false);
  });

  it('a reviewer is required', async () => {
    const r = await runCli('review', report, '--rule', RULE, '--unit', UNIT, '--status', 'accepted', '--out', join(tempDir(), 'o.xlsx'));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/review cần --reviewer/);
  });
});

describe('reviews next to other custom XML parts', () => {
  it("finds ours by namespace, leaves another add-in's part byte for byte, and a damaged part never stops a check", async () => {
    const dir = tempDir();
    // A workbook that already holds someone else's custom XML part as item1.
    const p = parts(report);
    const foreign = strToU8('<?xml version="1.0"?><highlights xmlns="urn:pledge-check:highlight-memory:1"><c s="Biểu 01" a="D29" p="None"/></highlights>');
    p.set('customXml/item1.xml', foreign);
    p.set(
      'xl/_rels/workbook.xml.rels',
      strToU8(
        strFromU8(p.get('xl/_rels/workbook.xml.rels') as Uint8Array).replace(
          '</Relationships>',
          '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>',
        ),
      ),
    );
    const input = join(dir, 'co-phan-khac.xlsx');
    writeFileSync(input, zipSync(Object.fromEntries(p)));

    const out = join(dir, 'out.xlsx');
    expect((await review(input, out, 'data-corrected', 'A')).code).toBe(EXIT.ok);
    const q = parts(out);
    expect(same(q.get('customXml/item1.xml'), foreign)).toBe(true);
    expect(strFromU8(q.get('customXml/item2.xml') as Uint8Array)).toContain(REVIEWS_NAMESPACE);
    expect(q.has('customXml/itemProps2.xml')).toBe(true);
    expect((await runCli('check', out)).out).toContain('Đã sửa số liệu');

    // Damage our part: check warns in one sentence and still checks; review refuses to overwrite it.
    q.set('customXml/item2.xml', strToU8(`<reviews xmlns="${REVIEWS_NAMESPACE}"><review`));
    const damaged = join(dir, 'hong.xlsx');
    writeFileSync(damaged, zipSync(Object.fromEntries(q)));
    const r = await runCli('check', damaged);
    expect(r.code).toBe(EXIT.shortfall);
    expect(r.err).toMatch(/bỏ qua phần xét duyệt vì phần xét duyệt không phải XML hợp lệ/);
    expect(r.err.split('\n')).toHaveLength(1);
    const refused = await review(damaged, join(dir, 'x.xlsx'), 'accepted', 'A');
    expect(refused.code).toBe(EXIT.badInput);
    expect(refused.err).toMatch(/không ghi được xét duyệt/);
  });
});
