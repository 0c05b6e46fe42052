import { FileProblems, eslintJson, stylishProblems } from '../authoring/lintReport';
import { checkRulePackFile, PackFileError } from '../packs/loadRulePack';
import { PackArgs } from './args';
import { EXIT, Io } from './io';
import * as messages from './messages';

/** `pledge-check lint`: every problem of every pack, ESLint-style; exit 1 on any error, warnings alone exit 0. */
export async function lintCommand(args: PackArgs, io: Io): Promise<number> {
  const results: FileProblems[] = [];
  let unreadable = false;
  for (const file of args.packs) {
    try {
      results.push({ file, problems: checkRulePackFile(file).problems });
    } catch (e) {
      if (!(e instanceof PackFileError)) throw e;
      // Not a problem inside a pack: the tool could not do its job on this file (exit 2); the others are still linted.
      io.err(messages.fileRefused(file, e.text)[args.lang]);
      unreadable = true;
    }
  }
  if (args.format === 'json') io.out(JSON.stringify(eslintJson(results, args.lang), null, 2));
  else if (results.length > 0) io.out(stylishProblems(results, args.lang));
  if (unreadable) return EXIT.badInput;
  return results.some((r) => r.problems.some((p) => p.severity === 'error')) ? EXIT.problems : EXIT.ok;
}
