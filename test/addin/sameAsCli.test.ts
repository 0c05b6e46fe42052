import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { parseA1 } from '../../src/grid/address';
import { defaultPack } from '../../src/packs/builtinPacks';
import { findingsJson } from '../../src/report/findingsJson';
import { highlightPlanFor } from '../../src/report/highlightPlan';
import { checkWorkbook } from '../../addin/excel/checkWorkbook';
import { markColor } from '../../addin/excel/cellFill';
import { FakeExcel } from './fakeExcel/fakeExcel';
import { fakeFor, gridOf, workbookFiles } from './helpers';

const pack = defaultPack();
const checker = new PledgeChecker(pack);

async function cliJson(path: string, lang: 'vi' | 'en') {
  const out = join(mkdtempSync(join(tmpdir(), 'pledge-check-addin-')), 'findings.json');
  const quiet = { out: () => undefined, err: () => undefined };
  await main(['check', path, '--json', out, '--lang', lang], quiet);
  return JSON.parse(readFileSync(out, 'utf8')) as { findings: unknown[] };
}

describe.each(workbookFiles())('$name: the add-in and the CLI agree', ({ path }) => {
  it.each(['vi', 'en'] as const)('the same findings (--json, %s)', async (lang) => {
    const fake = new FakeExcel(fakeFor(gridOf(path)));
    const outcome = await checkWorkbook(fake.context, checker, lang, { notes: true, comments: true });
    const fromAddin = JSON.parse(JSON.stringify(findingsJson(path, pack, outcome.findings, lang)));
    expect(fromAddin.findings).toEqual((await cliJson(path, lang)).findings);
  });

  it('the same highlight plan: every mark the CLI would write, with its note, and nothing else', async () => {
    const state = fakeFor(gridOf(path), { fills: false });
    await checkWorkbook(new FakeExcel(state).context, checker, 'vi', { notes: true, comments: true });
    const plan = highlightPlanFor((await checker.check(gridOf(path))).findings, 'vi');

    const written = state.sheets.flatMap((s) =>
      [...s.fills].map(([k, fill]) => {
        const [row, col] = k.split(',').map(Number);
        const note = state.reasons.find((r) => r.sheet === s.name && r.row === row && r.col === col)?.content;
        return { sheet: s.name, row, col, color: fill.color, note };
      }),
    );
    const expected = plan.marks.map((m) => ({ sheet: m.sheet, ...parseA1(m.cell), color: markColor(m.status), note: `${plan.author}:\n${m.note}` }));
    const order = (a: { sheet: string; row: number; col: number }, b: typeof a) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.col - b.col;
    expect(written.sort(order)).toEqual(expected.sort(order));
  });
});
