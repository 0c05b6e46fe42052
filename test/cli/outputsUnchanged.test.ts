/**
 * Golden outputs: `check --json --out` on every sample (and the shared fixtures when present), and
 * one batch run with the scorecard and the report, compared with what the code wrote when the
 * goldens were made. Speed work and restructuring must leave every output the same: the findings
 * JSON equal once parsed, the copy equal part by part (a SHA-256 of each part's unpacked bytes).
 *
 * The clock is fixed (the JSON's audit and the scorecard's properties carry the time of the
 * check) and workbooks are named relative to the project, so the goldens hold in any checkout.
 * After a deliberate change of output: PLEDGE_GOLDEN=update npx jest test/cli/outputsUnchanged.test.ts
 */
import { createHash } from 'crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join, relative } from 'path';
import { unzipSync } from 'fflate';
import { writeNationalWorkbook } from '../../bench/endToEnd';
import { hasSharedFixtures, PROJECT_ROOT, SAMPLES, SHARED_FIXTURES } from '../helpers/paths';
import { runCli, tempDir } from '../helpers/runCli';

const GOLDEN = join(PROJECT_ROOT, 'test/golden');
const UPDATE = process.env.PLEDGE_GOLDEN === 'update';
const FIXED_NOW = new Date('2025-10-01T08:00:00.000Z');

interface Golden {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  /** The --json document, parsed. */
  readonly json?: unknown;
  /** Each output workbook's parts in zip order: [part name, SHA-256 of its unpacked bytes]. */
  readonly parts?: Record<string, Array<[string, string]>>;
  /** SHA-256 of other outputs (the HTML report). */
  readonly digests?: Record<string, string>;
}

const xlsxIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.xlsx'))
        .sort()
        .map((f) => join(dir, f))
    : [];
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
/** Project-relative, so the JSON's workbook names and the copy do not depend on the checkout's place. */
const rel = (file: string) => relative(PROJECT_ROOT, file);

function partDigests(file: string): Array<[string, string]> {
  const parts = unzipSync(readFileSync(file));
  return Object.entries(parts).map(([name, bytes]) => [name, sha256(bytes)]);
}

/** Where the temporary folder appears in printed text, a fixed word (its name is random). */
const withoutTemp = (text: string, dir: string) => text.split(dir).join('<out>');

/** Only Date is faked: zlib's threads and the streams keep their real timers. */
function fakeDateOnly(): void {
  jest.useFakeTimers({
    now: FIXED_NOW,
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
}

async function runAndCollect(argv: string[], dir: string, outputs: { json?: string; workbooks?: string[]; others?: string[] }): Promise<Golden> {
  fakeDateOnly();
  let r: Awaited<ReturnType<typeof runCli>>;
  try {
    r = await runCli(...argv);
  } finally {
    jest.useRealTimers();
  }
  const golden: { -readonly [K in keyof Golden]: Golden[K] } = { code: r.code, out: withoutTemp(r.out, dir), err: withoutTemp(r.err, dir) };
  if (outputs.json && existsSync(outputs.json)) golden.json = JSON.parse(withoutTemp(readFileSync(outputs.json, 'utf8'), dir));
  for (const w of outputs.workbooks ?? []) if (existsSync(w)) (golden.parts ??= {})[relative(dir, w)] = partDigests(w);
  for (const o of outputs.others ?? []) if (existsSync(o)) (golden.digests ??= {})[relative(dir, o)] = sha256(readFileSync(o));
  return golden;
}

function compare(name: string, actual: Golden): void {
  const file = join(GOLDEN, `${name}.json`);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, JSON.stringify(actual, null, 1) + '\n');
    return;
  }
  if (!existsSync(file)) throw new Error(`${rel(file)}: no golden output; make it from unchanged code with PLEDGE_GOLDEN=update`);
  const expected = JSON.parse(readFileSync(file, 'utf8')) as Golden;
  expect(actual.code).toBe(expected.code);
  expect(actual.err).toBe(expected.err);
  expect(actual.out).toBe(expected.out);
  expect(actual.json).toEqual(expected.json);
  expect(actual.parts).toEqual(expected.parts);
  expect(actual.digests).toEqual(expected.digests);
}

const goldenName = (file: string) =>
  rel(file)
    .replace(/^\.\.\/shared\//, 'shared/')
    .replace(/\.xlsx$/, '')
    .replace(/[\\/]/g, '__');

describe('outputs unchanged: check --json --out on every sample', () => {
  const files = [...xlsxIn(SAMPLES), ...xlsxIn(join(SAMPLES, 'everyday'))];
  it.each(files.map((f) => [rel(f), f]))('%s', async (_name, file) => {
    const dir = tempDir('pledge-golden-');
    const json = join(dir, 'kq.json');
    const out = join(dir, 'ban-sao.xlsx');
    compare(goldenName(file), await runAndCollect(['check', rel(file), '--json', json, '--out', out], dir, { json, workbooks: [out] }));
  });
});

(hasSharedFixtures ? describe : describe.skip)('outputs unchanged: check --json --out on the shared fixtures', () => {
  it.each(xlsxIn(SHARED_FIXTURES).map((f) => [rel(f), f]))('%s', async (_name, file) => {
    const dir = tempDir('pledge-golden-');
    const json = join(dir, 'kq.json');
    const out = join(dir, 'ban-sao.xlsx');
    compare(goldenName(file), await runAndCollect(['check', rel(file), '--json', json, '--out', out], dir, { json, workbooks: [out] }));
  });
});

describe('outputs unchanged: a batch with the scorecard and the report', () => {
  it('samples/*.xlsx --json --scorecard --report', async () => {
    const dir = tempDir('pledge-golden-');
    const json = join(dir, 'kq.json');
    const scorecard = join(dir, 'tong-hop.xlsx');
    const report = join(dir, 'bao-cao.html');
    const argv = ['check', ...xlsxIn(SAMPLES).map(rel), '--json', json, '--scorecard', scorecard, '--report', report];
    compare('batch__samples', await runAndCollect(argv, dir, { json, workbooks: [scorecard], others: [report] }));
  });
});

/**
 * A national-scale workbook (the bench's generator, 1,000 communes × 12 months): past MAX_CELL_NOTES
 * marks, so the copy gets the findings sheet instead of notes. Its JSON is too large to keep: the
 * golden holds the SHA-256 of the parsed document written back as compact JSON.
 */
describe('outputs unchanged: a national-scale workbook', () => {
  it('check --json --out', async () => {
    const dir = tempDir('pledge-golden-');
    const input = join(dir, 'toan-quoc.xlsx');
    fakeDateOnly();
    try {
      await writeNationalWorkbook(input, 1000);
    } finally {
      jest.useRealTimers();
    }
    const json = join(dir, 'kq.json');
    const out = join(dir, 'ban-sao.xlsx');
    const golden = await runAndCollect(['check', input, '--json', json, '--out', out], dir, { json, workbooks: [out] });
    const doc = golden.json as { findings: unknown[]; audit: { fileDigest?: string } };
    // The generator's zip carries its own timestamps: the input's digest is not the golden's business.
    delete doc.audit.fileDigest;
    compare('national-1000', { ...golden, json: { findings: doc.findings.length, sha256: sha256(JSON.stringify(doc)) } });
  }, 180_000);
});
