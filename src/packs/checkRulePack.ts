import Ajv, { ErrorObject } from 'ajv';
import { findNodeAtLocation, Node, parseTree, ParseError, printParseErrorCode } from 'jsonc-parser';
import schema from '../../rules/rule-pack.schema.json';
import { factsOfConditions } from '../evaluate/conditionFacts';
import { lineColumnAt, PackProblem, RulePackError } from './packProblem';
import { RulePack } from './rulePack';

/** Packs are data typed by people; these bounds keep a mistaken or hostile file from hurting anyone. */
export const PACK_LIMITS = { maxBytes: 2_000_000, maxDepth: 40 } as const;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const ajv = new Ajv({ allErrors: true, strict: false });
const validateSchema = ajv.compile(schema);

/**
 * Checks a rule pack's text: JSON syntax, size and nesting, forbidden keys, the JSON Schema, and
 * what the schema cannot say (facts and parents that do not exist, duplicate ids). Every problem
 * carries file, line and column.
 */
export function checkRulePack(text: string, file: string): { pack?: RulePack; problems: PackProblem[] } {
  const problems: PackProblem[] = [];
  const at = (offset: number, code: string, vi: string, en: string, severity: 'error' | 'warning' = 'error') => {
    const { line, column } = lineColumnAt(text, offset);
    problems.push({ file, line, column, severity, code, message: { vi, en } });
  };

  if (text.length > PACK_LIMITS.maxBytes) {
    at(0, 'too-large', `tệp quá lớn (${text.length} ký tự, tối đa ${PACK_LIMITS.maxBytes})`, `the file is too large (${text.length} characters, at most ${PACK_LIMITS.maxBytes})`);
    return { problems };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !tree) {
    const e = errors[0];
    const code = e ? printParseErrorCode(e.error) : 'ValueExpected';
    at(e?.offset ?? 0, 'json-syntax', `lỗi cú pháp JSON (${code})`, `JSON syntax error (${code})`);
    return { problems };
  }
  if (!structureIsSafe(tree, at)) return { problems };

  const value = JSON.parse(text) as unknown;
  if (!validateSchema(value)) {
    for (const err of validateSchema.errors ?? []) {
      const node = nodeAt(tree, err.instancePath);
      at(node.offset, 'schema', `${pathText(err.instancePath)}: ${schemaMessageVi(err)}`, `${pathText(err.instancePath)}: ${err.message ?? 'invalid'}`);
    }
    return { problems: dedupeProblems(problems) };
  }
  const pack = value as unknown as RulePack;
  checkReferences(pack, tree, at);
  return { pack: problems.some((p) => p.severity === 'error') ? undefined : pack, problems };
}

/** Loads a pack or throws RulePackError with every problem found. */
export function parseRulePack(text: string, file: string): RulePack {
  const { pack, problems } = checkRulePack(text, file);
  if (!pack) throw new RulePackError(problems.filter((p) => p.severity === 'error'));
  return pack;
}

type At = (offset: number, code: string, vi: string, en: string, severity?: 'error' | 'warning') => void;

function structureIsSafe(root: Node, at: At): boolean {
  let ok = true;
  const walk = (n: Node, depth: number) => {
    if (!ok) return;
    if (depth > PACK_LIMITS.maxDepth) {
      at(n.offset, 'too-deep', `lồng nhau quá sâu (hơn ${PACK_LIMITS.maxDepth} cấp)`, `nested too deeply (more than ${PACK_LIMITS.maxDepth} levels)`);
      ok = false;
      return;
    }
    for (const c of n.children ?? []) {
      if (n.type === 'object' && c.type === 'property') {
        const key = c.children?.[0]?.value;
        if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
          at(c.offset, 'forbidden-key', `khóa "${key}" không được phép trong bộ quy tắc`, `the key "${key}" is not allowed in a rule pack`);
          ok = false;
          return;
        }
      }
      walk(c, depth + (c.type === 'property' ? 0 : 1));
    }
  };
  walk(root, 0);
  return ok;
}

function checkReferences(pack: RulePack, tree: Node, at: At): void {
  const indicators = new Set(Object.keys(pack.indicators));
  const facts = new Set(Object.keys(pack.facts ?? {}));
  for (const [id, ind] of Object.entries(pack.indicators)) {
    ind.match.forEach((p, i) => {
      if (typeof p !== 'string' && p.parent && !indicators.has(p.parent)) {
        const n = nodeAt(tree, `/indicators/${id}/match/${i}/parent`);
        at(n.offset, 'unknown-indicator', `chỉ tiêu cha "${p.parent}" không có trong danh mục`, `parent indicator "${p.parent}" is not in the catalogue`);
      }
    });
  }
  for (const [id, d] of Object.entries(pack.facts ?? {})) {
    if (indicators.has(id)) {
      at(nodeAt(tree, `/facts/${id}`).offset, 'duplicate-id', `"${id}" vừa là chỉ tiêu vừa là dữ kiện`, `"${id}" is both an indicator and a fact`);
    }
    const refs = 'changePercent' in d ? [d.changePercent] : 'ratioPercent' in d ? [...d.ratioPercent] : [...d.sum];
    for (const r of refs) {
      if (!indicators.has(r)) {
        at(nodeAt(tree, `/facts/${id}`).offset, 'unknown-indicator', `dữ kiện "${id}" dùng chỉ tiêu "${r}" không có trong danh mục`, `fact "${id}" reads indicator "${r}", which is not in the catalogue`);
      }
    }
  }
  const seen = new Set<string>();
  pack.rules.forEach((rule, i) => {
    if (seen.has(rule.id)) {
      at(nodeAt(tree, `/rules/${i}/id`).offset, 'duplicate-id', `mã quy tắc "${rule.id}" bị trùng`, `duplicate rule id "${rule.id}"`);
    }
    seen.add(rule.id);
    for (const f of factsOfConditions(rule.conditions)) {
      if (!indicators.has(f) && !facts.has(f)) {
        at(nodeAt(tree, `/rules/${i}/conditions`).offset, 'unknown-fact', `quy tắc "${rule.id}" dùng dữ kiện "${f}" không được khai báo`, `rule "${rule.id}" reads fact "${f}", which is not declared`);
      }
    }
  });
}

function nodeAt(tree: Node, pointer: string): Node {
  const segs = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const path = segs.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n));
    if (node) return node.parent?.type === 'property' ? node.parent : node;
  }
  return tree;
}

function pathText(pointer: string): string {
  return pointer === '' ? '(gốc / root)' : pointer.slice(1).replace(/\//g, '.');
}

function schemaMessageVi(err: ErrorObject): string {
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'required':
      return `thiếu thuộc tính bắt buộc "${String(p.missingProperty)}"`;
    case 'additionalProperties':
      return `thuộc tính "${String(p.additionalProperty)}" không được phép`;
    case 'enum':
      return `giá trị phải là một trong: ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'type':
      return `phải có kiểu ${String(p.type)}`;
    case 'pattern':
      return `không đúng mẫu ${String(p.pattern)}`;
    default:
      return `không hợp lệ (${err.message ?? err.keyword})`;
  }
}

function dedupeProblems(ps: PackProblem[]): PackProblem[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.line}:${p.column}:${p.message.en}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
