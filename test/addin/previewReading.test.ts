/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { writeNationalWorkbook } from '../../bench/endToEnd';
import { RulePack } from '../../src/packs/rulePack';
import { CheckFailed, CheckRunner, InlineRunner } from '../../addin/preview/checkRunner';
import { SessionProgress } from '../../addin/preview/checkSession';
import { startPreview } from '../../addin/preview/startPreview';
import { PROJECT_ROOT } from '../helpers/paths';
import { $, $$, loadPaneMarkup, pickFile, settle, text, until } from './paneDom';

/**
 * The preview as a person meets it in a plain browser, with the check on the page (jsdom has no
 * workers): a failure is one sentence, a new file clears the old results at once, every target
 * of the pack is listed (those the workbook lacks too), the pack chooser waits for a commit, and
 * "go to cell" has a way back.
 */
const sample = (name: string) => new File([readFileSync(join(PROJECT_ROOT, 'samples', name))], name);

/** A runner that fails the way an engine bug would, with a raw JavaScript message. */
class FailingRunner implements CheckRunner {
  private readonly inner = new InlineRunner();
  fail = false;
  async load(bytes: Uint8Array): Promise<void> {
    await this.inner.load(bytes);
  }
  async check(pack: RulePack, progress: SessionProgress): Promise<void> {
    if (this.fail) throw new RangeError('Maximum call stack size exceeded');
    await this.inner.check(pack, progress);
  }
  async copy(): Promise<Uint8Array> {
    throw new CheckFailed({ kind: 'internal' });
  }
}

async function loaded(file: File): Promise<void> {
  pickFile('#file-input', file);
  await until(
    () =>
      !$('#app').getAttribute('aria-busy')?.includes('true') && (!$('#results').hidden || $$('#status .message.error, #status .message.warning').length > 0),
    'the check',
  );
}

describe('the preview', () => {
  beforeEach(() => loadPaneMarkup());

  it('says one sentence, never the engine’s message, when the check fails', async () => {
    const runner = new FailingRunner();
    startPreview(document, 'vi', runner);
    runner.fail = true;
    await loaded(sample('bao-cao-ninh-binh-2025.xlsx'));
    const status = text('#status');
    expect(status).toMatch(/^Không kiểm tra được bao-cao-ninh-binh-2025\.xlsx do lỗi của chương trình; [^.]*\.$/);
    expect(status).not.toMatch(/Maximum|stack|RangeError/);
    expect($('#results').hidden).toBe(true);
  });

  it('clears the previous workbook’s summary, findings and sheet the moment another file is chosen', async () => {
    startPreview(document, 'vi');
    await loaded(sample('bao-cao-ninh-binh-2025.xlsx'));
    expect($$('li.finding').length).toBeGreaterThan(0);
    expect($('#sheet-view').hidden).toBe(false);
    // A file that is not a workbook: before it is even read, nothing of the first one is left.
    pickFile('#file-input', new File(['not a workbook'], 'hong.xlsx'));
    expect($('#results').hidden).toBe(true);
    expect($('#summary').hidden).toBe(true);
    expect($('#sheet-view').hidden).toBe(true);
    expect($$('li.finding')).toHaveLength(0);
    await until(() => $$('#status .message.error').length > 0, 'the error');
    expect(text('#status')).toMatch(/hong\.xlsx/);
    expect($('#results').hidden).toBe(true);
    expect($('#sheet-view').hidden).toBe(true);
  });

  it('lists every target of the pack, those the workbook does not have as "not in this workbook"', async () => {
    startPreview(document, 'vi');
    await loaded(sample('cum-thi-dua-2025-bang.xlsx'));
    const rows = $$('table.targets tbody tr');
    expect(rows).toHaveLength(7); // the default pack's seven targets
    const absent = $$('table.targets tr.not-in-workbook');
    expect(absent.length).toBeGreaterThan(0);
    for (const r of absent) expect(r.textContent).toContain('Không có trong sổ này');
    expect(absent.map((r) => r.getAttribute('data-rule'))).toContain('serious-cases-cleared-95pct');
  });

  it('re-checks on a committed pack choice, not on every arrow key, and keeps the focus on the chooser', async () => {
    startPreview(document, 'vi');
    await loaded(sample('bao-cao-ninh-binh-2025.xlsx'));
    const select = $<HTMLSelectElement>('#pack');
    select.focus();
    let checks = 0;
    new MutationObserver(() => (checks += $('#app').getAttribute('aria-busy') === 'true' ? 1 : 0)).observe($('#app'), {
      attributes: true,
      attributeFilter: ['aria-busy'],
    });
    for (const value of ['builtin:cum-1-2020', 'builtin:cum-5-2020']) {
      select.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await settle();
    }
    expect(checks).toBe(0);
    expect(document.activeElement).toBe(select);
    expect(select.disabled).toBe(false);
    select.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await until(() => checks > 0 && $('#app').getAttribute('aria-busy') === 'false', 'the check with the chosen pack');
    expect(document.activeElement).toBe(select);
    expect(text('#pack-info')).toMatch(/^cum-5-2020/);
  });

  it('goes to a finding’s cell and back to the list with Escape or the back button', async () => {
    startPreview(document, 'vi');
    await loaded(sample('bao-cao-ninh-binh-2025.xlsx'));
    const button = $<HTMLButtonElement>('li.finding.shortfall button.finding-main');
    button.focus();
    button.click();
    await settle();
    expect(document.activeElement?.getAttribute('data-cell')).toBe('D29');
    expect($('#sheet-back').hidden).toBe(false);
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(document.activeElement).toBe($('li.finding.shortfall button.finding-main'));
    button.click();
    await settle();
    $('#sheet-back').click();
    expect(document.activeElement).toBe($('li.finding.shortfall button.finding-main'));
  });

  it('writes figures with their units on one line and counts with vi-VN separators', async () => {
    startPreview(document, 'vi');
    await loaded(sample('tong-hop-cum-2025.xlsx'));
    const figures = $$('li.finding .figure').map((f) => f.textContent ?? '');
    expect(figures.some((f) => f.includes('\u00a0%'))).toBe(true);
    for (const f of figures) expect(f).not.toMatch(/\d %|[≥≤] \d/); // never an ordinary space there
    for (const r of $$('p.reason')) expect(r.textContent).not.toMatch(/\d %/);
    expect(text('#status')).toMatch(/\d chưa đạt/);
  });

  it('offers a sample workbook and the help page', () => {
    startPreview(document, 'vi');
    expect(text('#try-sample')).toBe('Dùng thử sổ mẫu');
    expect($('#help-link').getAttribute('href')).toBe('help.html');
    expect(text('#help-link')).toBe('Hướng dẫn sử dụng');
  });

  it('adds the next page with "Show more", keeping the lines drawn and the focus on the first new one', async () => {
    startPreview(document, 'vi');
    await loaded(await nationalFile(20));
    const before = $$('li.finding');
    expect(before.length).toBe(100);
    $('button.more').click();
    const after = $$('li.finding');
    expect(after.length).toBe(200);
    expect(after.slice(0, 100)).toEqual(before); // the same elements, not drawn again
    expect(document.activeElement).toBe(after[100].querySelector('button.finding-main'));
    // Each unit's lines are listed once, under one heading, across the pages.
    const units = $$('section.unit h3').map((h) => h.textContent);
    expect(new Set(units).size).toBe(units.length);
  });

  it('draws a window of the columns as of the rows, and reaches every column by "Next columns" or by going to a cell', async () => {
    startPreview(document, 'en');
    await loaded(await nationalFile(3));
    const headers = () => $$('#sheet-grid thead th:not(.corner)').map((th) => th.textContent);
    const columnsPrevious = $<HTMLButtonElement>('#columns-previous');
    const columnsNext = $<HTMLButtonElement>('#columns-next');
    expect(headers()).toEqual('ABCDEFGHIJKLMNOP'.split(''));
    expect(columnsPrevious.hidden || columnsNext.hidden).toBe(false);
    expect(columnsPrevious.disabled).toBe(true);
    expect(text('#sheet-window-text')).toMatch(/^Rows 1–\d+ of \d+, columns A–P of 41\.$/);
    // Page by page to the last column: each once, in order, and none drawn twice.
    const seen = [...headers()];
    while (!columnsNext.disabled) {
      columnsNext.click();
      seen.push(...headers());
      expect(headers().length).toBeLessThanOrEqual(16);
    }
    expect(seen.length).toBe(41);
    expect(seen.at(-1)).toBe('AO');
    expect(new Set(seen).size).toBe(seen.length);
    expect(text('#sheet-window-text')).toMatch(/, columns AG–AO of 41\.$/);
    // Back to the first columns, then to a finding's cell in the second page of them (traffic deaths are in column V).
    while (!columnsPrevious.disabled) columnsPrevious.click();
    expect(headers()[0]).toBe('A');
    $('li.finding.shortfall[data-rule="traffic-deaths-down-10pct"] button.finding-main').click();
    await settle();
    expect(document.activeElement?.getAttribute('data-cell')).toMatch(/^V\d+$/);
    expect(headers()[0]).toBe('Q');
    expect(document.activeElement?.classList.contains('mark')).toBe(true);
  });

  it('switches the sheet’s numbers and reasons to the other language in place', async () => {
    startPreview(document, 'vi');
    await loaded(sample('tong-hop-cum-2025.xlsx'));
    const marked = $('td[data-mark]');
    const number = $$('#sheet-grid td.number').find((td) => /\d\.\d{3}|,\d/.test(td.textContent ?? ''))!;
    const viTitle = marked.title;
    const viNumber = number.textContent!;
    $('#language').click();
    await settle();
    expect($('td[data-mark]')).toBe(marked); // the cell stayed, its words changed
    expect(marked.title).not.toBe(viTitle);
    expect(marked.title).toMatch(/[A-Za-z]{3,}/);
    expect(document.getElementById(marked.getAttribute('aria-describedby')!)!.textContent).toBe(marked.title);
    expect(number.textContent).toBe(viNumber.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')));
    expect(text('#sheet-window-text')).toMatch(/^Rows 1–/);
  });
});

/** The bench's national layout, small: enough units for several pages of findings. */
async function nationalFile(units: number): Promise<File> {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-preview-pages-'));
  try {
    const file = join(dir, 'toan-quoc.xlsx');
    await writeNationalWorkbook(file, units);
    return new File([readFileSync(file)], 'toan-quoc.xlsx');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
