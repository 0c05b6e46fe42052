import { PackProblem } from '../src/packs/packProblem';
import { builtinPackIds, builtinPackSource, resolveBuiltinPack } from '../src/packs/builtinPackTexts';
import { checkPackSource } from '../src/packs/checkRulePack';
import { PackResolver } from '../src/packs/packSource';
import { PACK_LIMITS } from '../src/packs/packSafety';
import { RulePack } from '../src/packs/rulePack';

/**
 * Which rule pack the pane checks with: one shipped in rules/, or a .json file the person opened.
 * A file's text is kept with the choice (the browser cannot read the path again later, and the
 * workbook then carries the pack it was checked with); it is checked again every time it is used.
 */
export type PackChoice = { readonly kind: 'builtin'; readonly id: string } | { readonly kind: 'file'; readonly name: string; readonly text: string };

export const DEFAULT_CHOICE: PackChoice = { kind: 'builtin', id: 'default' };

export interface PackOutcome {
  /** Present exactly when the pack has no error. */
  readonly pack?: RulePack;
  /** Errors and warnings with file, line and column: the lines `pledge-check lint` prints. */
  readonly problems: PackProblem[];
}

/**
 * In the pane a file can only build on the shipped packs: the browser cannot open `./base.json`
 * next to it. Said as the reason of the usual "base pack not found" problem.
 */
const paneResolver: PackResolver = (ref, from) => {
  const builtin = resolveBuiltinPack(ref, from);
  if (builtin) return builtin;
  if (ref.startsWith('./') || ref.startsWith('../')) {
    throw new Error('ngăn tác vụ chỉ mở rộng được các bộ có sẵn trong rules/ / the task pane can only extend the packs shipped in rules/');
  }
  return undefined;
};

/**
 * The same judgement as `pledge-check lint` and `check` (size, JSON syntax, structure, schema,
 * `extends`, meaning): one function, one set of messages. A pack is data and is never executed.
 */
export function checkPackChoice(choice: PackChoice): PackOutcome {
  const src =
    choice.kind === 'builtin' ? builtinPackSource(choice.id) : { file: choice.name, key: `file:${choice.name}`, text: choice.text.replace(/^\uFEFF/, '') };
  if (!src) {
    return {
      problems: [
        {
          file: `rules/${choice.kind === 'builtin' ? choice.id : ''}.json`,
          line: 1,
          column: 1,
          severity: 'error',
          code: 'missing-base',
          message: { vi: 'không có bộ quy tắc này trong rules/', en: 'there is no such pack in rules/' },
        },
      ],
    };
  }
  const { pack, problems } = checkPackSource(src, { resolve: paneResolver });
  return pack ? { pack, problems } : { problems };
}

export function builtinChoices(): PackChoice[] {
  return builtinPackIds().map((id) => ({ kind: 'builtin', id }));
}

/** A stable key for a choice (the pane's select values, caches). */
export function choiceKey(c: PackChoice): string {
  return c.kind === 'builtin' ? `builtin:${c.id}` : `file:${c.name}`;
}

/**
 * A choice read back from the workbook: anyone could have written the setting, so only the exact
 * shapes this module writes are accepted, and a file's text is checked again before any use.
 */
export function parseStoredChoice(value: unknown): PackChoice | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (v.kind === 'builtin' && typeof v.id === 'string' && builtinPackIds().includes(v.id)) return { kind: 'builtin', id: v.id };
  if (v.kind === 'file' && typeof v.name === 'string' && typeof v.text === 'string' && v.name.length <= 260 && v.text.length <= PACK_LIMITS.maxBytes) {
    return { kind: 'file', name: v.name, text: v.text };
  }
  return undefined;
}
