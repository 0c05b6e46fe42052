import { Finding, FindingInput } from '../evaluate/finding';
import { DigestOf, sha256Hex, sha256Of } from './sha256';

/**
 * The digest of what a finding was computed from: each input's indicator, period and value (or,
 * for no data, the text the cell held). Cell addresses are left out on purpose, so inserting a row
 * above the table does not mark every review as changed; a different figure always does.
 */
export function inputsDigest(inputs: ReadonlyArray<Pick<FindingInput, 'indicator' | 'period' | 'value' | 'shown'>>): string {
  return sha256Hex(JSON.stringify(canonicalInputs(inputs)));
}

type Input = Pick<FindingInput, 'indicator' | 'period' | 'value' | 'shown'>;

function canonicalInputs(inputs: ReadonlyArray<Input>) {
  // Each input's key made once, not twice per comparison: a national check sorts millions.
  const keyed = inputs.map((i) => ({ i, key: `${i.indicator}\u0000${i.period}` }));
  if (keyed.length > 1) keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ i }) => [i.indicator, i.period, i.value === null ? { noData: i.shown } : i.value]);
}

export function findingDigest(f: Finding): string {
  return inputsDigest(f.inputs);
}

/**
 * One digest for everything a check read in a workbook: the findings' inputs in order, so the
 * CLI (from a file) and the add-in (from Excel) record the same value for the same figures.
 */
export function checkInputsDigest(findings: ReadonlyArray<Finding>, digestOf: DigestOf = sha256Of): string {
  return digestOf(inputsText(findings));
}

/** Rows hashed per batch: a national workbook has hundreds of thousands of findings. */
const BATCH = 1000;

/** `JSON.stringify` of every finding's row, in pieces: `[`, the rows joined by commas, `]`. */
function* inputsText(findings: ReadonlyArray<Finding>): Generator<string> {
  yield '[';
  for (let i = 0; i < findings.length; i += BATCH) {
    const rows = findings.slice(i, i + BATCH).map((f) => JSON.stringify([f.ruleId, f.unit.normalize('NFC'), f.period ?? null, canonicalInputs(f.inputs)]));
    yield (i > 0 ? ',' : '') + rows.join(',');
  }
  yield ']';
}
