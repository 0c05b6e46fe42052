import { readOneAtATime } from '../evaluate/compactFindings';
import { Finding, FindingInput, FindingList } from '../evaluate/finding';
import { DigestOf, sha256Hex, sha256Of, utf8 } from './sha256';

/**
 * The digest of what a finding was computed from: each input's indicator, period and value (or,
 * for no data, the text the cell held). Cell addresses are left out on purpose, so inserting a row
 * above the table does not mark every review as changed; a different figure always does.
 */
export function inputsDigest(inputs: ReadonlyArray<Pick<FindingInput, 'indicator' | 'period' | 'value' | 'shown'>>): string {
  const text = new InputsText(256);
  text.inputs(inputs);
  return sha256Hex(text.take());
}

type Input = Pick<FindingInput, 'indicator' | 'period' | 'value' | 'shown'>;

export function findingDigest(f: Finding): string {
  return inputsDigest(f.inputs);
}

/**
 * One digest for everything a check read in a workbook: the findings' inputs in order, so the
 * CLI (from a file) and the add-in (from Excel) record the same value for the same figures.
 */
export function checkInputsDigest(findings: FindingList, digestOf: DigestOf = sha256Of): string {
  return digestOf(checkText(findings));
}

/** Bytes hashed per piece: a national workbook's text is tens of megabytes. */
const PIECE = 1 << 18;

/**
 * The UTF-8 of `JSON.stringify` of every finding's row `[ruleId, unit in NFC, period or null,
 * inputs]`, in pieces that joined are that one text.
 */
function* checkText(findings: FindingList): Generator<Uint8Array> {
  const text = new InputsText(PIECE + 4096);
  const units = new Map<string, Uint8Array>();
  text.ascii(0x5b); // [
  // Each finding is hashed before the next is read: compact findings are read into one object.
  const reader = readOneAtATime(findings);
  for (let n = 0; n < findings.length; n++) {
    const f = reader.at(n)!;
    if (n > 0) text.ascii(0x2c); // ,
    text.ascii(0x5b);
    text.json(f.ruleId);
    text.ascii(0x2c);
    // Each unit normalised once per check, not once per finding.
    let unit = units.get(f.unit);
    if (unit === undefined) units.set(f.unit, (unit = utf8(jsonOf(f.unit.normalize('NFC')))));
    text.bytes(unit);
    text.ascii(0x2c);
    text.json(f.period ?? null);
    text.ascii(0x2c);
    text.inputs(f.inputs);
    text.ascii(0x5d); // ]
    if (text.length >= PIECE) yield text.take();
  }
  text.ascii(0x5d);
  yield text.take();
}

/** A value as JSON, as it stands inside an array (`undefined` as `null`). */
const jsonOf = (v: unknown): string => JSON.stringify(v) ?? 'null';

/**
 * The text digests are made of, byte for byte what reviews and audits already stored hold:
 * `JSON.stringify` of rows holding `canonicalInputs`, each input `[indicator, period, value or
 * {noData: shown}]` in (indicator, period) order. Written as UTF-8 straight into bytes, each id and
 * period encoded once: a national check writes it for every one of hundreds of thousands of
 * findings, and an array, a sort and a string per finding are most of what the digest cost.
 */
class InputsText {
  private buf: Uint8Array;
  private at = 0;
  /** Every string written by `json` (rule ids, indicators, periods), quoted and encoded once. */
  private readonly encoded = new Map<unknown, Uint8Array>();

  constructor(private readonly size: number) {
    this.buf = new Uint8Array(size);
  }

  get length(): number {
    return this.at;
  }

  /** The bytes written so far; the writer starts again empty. */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.at);
    this.buf = new Uint8Array(this.size);
    this.at = 0;
    return out;
  }

  ascii(c: number): void {
    if (this.at === this.buf.length) this.grow(1);
    this.buf[this.at++] = c;
  }

  bytes(b: Uint8Array): void {
    if (this.at + b.length > this.buf.length) this.grow(b.length);
    // Copied by hand: most are a few bytes, shorter than `set` is worth calling for.
    const buf = this.buf;
    let at = this.at;
    for (let k = 0; k < b.length; k++) buf[at++] = b[k];
    this.at = at;
  }

  json(v: unknown): void {
    let b = this.encoded.get(v);
    if (b === undefined) this.encoded.set(v, (b = utf8(jsonOf(v))));
    this.bytes(b);
  }

  /** `JSON.stringify(canonicalInputs(inputs))`. */
  inputs(inputs: ReadonlyArray<Input>): void {
    this.ascii(0x5b);
    if (inputs.length === 1) this.input(inputs[0]);
    else if (inputs.length === 2) {
      // The sort is stable: the second goes first only when its key is strictly smaller.
      const [a, b] = keyBefore(inputs[1], inputs[0]) ? [inputs[1], inputs[0]] : inputs;
      this.input(a);
      this.ascii(0x2c);
      this.input(b);
    } else {
      const sorted = canonicalOrder(inputs);
      for (let k = 0; k < sorted.length; k++) {
        if (k > 0) this.ascii(0x2c);
        this.input(sorted[k]);
      }
    }
    this.ascii(0x5d);
  }

  private input(i: Input): void {
    this.ascii(0x5b);
    this.json(i.indicator);
    this.ascii(0x2c);
    this.json(i.period);
    this.ascii(0x2c);
    const v = i.value;
    if (typeof v === 'number') this.number(v);
    else if (v === null) {
      const shown = JSON.stringify(i.shown);
      this.bytes(utf8(shown === undefined ? '{}' : `{"noData":${shown}}`));
    } else this.bytes(utf8(jsonOf(v)));
    this.ascii(0x5d);
  }

  /** As JSON.stringify writes it: String's digits, NaN and the infinities as null (-0 is `0` in both). */
  private number(v: number): void {
    const s = Number.isFinite(v) ? String(v) : 'null';
    if (this.at + s.length > this.buf.length) this.grow(s.length);
    for (let k = 0; k < s.length; k++) this.buf[this.at++] = s.charCodeAt(k); // digits, `.`, `e`, `+`, `-`
  }

  private grow(n: number): void {
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
    bigger.set(this.buf.subarray(0, this.at));
    this.buf = bigger;
  }
}

/** The order inputs are hashed in: by `indicator NUL period`, stable for equal keys. */
function canonicalOrder(inputs: ReadonlyArray<Input>): Input[] {
  // Each input's key made once, not twice per comparison.
  const keyed = inputs.map((i) => ({ i, key: sortKey(i) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ i }) => i);
}

const sortKey = (i: Input) => `${i.indicator}\u0000${i.period}`;

/** `sortKey(x) < sortKey(y)`, without making the keys in the usual case. */
function keyBefore(x: Input, y: Input): boolean {
  const ix = x.indicator;
  const iy = y.indicator;
  if (typeof ix === 'string' && typeof iy === 'string' && typeof x.period === 'string' && typeof y.period === 'string') {
    if (ix === iy) return x.period < y.period;
    // `a NUL …` against `ab NUL …` orders as `a` against `ab`, unless the longer id holds a NUL where the shorter ends.
    const nulAtEnd = iy.length > ix.length ? iy.charCodeAt(ix.length) === 0 : ix.length > iy.length && ix.charCodeAt(iy.length) === 0;
    if (!nulAtEnd) return ix < iy;
  }
  return sortKey(x) < sortKey(y);
}
