import { builtinPackSource } from './builtinPackTexts';
import { checkPackSource } from './checkRulePack';
import { RulePackError } from './packProblem';
import { RulePack } from './rulePack';

/** The pack used when none is given. Checked like any other pack, so a broken edit cannot ship. */
export function defaultPack(): RulePack {
  return builtinPack('default')!;
}

/** A pack shipped in rules/, resolved and checked; undefined for an unknown id. */
export function builtinPack(id: string): RulePack | undefined {
  const src = builtinPackSource(id);
  if (!src) return undefined;
  const { pack, problems } = checkPackSource(src);
  if (!pack) throw new RulePackError(problems.filter((p) => p.severity === 'error'));
  return pack;
}
