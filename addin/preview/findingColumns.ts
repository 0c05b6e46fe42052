import { FindingInput } from '../../src/evaluate/finding';
import { WireFinding } from './checkProtocol';

/**
 * A batch of findings as the check worker sends it: columns of numbers in typed arrays, every text
 * once in a table. Sent as objects, 7,000 findings took the page a few hundred milliseconds to
 * unpack (each field of each object, each string made again) — at national size seconds of a
 * busy page while the check ran. Made back into objects on the page, they are equal to the
 * findings sent: fields these columns do not know travel as they are (`extras`).
 */
export interface FindingColumns {
  readonly count: number;
  readonly texts: string[];
  /** Localized titles and labels, each object once (they are the rule's own). */
  readonly shared: unknown[];
  /** FINDING_TEXTS text indices per finding (-1: absent, -2: null). */
  readonly refs: Int32Array;
  /** actual, target, gap per finding. */
  readonly numbers: Float64Array;
  /** Which of actual, target, gap are null (bits 1, 2, 4). */
  readonly nulls: Uint8Array;
  /** Where each finding's inputs start in the input columns (count + 1 entries). */
  readonly inputStart: Int32Array;
  /** INPUT_TEXTS text indices per input. */
  readonly inputRefs: Int32Array;
  /** The number read per input; `inputNull` 1 where it was null. */
  readonly inputValues: Float64Array;
  readonly inputNull: Uint8Array;
  /** [finding, fields] for fields beyond the columns (a no-data reason, the workbook's own target, …). */
  readonly extras: Array<[number, Record<string, unknown>]>;
  /** [input (over the batch), fields] likewise for inputs (a plan cell). */
  readonly inputExtras: Array<[number, Record<string, unknown>]>;
}

const FINDING_TEXTS = ['ruleId', 'severity', 'unit', 'period', 'status', 'sheet', 'cell', 'operator', 'fact', 'factUnit'] as const;
const FINDING_SHARED = ['title', 'factLabel'] as const;
const FINDING_NUMBERS = ['actual', 'target', 'gap'] as const;
const INPUT_TEXTS = ['indicator', 'period', 'sheet', 'cell', 'shown'] as const;
const KNOWN = new Set<string>([...FINDING_TEXTS, ...FINDING_SHARED, ...FINDING_NUMBERS, 'inputs']);
const KNOWN_INPUT = new Set<string>([...INPUT_TEXTS, 'value']);
const ABSENT = -1;
const NULL = -2;
/** Text columns, then the shared ones (indices into `shared`). */
const WIDTH = FINDING_TEXTS.length + FINDING_SHARED.length;

/** Findings to columns, in the worker. */
export function toColumns(findings: ReadonlyArray<WireFinding>): FindingColumns {
  const texts: string[] = [];
  const textIndex = new Map<string, number>();
  const text = (v: unknown): number => {
    if (v === undefined) return ABSENT;
    if (v === null) return NULL;
    const s = String(v);
    let i = textIndex.get(s);
    if (i === undefined) textIndex.set(s, (i = texts.push(s) - 1));
    return i;
  };
  const shared: unknown[] = [];
  const sharedIndex = new Map<unknown, number>();
  const share = (v: unknown): number => {
    if (v === undefined) return ABSENT;
    let i = sharedIndex.get(v);
    if (i === undefined) sharedIndex.set(v, (i = shared.push(v) - 1));
    return i;
  };
  const count = findings.length;
  let inputs = 0;
  for (const f of findings) inputs += f.inputs.length;
  const refs = new Int32Array(count * WIDTH);
  const numbers = new Float64Array(count * 3);
  const nulls = new Uint8Array(count);
  const inputStart = new Int32Array(count + 1);
  const inputRefs = new Int32Array(inputs * INPUT_TEXTS.length);
  const inputValues = new Float64Array(inputs);
  const inputNull = new Uint8Array(inputs);
  const extras: Array<[number, Record<string, unknown>]> = [];
  const inputExtras: Array<[number, Record<string, unknown>]> = [];
  let at = 0;
  findings.forEach((f, i) => {
    const record = f as unknown as Record<string, unknown>;
    FINDING_TEXTS.forEach((k, j) => (refs[i * WIDTH + j] = text(record[k])));
    FINDING_SHARED.forEach((k, j) => (refs[i * WIDTH + FINDING_TEXTS.length + j] = share(record[k])));
    FINDING_NUMBERS.forEach((k, j) => {
      const v = record[k] as number | null;
      if (v === null) nulls[i] |= 1 << j;
      else numbers[i * 3 + j] = v;
    });
    const extra = otherFields(record, KNOWN);
    if (extra) extras.push([i, extra]);
    inputStart[i] = at;
    for (const input of f.inputs) {
      const r = input as unknown as Record<string, unknown>;
      INPUT_TEXTS.forEach((k, j) => (inputRefs[at * INPUT_TEXTS.length + j] = text(r[k])));
      if (input.value === null) inputNull[at] = 1;
      else inputValues[at] = input.value;
      const more = otherFields(r, KNOWN_INPUT);
      if (more) inputExtras.push([at, more]);
      at++;
    }
  });
  inputStart[count] = at;
  return { count, texts, shared, refs, numbers, nulls, inputStart, inputRefs, inputValues, inputNull, extras, inputExtras };
}

/** The buffers of a batch, transferred rather than copied. */
export function columnsTransfer(c: FindingColumns): ArrayBuffer[] {
  return [c.refs, c.numbers, c.nulls, c.inputStart, c.inputRefs, c.inputValues, c.inputNull].map((a) => a.buffer as ArrayBuffer);
}

/** Columns back to findings, on the page. */
export function fromColumns(c: FindingColumns): WireFinding[] {
  const textOf = (i: number) => (i === NULL ? null : i === ABSENT ? undefined : c.texts[i]);
  const inputExtras = new Map(c.inputExtras);
  const extras = new Map(c.extras);
  const out: WireFinding[] = new Array(c.count);
  for (let i = 0; i < c.count; i++) {
    const inputs: FindingInput[] = [];
    for (let at = c.inputStart[i]; at < c.inputStart[i + 1]; at++) {
      const r = at * INPUT_TEXTS.length;
      const input: Record<string, unknown> = {
        indicator: textOf(c.inputRefs[r]),
        period: textOf(c.inputRefs[r + 1]),
        sheet: textOf(c.inputRefs[r + 2]),
        cell: textOf(c.inputRefs[r + 3]),
        value: c.inputNull[at] ? null : c.inputValues[at],
        shown: textOf(c.inputRefs[r + 4]),
      };
      const more = inputExtras.get(at);
      inputs.push((more ? Object.assign(input, more) : input) as unknown as FindingInput);
    }
    const r = i * WIDTH;
    const n = i * 3;
    const f: Record<string, unknown> = {
      ruleId: textOf(c.refs[r]),
      title: c.shared[c.refs[r + 10]],
      severity: textOf(c.refs[r + 1]),
      unit: textOf(c.refs[r + 2]),
      status: textOf(c.refs[r + 4]),
      sheet: textOf(c.refs[r + 5]),
      cell: textOf(c.refs[r + 6]),
      inputs,
      actual: c.nulls[i] & 1 ? null : c.numbers[n],
      target: c.nulls[i] & 2 ? null : c.numbers[n + 1],
      operator: textOf(c.refs[r + 7]),
      gap: c.nulls[i] & 4 ? null : c.numbers[n + 2],
      fact: textOf(c.refs[r + 8]),
      factLabel: c.shared[c.refs[r + 11]],
      factUnit: textOf(c.refs[r + 9]),
    };
    // Absent stays absent (a row without its own period has no `period` at all).
    if (c.refs[r + 3] !== ABSENT) f.period = textOf(c.refs[r + 3]);
    const extra = extras.get(i);
    out[i] = (extra ? Object.assign(f, extra) : f) as unknown as WireFinding;
  }
  return out;
}

function otherFields(r: Record<string, unknown>, known: ReadonlySet<string>): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined;
  for (const k of Object.keys(r)) if (!known.has(k) && r[k] !== undefined) (out ??= {})[k] = r[k];
  return out;
}
