/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { parseA1 } from '../../src/grid/address';
import { defaultPack } from '../../src/packs/builtinPacks';
import { reviewWord } from '../../src/report/words';
import { REVIEW_STATUSES } from '../../src/review/review';
import { REVIEWS_NAMESPACE, reviewsFromXml } from '../../src/review/reviewXml';
import { checkWorkbook } from '../../addin/excel/checkWorkbook';
import { REVIEWER_KEY } from '../../addin/reviewerName';
import { boot } from '../../addin/taskpane/boot';
import { REVIEW_TEXT } from '../../addin/taskpane/renderReview';
import { FakeExcel } from './fakeExcel/fakeExcel';
import { FakeWorkbook } from './fakeExcel/fakeWorkbook';
import { fakeFor, gridOf, installExcel, installOffice, workbookFiles } from './helpers';
import { $, $$, loadPaneMarkup, text, until } from './paneDom';

/**
 * Supervisors' reviews in the task pane, driven through its DOM, stored in the fake workbook's
 * custom XML parts: saved, the workbook "saved and reopened", checked again after an edit.
 */

const CLUSTER = workbookFiles().find((f) => f.name === 'tong-hop-cum-2025.xlsx')!.path;
const COMMENT = 'Đề nghị giải trình <số liệu> & "tỷ lệ" — Công an tỉnh';

interface Opened {
  state: FakeWorkbook;
  excels: FakeExcel[];
}

async function openPane(state: FakeWorkbook, lang = 'vi-VN'): Promise<Opened> {
  loadPaneMarkup();
  installOffice({ notes: true, comments: true }, lang);
  const excels: FakeExcel[] = [];
  installExcel(() => {
    const fake = new FakeExcel(state);
    excels.push(fake);
    return fake;
  });
  if (!(await boot(document))) throw new Error('the pane did not start in Excel mode');
  return { state, excels };
}

async function check(): Promise<void> {
  $('#check').click();
  await until(() => !$('#results').hidden && !$<HTMLButtonElement>('#check').disabled, 'the findings');
}

const item = (rule: string, unit: string) => $(`li.finding[data-rule="${rule}"][data-unit="${unit}"]`);
const firstShortfall = () => $('li.finding.shortfall');
const key = (li: Element) => ({ rule: li.getAttribute('data-rule')!, unit: li.getAttribute('data-unit')! });

/** Opens the finding's form, picks a decision, types a comment (and the name when asked), saves. */
async function review(li: Element, status: string, comment: string, name?: string): Promise<void> {
  (li.querySelector('button.review-open') as HTMLButtonElement).click();
  const form = li.ownerDocument.querySelector<HTMLFormElement>(`li.finding[data-rule="${key(li).rule}"][data-unit="${key(li).unit}"] form.review-form`)!;
  const radio = form.querySelector<HTMLInputElement>(`input[type="radio"][value="${status}"]`)!;
  radio.checked = true;
  radio.dispatchEvent(new Event('change', { bubbles: true }));
  const textarea = form.querySelector('textarea')!;
  textarea.value = comment;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  const nameInput = form.querySelector<HTMLInputElement>('input.review-name');
  if (name !== undefined) {
    expect(nameInput).not.toBeNull();
    nameInput!.value = name;
    nameInput!.dispatchEvent(new Event('input', { bubbles: true }));
  }
  form.requestSubmit();
  await until(() => !$<HTMLButtonElement>('#check').disabled && /Đã lưu xét duyệt|Review .* saved|Không|not/.test(text('#status')), 'the save');
}

const storedBook = (state: FakeWorkbook) => {
  const parts = state.xmlParts.filter((p) => p.xml.includes(REVIEWS_NAMESPACE));
  expect(parts).toHaveLength(1);
  return reviewsFromXml(parts[0].xml);
};

beforeEach(() => localStorage.clear());
afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
});

describe('reviewing a finding in the pane', () => {
  it('asks the reviewer’s name once, stores the review in the workbook, and shows it; the reopened workbook still has it', async () => {
    const state = fakeFor(gridOf(CLUSTER));
    await openPane(state);
    await check();
    const li = firstShortfall();
    const { rule, unit } = key(li);
    expect(li.querySelector('.review-state')).toBeNull();
    expect(li.querySelector('button.review-open')!.textContent).toBe('Xét duyệt…');

    await review(li, 'needs-explanation', COMMENT, '  Nguyễn   Văn A ');
    expect(text('#status')).toMatch(/^Đã lưu xét duyệt "Cần giải trình" cho /);
    // Stored in the workbook as the CLI's part; the name on this computer, not in the workbook's settings.
    const book = storedBook(state);
    expect(book.reviews).toHaveLength(1);
    expect(book.reviews[0]).toMatchObject({
      ruleId: rule,
      unit,
      status: 'needs-explanation',
      comment: COMMENT,
      reviewer: 'Nguyễn Văn A',
      findingStatus: 'shortfall',
      pack: { id: 'default', version: '1.0.0' },
    });
    expect(new Date(book.reviews[0].time).toISOString()).toBe(book.reviews[0].time);
    expect(Date.now() - Date.parse(book.reviews[0].time)).toBeLessThan(60_000);
    expect(book.log).toHaveLength(1);
    expect(localStorage.getItem(REVIEWER_KEY)).toBe('Nguyễn Văn A');
    expect(state.xmlParts.find((p) => p.xml.includes(REVIEWS_NAMESPACE))!.xml).toContain('&lt;số liệu&gt; &amp; &quot;tỷ lệ&quot;');

    const shown = item(rule, unit);
    expect(shown.classList.contains('reviewed')).toBe(true);
    expect(shown.querySelector('.chip.review')!.textContent).toBe('Cần giải trình');
    expect(shown.querySelector('.reviewer')!.textContent).toBe('Nguyễn Văn A');
    expect(shown.querySelector('.review-time')!.textContent).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\)$/);
    expect(shown.querySelector('.review-comment')!.textContent).toBe(COMMENT);
    expect(shown.querySelector('.review-changed')).toBeNull();
    expect(shown.querySelector('button.review-open')!.textContent).toBe('Xét duyệt lại…');

    // A second review in the same pane does not ask the name again.
    const other = $$('li.finding.no-data')[0];
    (other.querySelector('button.review-open') as HTMLButtonElement).click();
    expect(other.ownerDocument.querySelector('form.review-form input.review-name')).toBeNull();
    expect(text('form.review-form .reviewer-line')).toMatch(/^Người xét duyệt: Nguyễn Văn A Đổi tên$/);

    // Saved, closed, reopened: a new pane on a copy of the file finds the review and shows it.
    const reopened = state.reopened();
    await openPane(reopened, 'en-US');
    await check();
    const again = item(rule, unit);
    expect(again.querySelector('.chip.review')!.textContent).toBe('Needs explanation');
    expect(again.querySelector('.review-comment')!.textContent).toBe(COMMENT);
    expect(again.querySelector('.reviewer')!.textContent).toBe('Nguyễn Văn A');
    expect(again.querySelector('.review-changed')).toBeNull();
  });

  it('marks a review "changed since review" when an input cell changed, with the cell and old → new figure', async () => {
    const state = fakeFor(gridOf(CLUSTER));
    const { excels } = await openPane(state);
    await check();
    const li = firstShortfall();
    const { rule, unit } = key(li);
    await review(li, 'accepted', 'Đã đối chiếu', 'Trần Thị B');

    // Someone edits one of the finding's figures in the workbook, then checks again.
    const f = (await new PledgeChecker(defaultPack()).check(gridOf(CLUSTER))).findings.find((x) => x.ruleId === rule && x.unit === unit)!;
    const input = f.inputs.find((i) => i.value !== null)!;
    const { row, col } = parseA1(input.cell);
    state.sheet(input.sheet).cells.set(`${row},${col}`, { value: 'chưa thống kê', type: 'String' });
    const runs = excels.length;
    await check();
    expect(excels.length).toBeGreaterThan(runs);

    const shown = item(rule, unit);
    expect(shown.classList.contains('changed')).toBe(true);
    expect(shown.querySelector('.badge.changed')!.textContent).toBe('Đã thay đổi sau xét duyệt');
    expect(shown.querySelector('.review-changed')!.getAttribute('role')).toBe('note');
    const change = shown.querySelector('.review-changed li')!.textContent!;
    expect(change.startsWith(`${input.sheet}!${input.cell}: `)).toBe(true);
    expect(change.endsWith(' → "chưa thống kê"')).toBe(true);
    expect(shown.classList.contains('no-data')).toBe(true);
    // Still a finding to look at: the unreviewed filter lists it.
    $('button.toggle.unreviewed').click();
    expect($$('li.finding').some((x) => x.getAttribute('data-rule') === rule && x.getAttribute('data-unit') === unit)).toBe(true);
  });

  it('the "Unreviewed" filter shows shortfalls and no-data findings without a review, with their count', async () => {
    await openPane(fakeFor(gridOf(CLUSTER)));
    await check();
    const toggle = () => $('button.toggle.unreviewed');
    const pending = $$('li.finding.shortfall').length + $$('li.finding.no-data').length;
    expect(Number(toggle().querySelector('.count')!.textContent)).toBe(pending);
    expect(toggle().getAttribute('aria-pressed')).toBe('false');
    const li = firstShortfall();
    const { rule, unit } = key(li);
    await review(li, 'accepted', '', 'Lê C');
    expect(Number(toggle().querySelector('.count')!.textContent)).toBe(pending - 1);

    toggle().focus();
    toggle().click();
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
    expect(document.activeElement).toBe(toggle());
    expect($$('li.finding')).toHaveLength(pending - 1);
    expect($$('li.finding.met')).toHaveLength(0);
    expect($$('li.finding.reviewed')).toHaveLength(0);
    expect($$(`li.finding[data-rule="${rule}"][data-unit="${unit}"]`)).toHaveLength(0);
    // Combined with the status toggles and the unit chooser.
    $('button.toggle.no-data').click();
    expect($$('li.finding').every((x) => x.classList.contains('shortfall'))).toBe(true);
    toggle().click();
    expect($$('li.finding.reviewed')).toHaveLength(1);
  });

  it('keyboard: the form opens on the decision, Escape cancels back to its button, Ctrl+Enter saves; a missing decision is said, not guessed', async () => {
    const state = fakeFor(gridOf(CLUSTER));
    await openPane(state);
    await check();
    const li = firstShortfall();
    const { rule, unit } = key(li);
    const open = li.querySelector<HTMLButtonElement>('button.review-open')!;
    expect(open.getAttribute('aria-describedby')).toBe(li.querySelector('.finding-title')!.id);
    open.focus();
    open.click();
    const form = () => item(rule, unit).querySelector<HTMLFormElement>('form.review-form')!;
    expect(form()).not.toBeNull();
    expect(document.activeElement).toBe(form().querySelector('input[type="radio"][value="accepted"]'));
    expect(form().getAttribute('aria-label')).toMatch(/^Xét duyệt: /);
    expect(form().querySelector('fieldset legend')!.textContent).toBe('Kết luận xét duyệt');
    expect($$('form.review-form')).toHaveLength(1);

    // Escape: closed, nothing stored, focus back on the finding's Review button.
    form().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(item(rule, unit).querySelector('form.review-form')).toBeNull();
    expect(document.activeElement).toBe(item(rule, unit).querySelector('button.review-open'));
    expect(state.xmlParts.some((p) => p.xml.includes(REVIEWS_NAMESPACE))).toBe(false);

    // Saving without a decision: an alert, the focus on the decision, nothing stored.
    item(rule, unit).querySelector<HTMLButtonElement>('button.review-open')!.click();
    form().querySelector<HTMLInputElement>('input.review-name')!.value = 'Phạm D';
    form()
      .querySelector('input.review-name')!
      .dispatchEvent(new Event('input', { bubbles: true }));
    form().requestSubmit();
    expect(text(`#review-error-${form().id.split('-').pop()}`)).toBe('Hãy chọn một kết luận.');
    expect(form().querySelector('fieldset')!.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(form().querySelector('input[type="radio"][value="accepted"]'));
    expect(state.xmlParts.some((p) => p.xml.includes(REVIEWS_NAMESPACE))).toBe(false);

    // Arrow keys pick a radio (the browser's job); then Ctrl+Enter in the comment saves.
    const radio = form().querySelector<HTMLInputElement>('input[value="data-corrected"]')!;
    radio.checked = true;
    radio.dispatchEvent(new Event('change', { bubbles: true }));
    const comment = form().querySelector('textarea')!;
    comment.value = 'Đơn vị đã sửa ô D12';
    comment.dispatchEvent(new Event('input', { bubbles: true }));
    comment.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await until(() => /^Đã lưu xét duyệt/.test(text('#status')), 'the save');
    expect(storedBook(state).reviews[0]).toMatchObject({ status: 'data-corrected', comment: 'Đơn vị đã sửa ô D12', reviewer: 'Phạm D' });
    expect(document.activeElement).toBe(item(rule, unit).querySelector('button.review-open'));
  });

  it('a missing name is asked for; "Change name" asks again; where storage is blocked the name lasts the session, with a word', async () => {
    await openPane(fakeFor(gridOf(CLUSTER)));
    await check();
    const li = firstShortfall();
    const { rule, unit } = key(li);
    li.querySelector<HTMLButtonElement>('button.review-open')!.click();
    const form = () => item(rule, unit).querySelector<HTMLFormElement>('form.review-form')!;
    const radio = form().querySelector<HTMLInputElement>('input[value="accepted"]')!;
    radio.checked = true;
    radio.dispatchEvent(new Event('change', { bubbles: true }));
    form().requestSubmit();
    expect(text(`#${form().querySelector('.form-error')!.id}`)).toBe('Hãy nhập họ tên người xét duyệt.');
    expect(document.activeElement).toBe(form().querySelector('input.review-name'));
    expect(form().querySelector('input.review-name')!.getAttribute('aria-invalid')).toBe('true');

    const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    try {
      const name = form().querySelector<HTMLInputElement>('input.review-name')!;
      name.value = 'Hoàng E';
      name.dispatchEvent(new Event('input', { bubbles: true }));
      form().requestSubmit();
      await until(() => /Đã lưu xét duyệt/.test(text('#status')), 'the save');
      expect(text('#status')).toMatch(/tên chỉ được nhớ đến khi đóng ngăn/);
    } finally {
      setItem.mockRestore();
    }
    // Remembered for the session all the same; Change name shows the field with it.
    const next = $$('li.finding.no-data')[0];
    next.querySelector<HTMLButtonElement>('button.review-open')!.click();
    const nextForm = $('form.review-form');
    expect(nextForm.querySelector('input.review-name')).toBeNull();
    nextForm.querySelector<HTMLButtonElement>('.reviewer-line button')!.click();
    expect($<HTMLInputElement>('form.review-form input.review-name').value).toBe('Hoàng E');
    expect(document.activeElement).toBe($('form.review-form input.review-name'));
  });

  it('switching language keeps the open form and what was typed', async () => {
    await openPane(fakeFor(gridOf(CLUSTER)));
    await check();
    const li = firstShortfall();
    const { rule, unit } = key(li);
    li.querySelector<HTMLButtonElement>('button.review-open')!.click();
    const comment = () => item(rule, unit).querySelector('textarea')!;
    comment().value = 'Đang soạn';
    comment().dispatchEvent(new Event('input', { bubbles: true }));
    comment().focus();
    $('#language').click();
    expect(comment().value).toBe('Đang soạn');
    expect(document.activeElement).toBe(comment());
    expect(text('form.review-form legend')).toBe('Decision');
  });

  it('the decisions read as the CLI and the reports name them', () => {
    for (const s of REVIEW_STATUSES) expect(REVIEW_TEXT[s]).toEqual({ vi: reviewWord(s, 'vi'), en: reviewWord(s, 'en') });
  });
});

describe('the reviews part in Excel', () => {
  it('a check reads the reviews on its own syncs; a save is three syncs and touches no cell', async () => {
    const state = fakeFor(gridOf(CLUSTER));
    const { excels } = await openPane(state);
    await check();
    const checkRun = excels[excels.length - 1];
    // The same check without the reviews part takes as many syncs: reading the reviews adds none.
    const bare = new FakeExcel(state.reopened());
    await checkWorkbook(bare.context, new PledgeChecker(defaultPack()), 'vi', { notes: true, comments: true });
    expect(checkRun.syncs).toBe(bare.syncs);
    expect(checkRun.log.some((c) => c.name === 'getByNamespace' && c.args === REVIEWS_NAMESPACE)).toBe(true);

    const before = state.snapshot();
    await review(firstShortfall(), 'accepted', '', 'Ngô F');
    const saveRun = excels[excels.length - 1];
    expect(saveRun.syncs).toBe(3);
    expect(saveRun.violations).toEqual([]);
    expect(saveRun.log.every((c) => c.target.startsWith('customXmlPart'))).toBe(true);
    expect(state.snapshot()).toEqual(before);
  });

  it('a damaged reviews part: the check still lists the findings with a warning, and a save refuses to overwrite it', async () => {
    const state = fakeFor(gridOf(CLUSTER));
    state.xmlParts.push({ id: 'xml-damaged', xml: `<reviews xmlns="${REVIEWS_NAMESPACE}"><review rule="x"` });
    await openPane(state);
    await check();
    expect($$('li.finding').length).toBeGreaterThan(0);
    expect(text('#status')).toMatch(/Không hiển thị được các xét duyệt vì phần xét duyệt không phải XML hợp lệ/);
    await review(firstShortfall(), 'accepted', 'x', 'Vũ G');
    expect(text('#status')).toMatch(/^Không ghi được xét duyệt vì .*không ghi đè/);
    expect(state.xmlParts.find((p) => p.id === 'xml-damaged')!.xml).toBe(`<reviews xmlns="${REVIEWS_NAMESPACE}"><review rule="x"`);
    expect($('form.review-form')).not.toBeNull(); // kept open to try again
  });
});
