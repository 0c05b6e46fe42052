/**
 * The import boundaries of docs/architecture.md are ESLint rules (eslint.config.mjs), so an editor
 * flags a wrong import as it is typed. These tests lint small sources as if they lived in each
 * folder and expect the rule to fire — a config typo would otherwise silently allow everything.
 */
import { spawnSync } from 'child_process';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const ESLINT = join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/** The messages ESLint gives for `source` as if it were the file at `path` (relative to the repo). */
function lintAs(path: string, source: string): LintMessage[] {
  const run = spawnSync(process.execPath, [ESLINT, '--format', 'json', '--stdin', '--stdin-filename', join(ROOT, path)], {
    cwd: ROOT,
    input: source,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(run.stdout) as { messages: LintMessage[] }[];
  return result.messages;
}

const restricted = (messages: LintMessage[]) => messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);

describe('lint keeps the import boundaries', () => {
  it('refuses an import of addin/ from src/, and of src/cli/ from outside it', () => {
    const messages = lintAs(
      'src/report/boundaryProbe.ts',
      [
        "import { STRINGS } from '../../addin/taskpane/strings';",
        "import { parseArgs } from '../cli/args';",
        'export const probe = [STRINGS, parseArgs];',
        '',
      ].join('\n'),
    );
    expect(restricted(messages)).toEqual([expect.stringContaining('addin/'), expect.stringContaining('src/cli/')]);
  });

  it('refuses an import of evaluate/ or report/ from the pack model', () => {
    const messages = lintAs(
      'src/packs/boundaryProbe.ts',
      [
        "import { evaluatePack } from '../evaluate/evaluatePack';",
        "import { statusWord } from '../report/words';",
        'export const probe = [evaluatePack, statusWord];',
        '',
      ].join('\n'),
    );
    expect(restricted(messages)).toHaveLength(2);
  });

  it('lets each folder import what its floor allows', () => {
    expect(restricted(lintAs('src/cli/boundaryProbe.ts', "import { parseArgs } from './args';\nexport const probe = parseArgs;\n"))).toEqual([]);
    expect(restricted(lintAs('addin/boundaryProbe.ts', "import { parseA1 } from '../src/grid/address';\nexport const probe = parseA1;\n"))).toEqual([]);
  });
});
