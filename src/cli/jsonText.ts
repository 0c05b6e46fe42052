import { JsonBatches } from '../report/jsonBatches';

/**
 * `JSON.stringify(value, null, 2)`, given piece by piece: the plain objects and short arrays that
 * hold a long array are walked here, long arrays are stringified a batch of elements at a time,
 * and everything else whole; a JsonBatches array has each batch made only when its turn comes. A document of a few hundred megabytes (a national check's findings) is
 * then written in chunks and never held as one string. The pieces joined are exactly what
 * JSON.stringify gives.
 */
export function* jsonPieces(value: unknown): Generator<string> {
  yield* piece(value, 0);
}

const GAP = '  ';
/** Arrays at least this long are walked rather than stringified whole. */
const LONG = 64;
/** Elements stringified per call: few calls, pieces of a few hundred kilobytes. */
const BATCH = 1000;

function* piece(value: unknown, depth: number): Generator<string> {
  const indent = GAP.repeat(depth);
  if (value instanceof JsonBatches) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i += BATCH) yield `${i ? ',' : ''}\n${elementsAt(value.batch(i, Math.min(i + BATCH, value.length)), depth)}`;
    yield `\n${indent}]`;
    return;
  }
  if (Array.isArray(value) && isPlain(value) && holdsLongArray(value, 3)) {
    const inner = indent + GAP;
    yield '[';
    if (value.length >= LONG) {
      // Elements a batch at a time, stringified at their final indentation.
      for (let i = 0; i < value.length; i += BATCH) yield `${i ? ',' : ''}\n${elementsAt(value.slice(i, i + BATCH), depth)}`;
    } else {
      for (let i = 0; i < value.length; i++) {
        yield `${i ? ',' : ''}\n${inner}`;
        const v: unknown = value[i];
        if (v === undefined || typeof v === 'function' || typeof v === 'symbol') yield 'null';
        else yield* piece(v, depth + 1);
      }
    }
    yield `\n${indent}]`;
    return;
  }
  if (isPlainObject(value) && holdsLongArray(value, 3)) {
    const inner = indent + GAP;
    let first = true;
    for (const key of Object.keys(value)) {
      const v: unknown = value[key];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
      first = false;
      yield* piece(v, depth + 1);
    }
    yield first ? '{}' : `\n${indent}}`;
    return;
  }
  const text = JSON.stringify(value, null, 2);
  yield depth === 0 || !text.includes('\n') ? text : text.replace(/\n/g, `\n${indent}`);
}

/**
 * Some elements of an array that sits `depth` levels deep, as JSON.stringify writes them there
 * (each line indented, elements joined by `,\n`, no brackets): the slice is wrapped in `depth`
 * arrays so JSON.stringify indents it itself, and the wrapping lines are cut off.
 */
function elementsAt(elements: unknown[], depth: number): string {
  let wrapped: unknown = elements;
  for (let d = 0; d < depth; d++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  let head = '';
  let tail = '';
  for (let d = 0; d <= depth; d++) {
    head += `${GAP.repeat(d)}[\n`;
    tail = `\n${GAP.repeat(d)}]${tail}`;
  }
  if (!text.startsWith(head) || !text.endsWith(tail)) throw new Error('unexpected JSON.stringify layout');
  return text.slice(head.length, text.length - tail.length);
}

/** Whether a value is, or holds within `depth` levels, a plain array long enough to walk. */
function holdsLongArray(value: unknown, depth: number): boolean {
  if (value instanceof JsonBatches) return true;
  if (Array.isArray(value)) {
    if (!isPlain(value)) return false;
    if (value.length >= LONG) return true;
    return depth > 0 && value.some((v) => holdsLongArray(v, depth - 1));
  }
  if (!isPlainObject(value) || depth === 0) return false;
  for (const key of Object.keys(value)) if (holdsLongArray(value[key], depth - 1)) return true;
  return false;
}

/** An object JSON.stringify would serialise by its own keys: no toJSON, a plain or null prototype. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return isPlain(value);
}

function isPlain(value: object): boolean {
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === Array.prototype || proto === null;
}
