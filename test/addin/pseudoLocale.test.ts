/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { boot } from '../../addin/taskpane/boot';
import { startPreview } from '../../addin/preview/startPreview';
import { FakeExcel } from './fakeExcel/fakeExcel';
import { workbookState } from './bindingsWorkbook';
import { fakeFor, gridOf, installExcel, installOffice, workbookFiles } from './helpers';
import { $, $$, loadPaneMarkup, pickFile, until } from './paneDom';
import { PROJECT_ROOT } from '../helpers/paths';
import { Lang, Localized } from '../../src/words/lang';

/**
 * Pseudo-localisation, as script-lab does it: every translated text is drawn as ⟦text⟧. Then every
 * word on screen and in the accessible names must sit inside those brackets or come from the
 * data (marked data-source: unit names, figures, cells, the pack's own titles). A text typed
 * straight into the markup or the render code shows up here as bare words.
 */
jest.mock('../../addin/taskpane/say', () => {
  const actual = jest.requireActual<typeof import('../../addin/taskpane/say')>('../../addin/taskpane/say');
  return { ...actual, say: (text: Localized, lang: Lang) => `⟦${text[lang]}⟧` };
});

const WORDS = /\p{L}/u;

/** Words that are neither translated nor data. */
function untranslated(root: Element): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.textContent ?? '';
    const el = n.parentElement!;
    if (!WORDS.test(t) || t.includes('⟦') || el.closest('[data-source], [hidden], script, style, svg')) continue;
    out.push(`text "${t.trim()}" in <${el.tagName.toLowerCase()} id="${el.id}" class="${el.className}">`);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder]')) {
    if (el.closest('[hidden]') || el.hasAttribute('data-mark')) continue; // a marked cell's title is the cell's reason (data)
    for (const a of ['aria-label', 'title', 'placeholder']) {
      const v = el.getAttribute(a);
      if (v && WORDS.test(v) && !v.includes('⟦')) out.push(`${a} "${v}" on <${el.tagName.toLowerCase()} id="${el.id}">`);
    }
  }
  return out;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
});

describe.each(['vi', 'en'] as const)('pseudo-localised pane (%s)', (lang) => {
  it('in Excel: every text after a check, with a refused pack, filters and a progress bar, is translated', async () => {
    loadPaneMarkup();
    localStorage.clear(); // the reviewer's name is asked
    const state = fakeFor(gridOf(workbookFiles().find((f) => f.name === 'tong-hop-cum-2025.xlsx')!.path));
    installOffice({ notes: true, comments: true }, lang === 'vi' ? 'vi-VN' : 'en-US');
    installExcel(() => new FakeExcel(state));
    await boot(document);
    $('#check').click();
    await until(() => !$('#results').hidden && !$<HTMLButtonElement>('#check').disabled, 'the findings');
    pickFile('#pack-file', new File(['{ "id": 1 }'], 'bad.json'));
    await until(() => $$('#pack-problems li').length > 0, 'the refusal');
    $('button.toggle.met').click();
    expect(document.title).toMatch(/^⟦/);
    expect(untranslated(document.body)).toEqual([]);
    // A review: the form with its name field and an error, then the stored review on the finding.
    $('li.finding.shortfall button.review-open').click();
    $<HTMLFormElement>('form.review-form').requestSubmit();
    expect(untranslated(document.body)).toEqual([]);
    const radio = $<HTMLInputElement>('form.review-form input[value="accepted"]');
    radio.checked = true;
    radio.dispatchEvent(new Event('change', { bubbles: true }));
    const name = $<HTMLInputElement>('form.review-form input.review-name');
    name.value = 'Nguyễn Văn A';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    $<HTMLFormElement>('form.review-form').requestSubmit();
    await until(() => $$('.review-state').length > 0 && !$<HTMLButtonElement>('#check').disabled, 'the review');
    $('li.finding.shortfall button.review-open').click();
    expect(untranslated(document.body)).toEqual([]);
    // The progress bar too, drawn mid-action.
    const progress = $('#progress');
    progress.hidden = false;
    const { renderProgress } = await import('../../addin/taskpane/renderProgress');
    renderProgress(progress, { step: 3, of: 5, label: { vi: 'a', en: 'a' }, detail: { vi: 'b', en: 'b' } }, lang);
    expect(untranslated(progress)).toEqual([]);
  });

  it('in Excel: "Point to the figure", open on a finding and on a target with a choice of indicators, is translated', async () => {
    loadPaneMarkup();
    const state = workbookState(); // an indicator twice, and targets the workbook seems not to have
    installOffice({ notes: true, comments: true }, lang === 'vi' ? 'vi-VN' : 'en-US');
    installExcel(() => new FakeExcel(state));
    await boot(document);
    $('#check').click();
    await until(() => !$('#results').hidden && !$<HTMLButtonElement>('#check').disabled, 'the findings');
    expect($$('button.point-open').length).toBeGreaterThan(1);
    expect(untranslated(document.body)).toEqual([]);
    $('li.finding.no-data button.point-open').click();
    expect($$('.point-panel')).toHaveLength(1);
    expect(untranslated(document.body)).toEqual([]);
    $('#targets-table tr[data-rule="crime-reports-resolved-90pct"] button.point-open').click();
    expect($$('.point-panel select')).toHaveLength(1);
    expect(untranslated(document.body)).toEqual([]);
  });

  it('in a plain browser: the preview with a workbook, its sheet and marks, is translated', async () => {
    loadPaneMarkup();
    startPreview(document, lang);
    const path = join(PROJECT_ROOT, 'samples/bao-cao-ninh-binh-2025.xlsx');
    pickFile('#file-input', new File([readFileSync(path)], 'bao-cao-ninh-binh-2025.xlsx'));
    await until(() => !$('#results').hidden && !$('#sheet-view').hidden, 'the preview', 20_000);
    expect($$('td[data-mark]').length).toBeGreaterThan(0);
    expect(untranslated(document.body)).toEqual([]);
  });
});
