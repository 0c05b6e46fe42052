import { JsonBatches } from '../report/jsonBatches';

/**
 * The `--json` document's text, piece by piece. Objects are outlined (a key per line, indented by
 * two spaces); each element of an array is one compact line of its own: a finding, a scorecard
 * row, a table read. Scripts parse it like any JSON; people and `grep` see one finding per line;
 * and a national check's document is half the size of a fully indented one and made several times
 * faster (JSON.stringify without indentation). An element that holds findings (a workbook of a
 * batch) is outlined in turn, so no line ever holds a whole workbook.
 *
 * A document of a few hundred megabytes is given in small pieces and never held as one string; a JsonBatches array has each batch made only when its turn comes.
 */
export function* jsonPieces(value: unknown): Generator<string> {
  yield* piece(value, '');
}

const GAP = '  ';
/** Elements made at a time (a batch of findings). */
const BATCH = 1000;
/** Elements given as text at a time: a piece of some tens of kilobytes, well inside the writer's buffer. */
const TEXT_BATCH = 64;

function* piece(value: unknown, indent: string): Generator<string> {
  const v = jsonValue(value, '');
  if (v instanceof JsonBatches) {
    if (v.text) yield* textPieces(v.length, v.text, indent);
    else yield* arrayPieces(v.length, (from, to) => v.batch(from, to), indent);
    return;
  }
  if (Array.isArray(v)) {
    yield* arrayPieces(v.length, (from, to) => v.slice(from, to), indent);
    return;
  }
  if (typeof v !== 'object' || v === null) {
    yield JSON.stringify(v) ?? 'null';
    return;
  }
  const inner = indent + GAP;
  const record = v as Record<string, unknown>;
  let first = true;
  for (const key of Object.keys(record)) {
    const field: unknown = record[key];
    if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* piece(field, inner);
  }
  yield first ? '{}' : `\n${indent}}`;
}

/**
 * An array's elements a line each. Each element stringified is its own piece, never joined to the
 * others: JSON.stringify gives flat strings, which joined would be copied once more.
 */
function* arrayPieces(length: number, slice: (from: number, to: number) => unknown[], indent: string): Generator<string> {
  if (length === 0) {
    yield '[]';
    return;
  }
  const inner = indent + GAP;
  const first = `\n${inner}`;
  const next = `,${first}`;
  yield '[';
  for (let from = 0; from < length; from += BATCH) {
    const elements = slice(from, Math.min(from + BATCH, length));
    for (let i = 0; i < elements.length; i++) {
      yield from + i === 0 ? first : next;
      const element = jsonValue(elements[i], from + i);
      if (holdsBatches(element)) yield* piece(element, inner);
      else yield JSON.stringify(element) ?? 'null';
    }
  }
  yield `\n${indent}]`;
}

/**
 * An array whose maker writes its elements' text (JsonBatches.text): a line each, a batch of lines
 * given as one piece, made flat once by the maker; the line break before a batch is a piece of its own.
 */
function* textPieces(length: number, text: (from: number, to: number, separator: string) => string, indent: string): Generator<string> {
  if (length === 0) {
    yield '[]';
    return;
  }
  const first = `\n${indent}${GAP}`;
  const next = `,${first}`;
  yield '[';
  for (let from = 0; from < length; from += TEXT_BATCH) {
    yield from === 0 ? first : next;
    yield text(from, Math.min(from + TEXT_BATCH, length), next);
  }
  yield `\n${indent}]`;
}

/** The value JSON.stringify would write for `value` under `key`: toJSON applied, what it leaves out as undefined. */
function jsonValue(value: unknown, key: string | number): unknown {
  if (typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function' && !(value instanceof JsonBatches)) {
    return (value as { toJSON: (key: string) => unknown }).toJSON(String(key));
  }
  return value;
}

/** Whether an element holds an array made a batch at a time (a workbook's findings), directly or in a field. */
function holdsBatches(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  // for…in, not Object.keys: no array made per finding.
  for (const key in value) if (Object.hasOwn(value, key) && (value as Record<string, unknown>)[key] instanceof JsonBatches) return true;
  return false;
}
