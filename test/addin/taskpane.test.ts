/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node's export conditions: the core's dependencies then load as CommonJS, as under the CLI's tests.
import { readFileSync } from 'fs';
import { join } from 'path';
import { checkRulePack } from '../../src/packs/checkRulePack';
import { problemLines } from '../../src/authoring/lintReport';
import { PACK_SETTING } from '../../addin/excel/packSetting';
import { boot } from '../../addin/taskpane/boot';
import { Pane } from '../../addin/taskpane/pane';
import { FakeExcel } from './fakeExcel/fakeExcel';
import { FakeWorkbook } from './fakeExcel/fakeWorkbook';
import { FakeSettings, fakeFor, gridOf, installExcel, installOffice, workbookFiles } from './helpers';
import { $, $$, choose, loadPaneMarkup, pickFile, text, until } from './paneDom';
import { PROJECT_ROOT } from '../helpers/paths';

/**
 * The task pane inside Excel, driven through its DOM as a person would, with Office.js from
 * office-addin-mock and the workbook in the recording fake Excel.
 */

const CLUSTER = workbookFiles().find((f) => f.name === 'tong-hop-cum-2025.xlsx')!.path;

interface Opened {
  pane: Pane;
  state: FakeWorkbook;
  settings: FakeSettings;
  excels: FakeExcel[];
}

async function openPane(opts: { file?: string; lang?: string; settings?: FakeSettings; officeTheme?: Record<string, string> } = {}): Promise<Opened> {
  loadPaneMarkup();
  const state = fakeFor(gridOf(opts.file ?? CLUSTER));
  const { settings } = installOffice({ notes: true, comments: true }, opts.lang ?? 'vi-VN', { settings: opts.settings, officeTheme: opts.officeTheme });
  const excels: FakeExcel[] = [];
  installExcel(() => {
    const fake = new FakeExcel(state);
    excels.push(fake);
    return fake;
  });
  const pane = await boot(document);
  if (!pane) throw new Error('the pane did not start in Excel mode');
  return { pane, state, settings, excels };
}

async function check(): Promise<void> {
  $('#check').click();
  await until(() => !$('#results').hidden && !$<HTMLButtonElement>('#check').disabled, 'the findings');
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
});

describe('the task pane in Excel', () => {
  it('starts in Excel mode in Office’s language, with the default pack, Check and Clear', async () => {
    await openPane();
    expect($('#app').getAttribute('data-mode')).toBe('excel');
    expect(document.documentElement.lang).toBe('vi');
    expect(text('#check')).toBe('Kiểm tra');
    expect($('#clear').hidden).toBe(false);
    expect($('#drop-section').hidden).toBe(true);
    expect($<HTMLSelectElement>('#pack').value).toBe('builtin:default');
    expect(text('#pack-info')).toMatch(/^default · 7 chỉ tiêu · phiên bản 1\.0\.0$/);
    expect($<HTMLButtonElement>('#check').disabled).toBe(false);
  });

  it('Check lists the findings by unit with status chips, actual vs target and gap, and a summary per unit', async () => {
    const { state } = await openPane();
    await check();
    const units = $$('#units section.unit h3').map((h) => h.textContent);
    expect(units).toEqual(['Công an tỉnh Thanh Hóa', 'Công an tỉnh Nghệ An', 'Công an tỉnh Hà Tĩnh', 'Công an tỉnh Quảng Trị', 'Công an thành phố Huế']);
    const short = $('li.finding.shortfall');
    expect(short.querySelector('.chip')!.textContent).toBe('Chưa đạt');
    expect(short.querySelector('.figures')!.textContent).toMatch(
      /^Thực hiện \S+\u00a0%.* · Chỉ tiêu [≥≤]\u00a0\d+\u00a0% · Còn thiếu \d+(,\d+)?\u00a0điểm\u00a0%$/,
    ); // numbers keep their units on the line;
    expect(short.querySelector('button.finding-main')!.getAttribute('aria-describedby')).toBe(short.querySelector('p.reason')!.id);
    // Summary: one row per unit plus the total, counts matching the list.
    const rows = $$('table.summary tbody tr').map((r) => [...r.querySelectorAll('td')].map((td) => Number(td.textContent)));
    expect(rows).toHaveLength(5);
    const total = [...$('table.summary tfoot tr').querySelectorAll('td')].map((td) => Number(td.textContent));
    expect(total).toEqual([$$('li.finding.shortfall').length, $$('li.finding.no-data').length, $$('li.finding.met').length]);
    expect(text('#status')).toMatch(/^Đã kiểm tra 1 bảng chỉ tiêu: \d+ chưa đạt/);
    // The workbook got its highlights.
    expect(state.reasons.length).toBeGreaterThan(0);
  });

  it('clicking a finding (or its button, as Enter and Space do) selects its cell in the sheet', async () => {
    const { excels } = await openPane();
    await check();
    const item = $('li.finding.shortfall');
    const cell = item.querySelector('.cell-ref [data-source]')!.textContent!; // "Sheet!A1"
    const [sheet, a1] = cell.split('!');
    const runsBefore = excels.length;
    item.querySelector('p.reason')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await until(() => excels.length > runsBefore && excels[excels.length - 1].syncs > 0, 'the selection');
    const selected = excels[excels.length - 1].log;
    expect(selected.map((c) => `${c.name}:${JSON.stringify(c.args ?? '')}`)).toEqual([`getItem:"${sheet}"`, 'activate:""', `getRange:"${a1}"`, 'select:""']);

    const again = excels.length;
    (item.querySelector('button.finding-main') as HTMLButtonElement).click();
    await until(() => excels.length > again, 'the second selection');
    expect(excels[excels.length - 1].log.some((c) => c.name === 'select')).toBe(true);
  });

  it('a no-data finding selects the empty cell that was highlighted', async () => {
    const { excels } = await openPane();
    await check();
    const item = $('li.finding.no-data');
    const cell = item.querySelector('.cell-ref [data-source]')!.textContent!;
    const n = excels.length;
    item.click();
    await until(() => excels.length > n, 'the selection');
    expect(excels[excels.length - 1].log.find((c) => c.name === 'getRange')!.args).toBe(cell.split('!')[1]);
  });

  it('Clear puts the workbook back and empties the list', async () => {
    const { state } = await openPane();
    const before = state.snapshot();
    await check();
    expect(state.snapshot()).not.toEqual(before);
    $('#clear').click();
    await until(() => $('#results').hidden && !$<HTMLButtonElement>('#clear').disabled, 'the clear');
    expect(state.snapshot()).toEqual(before);
    expect(text('#status')).toMatch(/^Đã trả lại định dạng ban đầu cho \d+ ô/);
    expect($('#summary').hidden).toBe(true);
  });

  it('filters by status and by unit, keeping the keyboard focus on the control used', async () => {
    await openPane();
    await check();
    const all = $$('li.finding').length;
    const met = $('button.toggle.met');
    met.focus();
    met.click();
    expect($$('li.finding.met')).toHaveLength(0);
    expect($$('li.finding')).toHaveLength(all - Number(met.querySelector('.count')!.textContent));
    expect($('button.toggle.met').getAttribute('aria-pressed')).toBe('false');
    expect(document.activeElement).toBe($('button.toggle.met')); // redrawn, focus kept

    choose('#unit-filter', 'Công an tỉnh Nghệ An');
    expect($$('#units section.unit h3').map((h) => h.textContent)).toEqual(['Công an tỉnh Nghệ An']);
    expect($$('li.finding').every((li) => li.getAttribute('data-unit') === 'Công an tỉnh Nghệ An')).toBe(true);

    $('button.toggle.shortfall').click();
    $('button.toggle.no-data').click();
    expect(text('#units')).toBe('Không có kết quả nào khớp bộ lọc.');
    choose('#unit-filter', '');
    $('button.toggle.met').click();
    expect($$('li.finding.met').length).toBeGreaterThan(0);
  });

  it('shows the steps of a long read in a progress bar while Excel works', async () => {
    const { excels } = await openPane();
    const seen: string[] = [];
    // Look at the pane each time the add-in talks to Excel.
    const watch = (fake: FakeExcel) => {
      const sync = fake.sync.bind(fake);
      fake.sync = async () => {
        if (!$('#progress').hidden) seen.push(text('#progress-label'));
        return sync();
      };
    };
    const install = installExcel(() => {
      const fake = new FakeExcel(fakeFor(gridOf(CLUSTER)));
      watch(fake);
      excels.push(fake);
      return fake;
    });
    void install;
    await check();
    expect(seen[0]).toBe('Bước 1/5 · Đọc danh sách trang và bảng');
    expect(seen).toContain('Bước 2/5 · Tìm vùng có dữ liệu');
    expect(seen.some((s) => /^Bước 3\/5 · Đọc các ô · [\d.]+ ô trên \d+ trang$/.test(s))).toBe(true);
    expect(seen.some((s) => s.startsWith('Bước 5/5 · Tô màu'))).toBe(true);
    expect($('#progress').hidden).toBe(true);
  });

  it('speaks English when Office does, switches language in place, and writes numbers the reader’s way', async () => {
    await openPane({ lang: 'en-GB' });
    expect(document.documentElement.lang).toBe('en');
    await check();
    expect(text('#check')).toBe('Check targets');
    const en = $$('li.finding .figure').map((f) => f.textContent!);
    expect(en.some((f) => /^-?\d+\.\d+\u00a0%$/.test(f))).toBe(true);
    const focusKey = $('li.finding button.finding-main').getAttribute('data-focus-key');
    ($('li.finding button.finding-main') as HTMLButtonElement).focus();

    $('#language').click();
    expect(document.documentElement.lang).toBe('vi');
    expect(text('#check')).toBe('Kiểm tra');
    expect(text('#language')).toBe('English');
    expect($('#language').getAttribute('aria-label')).toBe('Chuyển sang tiếng Anh');
    const vi = $$('li.finding .figure').map((f) => f.textContent!);
    expect(vi.some((f) => /^-?\d+,\d+\u00a0%$/.test(f))).toBe(true); // 93,1 %
    expect(vi.some((f) => /\d\.\d+ %$/.test(f))).toBe(false);
    expect($$('li.finding .chip').map((c) => c.textContent)).toContain('Đạt');
    expect(document.activeElement?.getAttribute('data-focus-key')).toBe(focusKey);
  });

  it('follows Office’s theme colours, dark included', async () => {
    await openPane({
      officeTheme: { bodyBackgroundColor: '#262626', bodyForegroundColor: '#F3F3F3', controlBackgroundColor: '#333333', controlForegroundColor: '#FFFFFF' },
    });
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    expect(document.documentElement.style.getPropertyValue('--colorNeutralBackground1')).toBe('#262626');
  });
});

describe('the rule pack chooser', () => {
  it('remembers the chosen pack in the workbook, and the next pane (and the ribbon) use it', async () => {
    const { settings } = await openPane();
    expect($$<HTMLOptionElement>('#pack option').map((o) => o.value)).toEqual([
      'builtin:default',
      'builtin:cum-1-2020',
      'builtin:cum-5-2020',
      'builtin:cum-6-2024',
    ]);
    choose('#pack', 'builtin:cum-5-2020');
    await until(() => settings.saves > 0, 'the save');
    expect(settings.saved.get(PACK_SETTING)).toEqual({ kind: 'builtin', id: 'cum-5-2020' });
    expect(text('#pack-info')).toMatch(/^cum-5-2020 · \d+ chỉ tiêu/);

    // The workbook is opened again: the pane starts with the remembered pack.
    await openPane({ settings: new FakeSettings(settings.saved) });
    expect($<HTMLSelectElement>('#pack').value).toBe('builtin:cum-5-2020');
    await check();
    expect($$('li.finding').some((li) => li.getAttribute('data-rule') === 'fires-explosions-not-up')).toBe(true);
  });

  it('opens a .json pack from disk, checks with it, and stores its text with the choice', async () => {
    const { settings } = await openPane();
    const packText = JSON.stringify({
      extends: 'default',
      id: 'cum-thu',
      version: '1.0.0',
      title: { vi: 'Cụm thử', en: 'Test cluster' },
      override: { 'cases-cleared-80pct': { threshold: 99 } },
    });
    pickFile('#pack-file', new File([packText], 'cum-thu.json', { type: 'application/json' }));
    await until(() => settings.saves > 0, 'the save');
    expect($<HTMLSelectElement>('#pack').value).toBe('file:cum-thu.json');
    expect(text('#pack-info')).toMatch(/^cum-thu · 7 chỉ tiêu/);
    expect(settings.saved.get(PACK_SETTING)).toEqual({ kind: 'file', name: 'cum-thu.json', text: packText });
    await check();
    const cleared = $$('li.finding[data-rule="cases-cleared-80pct"]');
    expect(cleared.length).toBeGreaterThan(0);
    for (const li of cleared) expect(li.querySelector('.figures')!.textContent).toMatch(/Chỉ tiêu ≥\u00a099\u00a0%/);
  });

  it('refuses a broken pack with the same lines as pledge-check lint and keeps the current one', async () => {
    const { settings } = await openPane();
    const broken = readFileSync(join(PROJECT_ROOT, 'rules/default.json'), 'utf8')
      .replace('"greaterThanInclusive"', '"atLeast"')
      .replace('"version": "1.0.0"', '"version": "1.0"');
    pickFile('#pack-file', new File([broken], 'hong.json'));
    await until(() => $$('#pack-problems li').length > 0, 'the problems');
    const expected = problemLines(checkRulePack(broken, 'hong.json').problems, 'vi');
    expect($$('#pack-problems li').map((li) => li.textContent)).toEqual(expected);
    expect(expected.some((l) => /toán tử "atLeast" không có/.test(l))).toBe(true);
    expect($<HTMLSelectElement>('#pack').value).toBe('builtin:default');
    expect(settings.saves).toBe(0);
  });

  it('a pack stored in the workbook that no longer passes the checks is not used: default pack, a warning, its problems', async () => {
    const stored = new FakeSettings(new Map([[PACK_SETTING, { kind: 'file', name: 'old.json', text: '{ "id": "x" ' }]]));
    await openPane({ settings: stored });
    expect($<HTMLSelectElement>('#pack').value).toBe('builtin:default');
    expect(text('#status')).toMatch(/Bộ quy tắc đã lưu trong sổ không dùng được nữa/);
    expect(text('#pack-problems')).toMatch(/old\.json:1:\d+/);
  });

  it('says so when the workbook cannot store the choice (read-only), and still uses the pack', async () => {
    const settings = new FakeSettings();
    settings.failSaves = true;
    await openPane({ settings });
    choose('#pack', 'builtin:cum-1-2020');
    await until(() => /Không lưu được lựa chọn/.test(text('#status')), 'the warning');
    expect(text('#pack-info')).toMatch(/^cum-1-2020/);
  });
});
