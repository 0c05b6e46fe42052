import { Node } from 'jsonc-parser';
import { Localized } from '../words/lang';

/** Packs are data typed by people; these bounds keep a mistaken or hostile file from hurting anyone. */
export const PACK_LIMITS = { maxBytes: 2_000_000, maxDepth: 40, maxExtendsDepth: 8 } as const;

/** Keys that could reach an object's prototype once a pack is merged or handed to a library. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Condition keys that make json-rules-engine run more than a comparison: `path` is evaluated by
 * jsonpath-plus (filter expressions run; a hostile one rejects the whole run), `params` feeds
 * fact functions, which packs do not have.
 */
const CONDITION_CODE_KEYS = new Set(['path', 'params']);

export interface SafetyProblem {
  readonly offset: number;
  readonly code: 'too-large' | 'too-deep' | 'forbidden-key' | 'forbidden-path' | 'duplicate-key' | 'non-finite-number' | 'control-character';
  readonly message: Localized;
}

/** Stop after this many: a generated file with a thousand bad keys needs one message, not a thousand. */
const MAX_REPORTED = 20;

/** A file too large to parse at all. */
export function sizeProblem(text: string): SafetyProblem | undefined {
  if (text.length <= PACK_LIMITS.maxBytes) return undefined;
  return {
    offset: 0,
    code: 'too-large',
    message: {
      vi: `tệp quá lớn (${text.length} ký tự, tối đa ${PACK_LIMITS.maxBytes})`,
      en: `the file is too large (${text.length} characters, at most ${PACK_LIMITS.maxBytes})`,
    },
  };
}

/**
 * Nesting too deep to parse safely, found by counting brackets outside strings before any parser
 * runs: the JSON parsers recurse once per level, and a file of a million `[` would overflow the
 * stack (a crash, not a message) long before the tree could be walked.
 */
export function nestingProblem(text: string): SafetyProblem | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c /* \ */) i++;
      else if (ch === 0x22 /* " */) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b /* [ */ || ch === 0x7b /* { */) {
      // A container opened at bracket level k sits at tree depth k - 1 (the root is depth 0).
      if (++depth > PACK_LIMITS.maxDepth + 1) return tooDeep(i);
    } else if (ch === 0x5d /* ] */ || ch === 0x7d /* } */) depth--;
  }
  return undefined;
}

function tooDeep(offset: number): SafetyProblem {
  return {
    offset,
    code: 'too-deep',
    message: { vi: `lồng nhau quá sâu (hơn ${PACK_LIMITS.maxDepth} cấp)`, en: `nested too deeply (more than ${PACK_LIMITS.maxDepth} levels)` },
  };
}

/**
 * Walks the parsed tree before anything else reads it: nesting depth, prototype keys anywhere,
 * and `path`/`params` inside conditions. Any problem here means the pack is refused unread.
 */
export function structureProblems(root: Node): SafetyProblem[] {
  const out: SafetyProblem[] = [];
  const walk = (n: Node, depth: number, inConditions: boolean): void => {
    if (out.length >= MAX_REPORTED) return;
    if (depth > PACK_LIMITS.maxDepth) {
      out.push(tooDeep(n.offset));
      return;
    }
    valueProblem(n, out);
    const keys = n.type === 'object' ? new Set<string>() : undefined;
    for (const c of n.children ?? []) {
      if (n.type === 'object' && c.type === 'property') {
        const key = c.children?.[0]?.value;
        if (c.children?.[0]) valueProblem(c.children[0], out);
        if (typeof key === 'string' && keys) {
          // JSON.parse keeps the last of two equal keys: what the author reads first is silently dropped.
          if (keys.has(key)) {
            out.push({
              offset: c.offset,
              code: 'duplicate-key',
              message: {
                vi: `khóa "${printable(key)}" xuất hiện hai lần trong cùng một đối tượng`,
                en: `the key "${printable(key)}" appears twice in one object`,
              },
            });
            continue;
          }
          keys.add(key);
        }
        if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
          out.push({
            offset: c.offset,
            code: 'forbidden-key',
            message: { vi: `khóa "${key}" không được phép trong bộ quy tắc`, en: `the key "${key}" is not allowed in a rule pack` },
          });
          continue;
        }
        if (inConditions && typeof key === 'string' && CONDITION_CODE_KEYS.has(key)) {
          out.push({
            offset: c.offset,
            code: 'forbidden-path',
            message: {
              vi: `điều kiện không được có "${key}": bộ quy tắc chỉ là dữ liệu, mỗi điều kiện chỉ so sánh một dữ kiện (fact) với một ngưỡng (value)`,
              en: `a condition may not have "${key}": packs are data, and a condition only compares a fact with a value`,
            },
          });
          continue;
        }
        const value = c.children?.[1];
        if (value) walk(value, depth + 1, inConditions || key === 'conditions');
        continue;
      }
      walk(c, depth + 1, inConditions);
    }
  };
  walk(root, 0, false);
  return out;
}

/**
 * Characters that must not reach a terminal: C0 controls but tab and line feed, DEL, C1 controls,
 * and the bidirectional overrides and isolates that reorder what is shown (U+202A–202E, U+2066–2069).
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A number JSON.parse turns into Infinity (`1e309`), or text with control characters. */
function valueProblem(n: Node, out: SafetyProblem[]): void {
  if (n.type === 'number' && typeof n.value === 'number' && !Number.isFinite(n.value)) {
    out.push({
      offset: n.offset,
      code: 'non-finite-number',
      message: { vi: 'số quá lớn, không biểu diễn được (thành vô cực)', en: 'the number is too large to represent (it becomes infinity)' },
    });
  } else if (n.type === 'string' && typeof n.value === 'string' && CONTROL_CHARACTERS.test(n.value)) {
    out.push({
      offset: n.offset,
      code: 'control-character',
      message: {
        vi: 'chuỗi có ký tự điều khiển hoặc ký tự đảo chiều văn bản (ESC, BEL, U+202E…); chúng có thể điều khiển màn hình dòng lệnh',
        en: 'the text has control or bidirectional-override characters (ESC, BEL, U+202E…), which can drive a terminal',
      },
    });
  }
}

function printable(s: string): string {
  return s.replace(new RegExp(CONTROL_CHARACTERS.source, 'g'), '\uFFFD');
}
