import fc from 'fast-check';
import { Finding, FindingInput } from '../../src/evaluate/finding';
import { checkInputsDigest, inputsDigest } from '../../src/review/inputsDigest';
import { sha256Hex, sha256Of } from '../../src/review/sha256';
import { nodeDigestOf } from '../../src/cli/nodeDigest';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { defaultPack } from '../../src/packs/builtinPacks';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { SAMPLES } from '../helpers/paths';

/**
 * The texts as they were first defined: reviews stored in users' workbooks and audit records hold
 * digests of exactly these, so the faster writer must produce them byte for byte.
 */
type Input = Pick<FindingInput, 'indicator' | 'period' | 'value' | 'shown'>;
function canonicalInputs(inputs: ReadonlyArray<Input>) {
  const keyed = inputs.map((i) => ({ i, key: `${i.indicator}\u0000${i.period}` }));
  if (keyed.length > 1) keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ i }) => [i.indicator, i.period, i.value === null ? { noData: i.shown } : i.value]);
}
const referenceInputsDigest = (inputs: ReadonlyArray<Input>) => sha256Hex(JSON.stringify(canonicalInputs(inputs)));
const referenceCheckText = (findings: ReadonlyArray<Finding>) =>
  JSON.stringify(findings.map((f) => [f.ruleId, f.unit.normalize('NFC'), f.period ?? null, canonicalInputs(f.inputs)]));

// Ids that share prefixes, hold a NUL where another ends, or sort differently by code unit.
const INDICATORS = ['criminal-cases', 'criminal-cases-cleared', 'a', 'ab', 'a\u0000', 'a\u0000b', 'a\u0001', 'Đ', 'z'];
const input = fc.record({
  indicator: fc.constantFrom(...INDICATORS),
  period: fc.constantFrom('current', 'baseline'),
  value: fc.oneof(
    fc.constant(null),
    fc.constantFrom(0, -0, 1e21, 1e-7, -7.36, 0.1 + 0.2, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE, 9, 10, 99, 100),
    fc.constantFrom(999_999_999, 1_000_000_000, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53, -1),
    fc.double(),
    fc.integer(),
  ),
  // An input built by hand may lack `shown`: `{noData: undefined}` is written `{}`.
  shown: fc.oneof(fc.constantFrom('', 'chưa thống kê', '#DIV/0!', '"quoted" \\ \n \u2028', 'lone \ud800', undefined as unknown as string), fc.string()),
});
const UNITS = ['Công an xã số 1', 'Co\u0302ng an xa\u0303 (NFD)', 'Công an tỉnh Thanh Hóa', 'ASCII unit', 'Phường "Bến Thành"\t', '😀 ở 𝔸'];
const finding = fc.record({
  ruleId: fc.constantFrom('criminal-cases-down-5pct', 'r"1', 'quy-tắc'),
  unit: fc.oneof(fc.constantFrom(...UNITS), fc.string()),
  period: fc.option(fc.constantFrom('01/2025', 'Tháng 2/2025', 'Quý I năm 2025'), { nil: undefined }),
  inputs: fc.array(input, { maxLength: 5 }),
});

describe('inputsDigest and checkInputsDigest: the same values as ever, made cheaper', () => {
  it('digests a finding\u2019s inputs as the JSON of its sorted inputs (0 to 5 inputs, ties, NUL in ids, odd numbers, no data)', () => {
    fc.assert(
      fc.property(fc.array(input, { maxLength: 5 }), (inputs) => inputsDigest(inputs) === referenceInputsDigest(inputs)),
      { numRuns: 2000 },
    );
  });

  it('keeps equal keys in their order and orders ids by their NUL-joined key', () => {
    const two: Input[] = [
      { indicator: 'a', period: 'current', value: 1, shown: '1' },
      { indicator: 'a', period: 'current', value: 2, shown: '2' },
    ];
    expect(inputsDigest(two)).toBe(referenceInputsDigest(two));
    expect(inputsDigest(two)).not.toBe(inputsDigest([...two].reverse()));
    const nul: Input[] = [
      { indicator: 'a\u0000b', period: 'baseline', value: 1, shown: '1' },
      { indicator: 'a', period: 'current', value: 2, shown: '2' },
    ];
    expect(inputsDigest(nul)).toBe(referenceInputsDigest(nul));
    expect(inputsDigest([...nul].reverse())).toBe(referenceInputsDigest(nul));
  });

  it('digests a check\u2019s findings as the JSON of all their rows, with the pure and the native SHA-256, across batches', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 30 }), (findings) => {
        const fs = findings as unknown as Finding[];
        const expected = sha256Hex(referenceCheckText(fs));
        return checkInputsDigest(fs) === expected && checkInputsDigest(fs, nodeDigestOf) === expected;
      }),
      { numRuns: 300 },
    );
    // More findings than one piece holds (256 KiB): the pieces join to the very text.
    const many = fc.sample(finding, 12_000) as unknown as Finding[];
    for (const n of [0, 1, 2500, 12_000]) {
      const fs = many.slice(0, n);
      const pieces: Buffer[] = [];
      checkInputsDigest(fs, (ps) => {
        for (const p of ps) pieces.push(Buffer.from(p));
        return '';
      });
      expect(Buffer.concat(pieces).equals(Buffer.from(referenceCheckText(fs), 'utf8'))).toBe(true);
      if (n === 12_000) expect(pieces.length).toBeGreaterThan(1);
      expect(checkInputsDigest(fs, nodeDigestOf)).toBe(sha256Hex(referenceCheckText(fs)));
    }
    // A row longer than a piece (the writer grows), and a long text of no data.
    const long: Input[] = [{ indicator: 'x', period: 'current', value: null, shown: 'ở'.repeat(5000) }];
    expect(inputsDigest(long)).toBe(referenceInputsDigest(long));
    const huge = [{ ...many[0], unit: 'Công an xã '.repeat(40_000) }, ...many.slice(0, 3)];
    expect(checkInputsDigest(huge)).toBe(sha256Hex(referenceCheckText(huge)));
    expect(checkInputsDigest(many, sha256Of)).toBe(checkInputsDigest(many, nodeDigestOf));
  });
});

describe('the check digest of findings kept as columns', () => {
  it('is the digest of the same findings made, on every sample (inputs read into reused objects)', async () => {
    const checker = new PledgeChecker(defaultPack());
    for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx'))) {
      const grid = readWorkbook(readFileSync(join(SAMPLES, file)));
      const compact = (await checker.checkCompactly(grid)).findings;
      const made = [...compact];
      expect(made.some((f) => f.inputs.length >= 2)).toBe(true);
      expect(checkInputsDigest(compact)).toBe(sha256Hex(referenceCheckText(made)));
      expect(checkInputsDigest(compact, nodeDigestOf)).toBe(checkInputsDigest(made, nodeDigestOf));
    }
  });
});
