import { packTestFailed, PackTestResult, stylishTestResults, testResultsJson } from '../authoring/exampleReport';
import { checkRulePackFile, PackFileError } from '../packs/loadRulePack';
import { runExamples } from '../authoring/runExamples';
import { PackArgs } from './args';
import { EXIT, Io } from './io';
import * as messages from './messages';

/** `pledge-check test`: runs each pack's examples; exit 1 when one disagrees or a pack does not load. */
export async function testCommand(args: PackArgs, io: Io): Promise<number> {
  const results: PackTestResult[] = [];
  let unreadable = false;
  for (const file of args.packs) {
    try {
      const { pack, problems, positionOf } = checkRulePackFile(file);
      const errors = problems.filter((p) => p.severity === 'error');
      results.push({ file, errors, examples: pack ? await runExamples(pack, positionOf) : [] });
    } catch (e) {
      if (!(e instanceof PackFileError)) throw e;
      io.err(messages.fileRefused(file, e.text)[args.lang]);
      unreadable = true;
    }
  }
  if (args.format === 'json') io.out(JSON.stringify(testResultsJson(results, args.lang), null, 2));
  else if (results.length > 0) io.out(stylishTestResults(results, args.lang));
  if (unreadable) return EXIT.badInput;
  return results.some(packTestFailed) ? EXIT.problems : EXIT.ok;
}
