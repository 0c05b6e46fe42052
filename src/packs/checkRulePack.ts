import { Node, parseTree, ParseError, printParseErrorCode } from 'jsonc-parser';
import { resolveBuiltinPack } from './builtinPackTexts';
import { lineColumnAt, nodeAt } from './jsonLocation';
import { PackFile } from './packFile';
import { PackResolver, PackSource } from './packSource';
import { PackProblem, problemLine, RulePackError } from './packProblem';
import { nestingProblem, PACK_LIMITS, sizeProblem, structureProblems } from './packSafety';
import { schemaViolations } from './packSchema';
import { semanticProblems } from './packSemantics';
import { applyLayer, ResolvedPack } from './resolveExtends';
import { RulePack } from './rulePack';

export interface CheckOptions {
  /** Defaults to the packs shipped in rules/, by id. */
  readonly resolve?: PackResolver;
}

export interface PackCheck {
  /** The resolved, flat pack: present exactly when there is no error (warnings allowed). */
  readonly pack?: RulePack;
  readonly problems: PackProblem[];
  /** Line and column of a JSON Pointer in this file (the `test` command locates examples with it). */
  readonly positionOf: (pointer: string) => { line: number; column: number };
}

/**
 * The one place a rule pack is judged — `check`, `lint`, `test` and the task pane all call it, so
 * they refuse the same packs with the same messages. In order: size, JSON syntax, structure
 * (nesting, prototype keys, `path` in conditions), the JSON Schema, `extends` (missing base,
 * cycles), then what the schema cannot say. Every problem carries file, line and column.
 */
export function checkRulePack(text: string, file: string, options: CheckOptions = {}): PackCheck {
  return checkPackSource({ file, text }, options);
}

/** The same, for a source that carries its identity (an absolute path), so `extends` cycles are seen. */
export function checkPackSource(src: PackSource, options: CheckOptions = {}): PackCheck {
  const { pack, problems, positionOf } = checkSource(src, options.resolve ?? resolveBuiltinPack, []);
  return pack ? { pack, problems, positionOf } : { problems, positionOf };
}

/** Loads a pack or throws RulePackError with every error found. */
export function parseRulePack(text: string, file: string, options: CheckOptions = {}): RulePack {
  const { pack, problems } = checkRulePack(text, file, options);
  if (!pack) throw new RulePackError(problems.filter((p) => p.severity === 'error'));
  return pack;
}

interface SourceCheck extends PackCheck {
  readonly resolved?: ResolvedPack;
  /** Set when the pack failed because its `extends` chain loops: the files of the loop. */
  readonly cycle?: string[];
}

interface ChainLink {
  readonly key: string;
  readonly file: string;
}

function checkSource(src: PackSource, resolve: PackResolver, chain: ReadonlyArray<ChainLink>): SourceCheck {
  const { file, text } = src;
  const problems: PackProblem[] = [];
  let tree: Node | undefined;
  const positionOf = (ptr: string) => lineColumnAt(text, tree ? nodeAt(tree, ptr).offset : 0);
  const atOffset = (offset: number, code: string, message: PackProblem['message'], severity: PackProblem['severity'] = 'error') =>
    problems.push({ file, ...lineColumnAt(text, offset), severity, code, message });
  const atPointer = (ptr: string, code: string, message: PackProblem['message'], severity: PackProblem['severity'] = 'error') =>
    problems.push({ file, ...positionOf(ptr), severity, code, message });
  const done = (extra: Partial<SourceCheck> = {}): SourceCheck => ({ problems, positionOf, ...extra });

  const tooLarge = sizeProblem(text) ?? nestingProblem(text);
  if (tooLarge) {
    atOffset(tooLarge.offset, tooLarge.code, tooLarge.message);
    return done();
  }
  const errors: ParseError[] = [];
  tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !tree) {
    const e = errors[0];
    const code = e ? printParseErrorCode(e.error) : 'ValueExpected';
    tree = undefined;
    atOffset(e?.offset ?? 0, 'json-syntax', { vi: `cú pháp JSON sai (${code})`, en: `invalid JSON syntax (${code})` });
    return done();
  }
  const unsafe = structureProblems(tree);
  if (unsafe.length > 0) {
    for (const p of unsafe) atOffset(p.offset, p.code, p.message);
    return done();
  }
  const value = JSON.parse(text) as unknown;
  const violations = schemaViolations(value);
  if (violations.length > 0) {
    for (const v of violations) atPointer(v.pointer, v.code, v.message);
    return done();
  }
  const layer = value as PackFile;

  let base: ResolvedPack | undefined;
  if (layer.extends !== undefined) {
    const loaded = loadBase(layer.extends, src, resolve, [...chain, { key: src.key ?? file, file }]);
    if ('problem' in loaded) {
      atPointer('/extends', loaded.problem.code, loaded.problem.message);
      return done(loaded.cycle ? { cycle: loaded.cycle } : {});
    }
    base = loaded.resolved;
  }
  const { resolved, problems: layered } = applyLayer(base, layer, file);
  for (const p of [...layered, ...semanticProblems(resolved, layer, file)]) atPointer(p.pointer, p.code, p.message, p.severity);
  const failed = problems.some((p) => p.severity === 'error');
  return done(failed ? {} : { pack: resolved.pack, resolved });
}

type BaseResult = { resolved: ResolvedPack } | { problem: Pick<PackProblem, 'code' | 'message'>; cycle?: string[] };

function loadBase(ref: string, from: PackSource, resolve: PackResolver, chain: ReadonlyArray<ChainLink>): BaseResult {
  if (chain.length > PACK_LIMITS.maxExtendsDepth) {
    return {
      problem: {
        code: 'extends-depth',
        message: {
          vi: `chuỗi "extends" dài quá ${PACK_LIMITS.maxExtendsDepth} cấp`,
          en: `the "extends" chain is longer than ${PACK_LIMITS.maxExtendsDepth} levels`,
        },
      },
    };
  }
  let src: PackSource | undefined;
  try {
    src = resolve(ref, from);
  } catch (e) {
    return missing(ref, (e as Error).message);
  }
  if (!src) return missing(ref);
  const key = src.key ?? src.file;
  const loopStart = chain.findIndex((l) => l.key === key);
  if (loopStart >= 0) {
    const cycle = [...chain.slice(loopStart).map((l) => l.file), src.file];
    return { problem: cycleProblem(cycle), cycle };
  }
  const base = checkSource(src, resolve, chain);
  if (base.cycle) {
    // Every pack on the loop says so itself, not just "the base has errors".
    return { problem: cycleProblem(base.cycle), cycle: base.cycle };
  }
  if (!base.resolved) {
    const errors = base.problems.filter((p) => p.severity === 'error');
    const first = errors[0];
    return {
      problem: {
        code: 'invalid-base',
        message: {
          vi: `bộ gốc ${src.file} có ${errors.length} lỗi, sửa bộ đó trước; lỗi đầu tiên: ${first ? problemLine(first, 'vi') : ''}`,
          en: `the base pack ${src.file} has ${errors.length} error(s); fix it first. First: ${first ? problemLine(first, 'en') : ''}`,
        },
      },
    };
  }
  if (isPackId(ref) && base.resolved.pack.id !== ref) {
    return missing(ref, `${src.file} có mã "${base.resolved.pack.id}" / has id "${base.resolved.pack.id}"`);
  }
  return { resolved: base.resolved };
}

function isPackId(ref: string): boolean {
  return /^[a-z0-9][a-z0-9-]*$/.test(ref);
}

function missing(ref: string, reason?: string): BaseResult {
  const why = reason ? ` (${reason})` : '';
  return {
    problem: {
      code: 'missing-base',
      message: isPackId(ref)
        ? { vi: `không có bộ quy tắc gốc "${ref}" trong rules/${why}`, en: `there is no base pack "${ref}" in rules/${why}` }
        : { vi: `không tìm thấy tệp bộ gốc "${ref}"${why}`, en: `base pack file "${ref}" not found${why}` },
    },
  };
}

function cycleProblem(cycle: string[]): Pick<PackProblem, 'code' | 'message'> {
  const loop = cycle.join(' → ');
  return { code: 'extends-cycle', message: { vi: `"extends" tạo thành vòng lặp: ${loop}`, en: `"extends" goes round in a circle: ${loop}` } };
}
