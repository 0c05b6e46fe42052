import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../rules/rule-pack.schema.json';
import generatedValidator from './generated/packSchemaValidator';
import { jsonPathText, pointer, segmentsOf } from './jsonLocation';
import { Localized } from '../words/lang';

/** A schema violation, located by JSON Pointer and explained in both languages. */
export interface SchemaViolation {
  readonly pointer: string;
  readonly code: 'schema' | 'unknown-operator';
  readonly message: Localized;
}

/**
 * Compiled from the schema at build time (npm run build:schema, ajv standalone code): compiling at
 * run time needs `new Function`, which the task pane's Content-Security-Policy forbids. The CLI
 * uses the same module, so there is one validator.
 */
const validate = generatedValidator as unknown as ValidateFunction;
const ID_PATTERN = (schema.definitions.id as { pattern: string }).pattern;
const OPERATORS = schema.definitions.operator.enum;

/**
 * Validates a parsed pack against rules/rule-pack.schema.json, the one published schema, and turns
 * ajv's errors into what a person can act on: one problem per mistake (the noise of `if`/`oneOf`
 * branches removed), placed on the offending key, with its JSON path.
 */
export function schemaViolations(value: unknown): SchemaViolation[] {
  if (validate(value)) return [];
  const errors = withoutBranchNoise(validate.errors ?? []);
  const out: SchemaViolation[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const v = explain(e);
    const key = `${v.pointer}\u0000${v.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

/**
 * `if` errors only say "must match then"; the branches of a failed `oneOf`/`anyOf` that test
 * nothing but `required` repeat what the combined error says better.
 */
function withoutBranchNoise(errors: ErrorObject[]): ErrorObject[] {
  const combined = errors.filter((e) => (e.keyword === 'oneOf' || e.keyword === 'anyOf') && requiredBranches(e) !== undefined);
  const namedKeys = new Set(errors.filter((e) => e.keyword !== 'propertyNames' && keyName(e) !== undefined).map((e) => e.instancePath + pointer(keyName(e)!)));
  return errors.filter((e) => {
    if (e.keyword === 'if') return false;
    // "property name must be valid" repeats the error that says why.
    if (e.keyword === 'propertyNames' && namedKeys.has(e.instancePath + pointer(String((e.params as { propertyName?: unknown }).propertyName)))) return false;
    return !combined.some((c) => c !== e && e.instancePath === c.instancePath && e.schemaPath.startsWith(c.schemaPath + '/'));
  });
}

/** The property names a `oneOf`/`anyOf` of `{ required: [x] }` branches offers, if it is one. */
function requiredBranches(e: ErrorObject): string[] | undefined {
  const branches = e.schema as unknown;
  if (!Array.isArray(branches)) return undefined;
  const names: string[] = [];
  for (const b of branches) {
    const req = (b as { required?: unknown }).required;
    if (Object.keys(b as object).length !== 1 || !Array.isArray(req) || req.length !== 1) return undefined;
    names.push(String(req[0]));
  }
  return names;
}

/** The key an error is about, when it is about a key rather than a value. */
function keyName(e: ErrorObject): string | undefined {
  const own = (e as ErrorObject & { propertyName?: string }).propertyName;
  if (own !== undefined) return own;
  return e.keyword === 'propertyNames' ? String((e.params as { propertyName?: unknown }).propertyName) : undefined;
}

function explain(e: ErrorObject): SchemaViolation {
  const p = e.params as Record<string, unknown>;
  // A bad key is located on the key itself, not on the object that holds it.
  const propertyName = keyName(e);
  const at =
    propertyName !== undefined
      ? e.instancePath + pointer(propertyName)
      : e.keyword === 'additionalProperties'
        ? e.instancePath + pointer(String(p.additionalProperty))
        : e.instancePath;
  const path = jsonPathText(at);
  const say = (vi: string, en: string, code: SchemaViolation['code'] = 'schema'): SchemaViolation => ({
    pointer: at,
    code,
    message: { vi: `${path}: ${vi}`, en: `${path}: ${en}` },
  });
  const last = segmentsOf(e.instancePath).pop();

  switch (e.keyword) {
    case 'required':
      return say(`thiếu thuộc tính bắt buộc "${String(p.missingProperty)}"`, `missing required property "${String(p.missingProperty)}"`);
    case 'additionalProperties':
      return say(
        `thuộc tính "${String(p.additionalProperty)}" không có trong lược đồ (viết sai tên?)`,
        `property "${String(p.additionalProperty)}" is not in the schema (misspelt?)`,
      );
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).join(', ');
      if (last === 'operator') {
        return say(
          `toán tử "${String(e.data)}" không có; chỉ dùng: ${OPERATORS.join(', ')}`,
          `unknown operator "${String(e.data)}"; use one of: ${OPERATORS.join(', ')}`,
          'unknown-operator',
        );
      }
      return say(`giá trị phải là một trong: ${allowed}`, `must be one of: ${allowed}`);
    }
    case 'oneOf':
    case 'anyOf': {
      const names = requiredBranches(e);
      if (names) return say(`cần đúng một trong các thuộc tính: ${names.join(', ')}`, `needs exactly one of: ${names.join(', ')}`);
      return say('không khớp dạng nào được phép', 'matches none of the allowed forms');
    }
    case 'type':
      return say(`phải có kiểu ${typeWord(String(p.type), 'vi')}`, `must be ${typeWord(String(p.type), 'en')}`);
    case 'pattern':
      if (p.pattern === ID_PATTERN) {
        return say(
          `"${String(e.data)}" không phải mã hợp lệ: chỉ chữ thường không dấu, số và dấu gạch ngang (traffic-deaths-down-10pct)`,
          `"${String(e.data)}" is not a valid id: lowercase letters, digits and hyphens only (traffic-deaths-down-10pct)`,
        );
      }
      if (last === 'version' && e.instancePath === '/version') {
        return say(`phiên bản "${String(e.data)}" phải có dạng 1.0.0 (semver)`, `version "${String(e.data)}" must look like 1.0.0 (semver)`);
      }
      if (last === 'extends' && e.instancePath === '/extends') {
        return say(
          `"${String(e.data)}" phải là mã một bộ trong rules/ (default) hoặc đường dẫn tương đối tới tệp .json (./cum-5-2020.json)`,
          `"${String(e.data)}" must be the id of a pack in rules/ (default) or a relative path to a .json file (./cum-5-2020.json)`,
        );
      }
      return say(`không đúng mẫu ${String(p.pattern)}`, `does not match the pattern ${String(p.pattern)}`);
    case 'propertyNames':
      return say(`tên khóa "${String(p.propertyName)}" không hợp lệ`, `the key "${String(p.propertyName)}" is not valid`);
    case 'not':
      return say(`giá trị "${String(e.data)}" không được phép`, `the value "${String(e.data)}" is not allowed`);
    case 'minLength':
      return say('không được để trống', 'must not be empty');
    case 'maxLength':
      return say(`dài quá ${String(p.limit)} ký tự`, `longer than ${String(p.limit)} characters`);
    case 'minItems':
      return say(`cần ít nhất ${String(p.limit)} phần tử`, `needs at least ${String(p.limit)} item(s)`);
    case 'maxItems':
      return say(`nhiều quá ${String(p.limit)} phần tử`, `more than ${String(p.limit)} items`);
    case 'minProperties':
      return say(`cần ít nhất ${String(p.limit)} thuộc tính`, `needs at least ${String(p.limit)} propert${p.limit === 1 ? 'y' : 'ies'}`);
    case 'maxProperties':
      return say(`nhiều quá ${String(p.limit)} thuộc tính`, `more than ${String(p.limit)} properties`);
    case 'minimum':
    case 'maximum':
      return say(`phải ${e.keyword === 'minimum' ? '≥' : '≤'} ${String(p.limit)}`, `must be ${e.keyword === 'minimum' ? '≥' : '≤'} ${String(p.limit)}`);
    case 'exclusiveMinimum':
      return say(`phải lớn hơn ${String(p.limit)}`, `must be greater than ${String(p.limit)}`);
    default:
      return say(`không hợp lệ (${e.message ?? e.keyword})`, e.message ?? `invalid (${e.keyword})`);
  }
}

const TYPE_WORDS: Record<string, { vi: string; en: string }> = {
  string: { vi: 'chuỗi ("…")', en: 'a string ("…")' },
  number: { vi: 'số', en: 'a number' },
  integer: { vi: 'số nguyên', en: 'an integer' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  object: { vi: 'đối tượng ({…})', en: 'an object ({…})' },
  array: { vi: 'mảng ([…])', en: 'an array ([…])' },
  null: { vi: 'null', en: 'null' },
};

function typeWord(types: string, lang: 'vi' | 'en'): string {
  return types
    .split(',')
    .map((t) => TYPE_WORDS[t]?.[lang] ?? t)
    .join(lang === 'vi' ? ' hoặc ' : ' or ');
}
