import { PledgeChecker } from '../../../src/evaluate/checkGrid';
import { defaultPack } from '../../../src/packs/builtinPacks';
import { MAX_CELL_NOTES } from '../../../src/xlsx/write/writeHighlightedCopy';
import { checkWorkbook } from '../../../addin/excel/checkWorkbook';
import { clearHighlights } from '../../../addin/excel/clearHighlights';
import { MAX_REASONS } from '../../../addin/excel/writeHighlights';
import { checkWarnings } from '../../../addin/messages';
import { FakeExcel, PAYLOAD_LIMIT } from '../fakeExcel/fakeExcel';
import { FakeWorkbook } from '../fakeExcel/fakeWorkbook';
import { fakeFor, gridOf, workbookFiles } from '../helpers';

/**
 * Issue #13 (2). Every Check and Clear looks at every note of the workbook (to leave other
 * people's alone). Loaded all at once, the notes' text exceeded Excel on the web's 5 MB past some
 * 24,000 notes, and every later Check and Clear failed for good. Counted first, read within the
 * budget, they take more syncs instead.
 */
const checker = new PledgeChecker(defaultPack());
const NOTES = { notes: true, comments: true };
const sample = workbookFiles()[0].path;

/** A sheet of someone's own notes: 30,000 cells, each a Vietnamese remark of ~110 characters. */
function withPeoplesNotes(state: FakeWorkbook, count = 30_000): void {
  const sheet = state.addSheet('Ghi chép');
  for (let i = 0; i < count; i++) {
    state.reasons.push({
      id: state.newId('note'),
      kind: 'note',
      sheet: sheet.name,
      row: i,
      col: 0,
      content: `Cán bộ phụ trách: Nguyễn Thị Hương — số liệu tháng ${(i % 12) + 1} đã đối chiếu với sổ theo dõi của Đội, dòng ${i + 1}.`,
    });
  }
}

describe('a workbook with 30,000 notes of other people', () => {
  it('is checked and cleared within Excel on the web’s 5 MB per sync; every one of their notes stays', async () => {
    const state = fakeFor(gridOf(sample));
    withPeoplesNotes(state);
    const theirs = state.reasons.map((r) => ({ ...r }));

    const checking = new FakeExcel(state);
    const outcome = await checkWorkbook(checking.context, checker, 'vi', NOTES);
    expect(checking.violations).toEqual([]);
    expect(outcome.write.attached).toBeGreaterThan(0);
    const biggest = Math.max(...checking.payloads.map((p) => Math.max(p.request, p.response)));
    expect(biggest).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    // The text of 30,000 notes is more than one payload: more syncs, never a failure.
    expect(checking.syncs).toBeGreaterThan(6);

    const clearing = new FakeExcel(state);
    const report = await clearHighlights(clearing.context, NOTES);
    expect(report.removedReasons).toBe(outcome.write.attached);
    expect(state.reasons).toEqual(theirs);
  });

  it('the fake refuses a sync whose response passes 5 MB, as Excel on the web does', async () => {
    const state = new FakeWorkbook();
    withPeoplesNotes(state, 40_000);
    const fake = new FakeExcel(state);
    fake.context.workbook.notes.load('items/content');
    await expect(fake.sync()).rejects.toThrow('ResponsePayloadSizeLimitExceeded');
  });
});

describe('notes written', () => {
  it('are capped like the CLI’s copy: past the cap no cell gets one, and the pane says why', async () => {
    expect(MAX_REASONS).toBe(MAX_CELL_NOTES);
    const state = fakeFor(gridOf(sample));
    const outcome = await checkWorkbook(new FakeExcel(state).context, checker, 'vi', NOTES, undefined, { maxReasons: 1 });
    expect(outcome.write.marked).toBeGreaterThan(1);
    expect(outcome.write.attached).toBe(0);
    expect(outcome.write.reasonsOmitted).toBe(outcome.write.marked);
    expect(state.reasons).toEqual([]);
    expect(
      checkWarnings(outcome)
        .map((m) => m.vi)
        .join(' '),
    ).toContain('lý do không được gắn vào từng ô');
  });
});
