import cum1of2020 from '../../rules/cum-1-2020.json';
import cum5of2020 from '../../rules/cum-5-2020.json';
import cum6of2024 from '../../rules/cum-6-2024.json';
import defaultJson from '../../rules/default.json';
import type { PackResolver, PackSource } from './packSource';

/**
 * The packs shipped in rules/, bundled as data so the browser and the add-in can resolve
 * `"extends": "default"` without a file system. Line numbers in a bundled pack differ from the
 * file's; CI lints the files themselves, so a bundled pack never has problems to locate.
 */
const BUILTIN: Readonly<Record<string, unknown>> = {
  default: defaultJson,
  'cum-1-2020': cum1of2020,
  'cum-5-2020': cum5of2020,
  'cum-6-2024': cum6of2024,
};

export function builtinPackIds(): string[] {
  return Object.keys(BUILTIN);
}

export function builtinPackSource(id: string): PackSource | undefined {
  if (!Object.prototype.hasOwnProperty.call(BUILTIN, id)) return undefined;
  return { file: `rules/${id}.json`, key: `builtin:${id}`, text: JSON.stringify(BUILTIN[id], null, 2) };
}

/** Resolves pack ids against the bundled packs; relative paths need a resolver that can read files. */
export const resolveBuiltinPack: PackResolver = (ref) => builtinPackSource(ref);
