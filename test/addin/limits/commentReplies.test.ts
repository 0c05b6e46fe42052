import { PledgeChecker } from '../../../src/evaluate/checkGrid';
import { defaultPack } from '../../../src/packs/builtinPacks';
import { checkWorkbook } from '../../../addin/excel/checkWorkbook';
import { clearHighlights } from '../../../addin/excel/clearHighlights';
import { checkWarnings, clearSummary } from '../../../addin/messages';
import { FakeExcel } from '../fakeExcel/fakeExcel';
import { fakeFor, gridOf, workbookFiles } from '../helpers';

/**
 * Issue #13 (1). Office 2021/2024 have no notes, so reasons go in threaded comments, and a
 * supervisor may answer under one. `Comment.delete()` deletes the replies with the thread: Clear
 * and a re-check must leave such a thread alone, and say so.
 */
const checker = new PledgeChecker(defaultPack());
const COMMENTS_ONLY = { notes: false, comments: true };
const sample = workbookFiles()[0].path;

async function checkedWithAReply() {
  const state = fakeFor(gridOf(sample));
  const outcome = await checkWorkbook(new FakeExcel(state).context, checker, 'vi', COMMENTS_ONLY);
  expect(outcome.write.attachKind).toBe('comment');
  expect(outcome.write.attached).toBeGreaterThan(1);
  const answered = state.reasons[0];
  answered.replies = ['Trưởng phòng: đã yêu cầu đơn vị giải trình.'];
  return { state, answered };
}

describe('a Pledge Check comment someone replied to', () => {
  it('survives Clear with its reply, and Clear says so; every other comment of ours is removed', async () => {
    const { state, answered } = await checkedWithAReply();
    const fake = new FakeExcel(state);
    const report = await clearHighlights(fake.context, COMMENTS_ONLY);
    expect(fake.violations).toEqual([]);
    expect(state.reasons).toEqual([answered]);
    expect(answered.replies).toEqual(['Trưởng phòng: đã yêu cầu đơn vị giải trình.']);
    const cell = `${answered.sheet}!${String.fromCharCode(65 + answered.col)}${answered.row + 1}`;
    expect(report.threadsKept).toEqual([cell]);
    const text = clearSummary(report)
      .map((m) => m.vi)
      .join(' ');
    expect(text).toContain('đã có người trả lời');
    expect(text).toContain(cell);
    // Clear still put the cell's fill back and forgot it.
    expect(state.xmlParts).toEqual([]);
  });

  it('survives a re-check too: no new reason goes there, the thread is reported', async () => {
    const { state, answered } = await checkedWithAReply();
    const outcome = await checkWorkbook(new FakeExcel(state).context, checker, 'vi', COMMENTS_ONLY);
    expect(state.reasons).toContainEqual(answered);
    expect(outcome.write.threadsKept).toHaveLength(1);
    expect(
      checkWarnings(outcome)
        .map((m) => m.en)
        .join(' '),
    ).toContain('someone replied');
    // From now on it is no longer ours: a later Clear leaves it as well, without counting it as ours.
    const report = await clearHighlights(new FakeExcel(state).context, COMMENTS_ONLY);
    expect(state.reasons).toEqual([answered]);
    expect(report.threadsKept).toEqual([]);
  });

  it('the fake deletes the replies with their thread, as Excel documents', async () => {
    const { state, answered } = await checkedWithAReply();
    const fake = new FakeExcel(state);
    const comments = fake.context.workbook.comments;
    comments.getItemAt(0).delete();
    await fake.sync();
    expect(state.reasons.find((r) => r.id === answered.id)).toBeUndefined();
  });
});
