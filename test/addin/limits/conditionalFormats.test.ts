import { parseA1 } from '../../../src/grid/address';
import { PledgeChecker } from '../../../src/evaluate/checkGrid';
import { defaultPack } from '../../../src/packs/builtinPacks';
import { checkWorkbook } from '../../../addin/excel/checkWorkbook';
import { clearHighlights } from '../../../addin/excel/clearHighlights';
import { checkWarnings } from '../../../addin/messages';
import { FakeExcel } from '../fakeExcel/fakeExcel';
import { fakeFor, gridOf, workbookFiles } from '../helpers';

/**
 * Issue #13 (9). A conditional format paints over a cell's own fill, so a shortfall in such a cell
 * is not visibly red: the cell's reason says so and the pane lists the cell.
 */
const checker = new PledgeChecker(defaultPack());
const ALL = { notes: true, comments: true };

it('a marked cell under a conditional format is named in the pane and its note says the fill may be hidden', async () => {
  const state = fakeFor(gridOf(workbookFiles()[0].path));
  const scratch = await checkWorkbook(new FakeExcel(state.reopened()).context, checker, 'vi', ALL);
  const flagged = scratch.findings.find((f) => f.status !== 'met')!;
  const a1 = flagged.status === 'no-data' && flagged.noData && 'cell' in flagged.noData ? flagged.noData.cell : flagged.cell;
  const { row, col } = parseA1(a1);
  // A rule on that cell alone (e.g. 'highlight values below target').
  state.sheet(flagged.sheet).conditionalFormats = [{ top: row, bottom: row, left: col, right: col + 1 }];

  const outcome = await checkWorkbook(new FakeExcel(state).context, checker, 'vi', ALL);
  expect(outcome.write.conditionalCells).toContain(`${flagged.sheet}!${a1}`);
  const note = state.reasons.find((r) => r.sheet === flagged.sheet && r.row === row && r.col === col)!;
  expect(note.content).toContain('định dạng có điều kiện');
  expect(
    checkWarnings(outcome)
      .map((m) => m.vi)
      .join(' '),
  ).toContain(`${flagged.sheet}!${a1}`);
  // Cells in other columns are not named.
  expect(outcome.write.conditionalCells.length).toBeLessThan(outcome.write.marked);

  const cleared = await clearHighlights(new FakeExcel(state).context, ALL);
  expect(cleared.removedReasons).toBe(outcome.write.attached); // the longer note is still ours, and removed
});
