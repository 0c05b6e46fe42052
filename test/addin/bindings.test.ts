/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { BINDINGS_NAMESPACE, bindingsFromXml, bindingsToXml, BindingsFormatError } from '../../src/bindings/bindingsXml';
import { BindingError } from '../../src/bindings/resolveBinding';
import { bindSelectedCell, cellOf } from '../../addin/excel/bindSelectedCell';
import { BindingStore, readBindings } from '../../addin/excel/bindingStore';
import { checkSummary, excelProblem, outcomeVerdict } from '../../addin/messages';
import { Finding } from '../../src/evaluate/finding';
import { startPreview } from '../../addin/preview/startPreview';
import { boot } from '../../addin/taskpane/boot';
import { xlsxPackage } from '../badInput/corpus';
import { sheet, workbook } from '../helpers/grid';
import { bindingParts, checker, checkIn, finding, OWN, PC02, ROWS, RULE, select, SHEET, workbookState } from './bindingsWorkbook';
import { FakeExcel } from './fakeExcel/fakeExcel';
import { FakeWorkbook } from './fakeExcel/fakeWorkbook';
import { fakeFor, gridOf, installExcel, installOffice, workbookFiles } from './helpers';
import { $, $$, loadPaneMarkup, pickFile, text, until } from './paneDom';

/**
 * "Point to the figure": a unit's report lists the criminal offences twice (its own count and the
 * investigation department's), so the reader cannot tell which figure counts and the targets
 * reading it have no data. The person points at one figure; the binding is stored in the
 * workbook's bindings part, honoured by every later check, by the reopened file and by the CLI.
 */

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
});

describe('the bindings part in Excel', () => {
  it('the indicator twice is no data; pointing at one figure stores a binding by label, and the next check uses that figure', async () => {
    const state = workbookState();
    const first = await checkIn(state);
    expect(finding(first.outcome.findings)).toMatchObject({
      status: 'no-data',
      noData: { kind: 'duplicate', indicator: 'criminal-cases', cells: ['E7', 'E8'] },
    });
    expect(first.outcome.bindings).toEqual([]);

    select(state, 'E8');
    const before = state.snapshot();
    const foreign = state.xmlParts.map((p) => ({ ...p })).filter((p) => !p.xml.includes(BINDINGS_NAMESPACE));
    const fake = new FakeExcel(state);
    const { binding, stored } = await bindSelectedCell(fake.context, checker(), 'criminal-cases');
    expect(binding).toEqual({ kind: 'indicator', sheet: SHEET, label: PC02, indicator: 'criminal-cases', cell: 'E8' });
    expect(stored).toEqual([binding]);
    // The read's three syncs (the selection and the part ride on them) and the write; no cell, no fill, no note changed.
    expect(fake.syncs).toBe(4);
    expect(fake.violations).toEqual([]);
    expect(state.snapshot()).toEqual(before);
    expect(
      fake.log.filter((c) => c.op !== 'load' && /^customXmlPart/.test(c.target) && c.name !== 'getXml' && c.name !== 'getByNamespace').map((c) => c.name),
    ).toEqual(['add']);
    // Other parts byte for byte; one bindings part, the core's XML.
    expect(state.xmlParts.filter((p) => !p.xml.includes(BINDINGS_NAMESPACE))).toEqual(foreign);
    expect(bindingParts(state)).toHaveLength(1);
    expect(bindingsFromXml(bindingParts(state)[0].xml)).toEqual([binding]);

    const again = await checkIn(state);
    expect(again.outcome.bindings).toEqual([binding]);
    expect(finding(again.outcome.findings)).toMatchObject({ status: 'shortfall', actual: -1 });
    expect(
      finding(again.outcome.findings)
        .inputs.map((i) => i.cell)
        .sort(),
    ).toEqual(['D8', 'E8']);
    expect(finding(again.outcome.findings, 'cases-cleared-80pct').status).not.toBe('no-data');
  });

  it('pointing at the other figure replaces the binding; the reopened workbook still honours it; inserted rows do not break it', async () => {
    const state = workbookState();
    select(state, 'E8');
    await bindSelectedCell(new FakeExcel(state).context, checker(), 'criminal-cases');
    // The row label is as good as the figure.
    select(state, 'B7');
    const { binding, stored } = await bindSelectedCell(new FakeExcel(state).context, checker(), 'criminal-cases');
    expect(binding).toMatchObject({ label: OWN, indicator: 'criminal-cases', cell: 'B7' });
    // Keyed by label: a second label for the same indicator is a second binding; the part stays one.
    expect(stored.map((b) => b.label).sort()).toEqual([OWN, PC02].sort());
    expect(bindingParts(state)).toHaveLength(1);

    // Only the own count bound: remove the PC02 one by storing the list without it.
    const only = stored.filter((b) => b.label === OWN);
    const fake = new FakeExcel(state);
    const store = BindingStore.queueFind(fake.context);
    await fake.context.sync();
    store.queueRead();
    await fake.context.sync();
    store.queueWrite(only);
    await fake.context.sync();

    const reopened = state.reopened();
    // Someone inserts two rows above the table: addresses move, labels do not.
    for (const s of reopened.sheets) {
      const moved = new Map(
        [...s.cells].map(([k, v]) => {
          const [r, c] = k.split(',').map(Number);
          return [`${r >= 3 ? r + 2 : r},${c}`, v] as const;
        }),
      );
      s.cells.clear();
      for (const [k, v] of moved) s.cells.set(k, v);
    }
    const { outcome } = await checkIn(reopened);
    expect(finding(outcome.findings)).toMatchObject({ status: 'met', actual: -6 });
    expect(
      finding(outcome.findings)
        .inputs.map((i) => i.cell)
        .sort(),
    ).toEqual(['D9', 'E9']);
    expect(await readBindings(new FakeExcel(reopened).context)).toEqual(only);
  });

  it('a check reads the bindings on its own syncs: six, with or without a bindings part', async () => {
    const sample = workbookFiles().find((f) => f.name === 'tong-hop-cum-2025.xlsx')!.path;
    const plain = await checkIn(fakeFor(gridOf(sample)));
    expect(plain.fake.syncs).toBe(6);
    expect(plain.fake.log.some((c) => c.name === 'getByNamespace' && c.args === BINDINGS_NAMESPACE && c.sync === 1)).toBe(true);

    const bound = workbookState();
    bound.xmlParts.push({ id: 'xml-b', xml: bindingsToXml([{ kind: 'indicator', sheet: SHEET, label: PC02, indicator: 'criminal-cases' }]) });
    const withPart = await checkIn(bound);
    expect(withPart.fake.syncs).toBe(6);
    expect(withPart.fake.log.some((c) => c.name === 'getXml' && c.target === 'customXmlPart' && c.sync === 2)).toBe(true);
    expect(finding(withPart.outcome.findings).status).toBe('shortfall');
  });

  it('a period column: "this column is the current period" is stored as a period binding by its heading', async () => {
    const state = workbookState();
    select(state, 'E9');
    const { binding } = await bindSelectedCell(new FakeExcel(state).context, checker(), 'current');
    expect(binding).toEqual({ kind: 'period', sheet: SHEET, label: 'Năm 2024', period: 'current', cell: 'E9' });
    const { outcome } = await checkIn(state);
    expect(outcome.findings.length).toBeGreaterThan(0);
  });

  it('a cell that names nothing is refused in one sentence, and nothing is stored', async () => {
    const state = workbookState();
    state.activeCell = { sheet: SHEET, row: 40, col: 10 };
    const refusal = bindSelectedCell(new FakeExcel(state).context, checker(), 'criminal-cases');
    await expect(refusal).rejects.toBeInstanceOf(BindingError);
    const e = await refusal.catch((x: unknown) => x);
    expect(excelProblem(e)).toEqual({
      vi: expect.stringMatching(/^Không chỉ được ô số liệu: không tìm thấy nhãn dòng hay tiêu đề cột cho ô Báo cáo!K41; .*\.$/),
      en: expect.stringMatching(/^The figure could not be pointed to: found no row label/),
    });
    expect(bindingParts(state)).toHaveLength(0);
  });

  it('a damaged bindings part: the check runs on labels with a warning; pointing refuses to overwrite it', async () => {
    const state = workbookState();
    const damaged = `<bindings xmlns="${BINDINGS_NAMESPACE}"><binding sheet="x"`;
    state.xmlParts.push({ id: 'xml-damaged', xml: damaged });
    const { outcome } = await checkIn(state);
    expect(outcome.bindingsUnreadable).toBeInstanceOf(BindingsFormatError);
    expect(finding(outcome.findings).noData?.kind).toBe('duplicate');
    select(state, 'E8');
    const e = await bindSelectedCell(new FakeExcel(state).context, checker(), 'criminal-cases').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BindingsFormatError);
    expect(excelProblem(e).vi).toMatch(/^Không lưu được chỉ ô số liệu vì phần chỉ ô số liệu không phải XML hợp lệ .*không ghi đè/);
    expect(state.xmlParts.find((p) => p.id === 'xml-damaged')!.xml).toBe(damaged);
  });

  it('reads the cell of an address Excel gives, quoted sheet names and all', () => {
    expect(cellOf("'Biểu 01 (Cụm!)'!$E$8")).toBe('E8');
    expect(cellOf('Sheet1!B12')).toBe('B12');
    expect(cellOf('Sheet1!B12:C14')).toBe('B12');
  });
});

describe('the summary says whether the pledge is met: no data is not met', () => {
  it('lists the counts, then "not every target is met" when a target has no data', async () => {
    const { outcome } = await checkIn(workbookState());
    expect(outcome.findings.some((f) => f.status === 'no-data')).toBe(true);
    expect(outcome.findings.some((f) => f.status === 'shortfall')).toBe(false);
    const s = checkSummary(outcome);
    expect(s.vi).toMatch(/: 0 chưa đạt, 2 không có số liệu, \d+ đạt\. Chưa đạt toàn bộ chỉ tiêu: chỉ tiêu không có số liệu cũng là chưa đạt\. Đã tô màu/);
    expect(s.en).toMatch(/: 0 shortfall, 2 no data, \d+ met\. Not every target is met: a target without data has not been met\./);
  });

  it('only a required target decides: a soft target (warning) without data neither fails the pledge nor is named', () => {
    const f = (severity: Finding['severity'], status: Finding['status']) => ({ severity, status }) as Finding;
    expect(outcomeVerdict({ findings: [] })).toBeUndefined();
    expect(outcomeVerdict({ findings: [f('shortfall', 'met'), f('warning', 'no-data')] })?.vi).toBe('Mọi chỉ tiêu bắt buộc đều đạt.');
    expect(outcomeVerdict({ findings: [f('shortfall', 'shortfall'), f('warning', 'no-data')] })).toEqual({
      vi: 'Chưa đạt toàn bộ chỉ tiêu.',
      en: 'Not every target is met.',
    });
    expect(outcomeVerdict({ findings: [f('shortfall', 'met'), f('shortfall', 'no-data')] })?.en).toBe(
      'Not every target is met: a target without data has not been met.',
    );
  });

  it('says every required target is met only when each one is', async () => {
    const state = workbookState();
    state.xmlParts.push({ id: 'xml-b', xml: bindingsToXml([{ kind: 'indicator', sheet: SHEET, label: OWN, indicator: 'criminal-cases' }]) });
    const { outcome } = await checkIn(state);
    expect(outcome.findings.every((f) => f.status === 'met')).toBe(true);
    expect(checkSummary(outcome).vi).toMatch(/Mọi chỉ tiêu bắt buộc đều đạt\./);
  });
});

// --- the pane -------------------------------------------------------------------------------

async function openPane(state: FakeWorkbook, lang = 'vi-VN'): Promise<FakeExcel[]> {
  loadPaneMarkup();
  installOffice({ notes: true, comments: true }, lang);
  const excels: FakeExcel[] = [];
  installExcel(() => {
    const fake = new FakeExcel(state);
    excels.push(fake);
    return fake;
  });
  if (!(await boot(document))) throw new Error('the pane did not start in Excel mode');
  return excels;
}

async function check(): Promise<void> {
  $('#check').click();
  await until(() => !$('#results').hidden && !$<HTMLButtonElement>('#check').disabled, 'the findings');
}

const item = (rule = RULE) => $(`li.finding[data-rule="${rule}"]`);

describe('"Point to the figure" in the pane', () => {
  it('on a finding whose indicator appears twice: select the figure, Use selected cell, stored and checked again', async () => {
    const state = workbookState();
    const excels = await openPane(state);
    await check();
    expect(item().classList.contains('no-data')).toBe(true);
    // Only where the figure could not be located: never on met findings.
    expect($$('li.finding.met button.point-open')).toHaveLength(0);
    const open = item().querySelector<HTMLButtonElement>('button.point-open')!;
    expect(open.textContent).toBe('Chỉ ô số liệu…');
    expect(open.getAttribute('aria-describedby')).toBe(item().querySelector('.finding-title')!.id);
    open.focus();
    open.click();

    const panel = item().querySelector('.point-panel')!;
    expect(panel.getAttribute('role')).toBe('group');
    expect(text(`#${panel.id} .point-prompt`)).toBe(
      'Chọn trên trang tính ô chứa số liệu "Số vụ phạm pháp hình sự" (hoặc nhãn dòng, tiêu đề cột của nó), rồi bấm Dùng ô đang chọn; Esc để hủy.',
    );
    expect(panel.querySelector('select')).toBeNull(); // a duplicate is about the indicator only
    const use = panel.querySelector<HTMLButtonElement>('button.point-use')!;
    expect(use.textContent).toBe('Dùng ô đang chọn');
    expect(document.activeElement).toBe(use);

    select(state, 'E8');
    const runs = excels.length;
    use.click();
    await until(() => /^Đã lưu vào sổ/.test(text('#status')) && !$<HTMLButtonElement>('#check').disabled, 'the binding and the check');
    expect(excels.length).toBe(runs + 2); // the binding, then the check
    expect(text('#status')).toMatch(
      /^Đã lưu vào sổ: "Số vụ phạm pháp hình sự \(số liệu của Phòng PC02\)" \(Báo cáo!E8\) là chỉ tiêu "Số vụ phạm pháp hình sự"\.\s*Đã kiểm tra 1 bảng chỉ tiêu: 1 chưa đạt/,
    );
    expect(bindingsFromXml(bindingParts(state)[0].xml)).toEqual([{ kind: 'indicator', sheet: SHEET, label: PC02, indicator: 'criminal-cases', cell: 'E8' }]);
    expect(item().classList.contains('shortfall')).toBe(true);
    expect(item().querySelector('button.point-open')).toBeNull();
    expect($$('.point-panel')).toHaveLength(0);
  });

  it('Escape and Cancel close it with nothing stored, focus back on its button; English when the pane is', async () => {
    const state = workbookState();
    await openPane(state, 'en-US');
    await check();
    item().querySelector<HTMLButtonElement>('button.point-open')!.click();
    expect(item().querySelector('button.point-open')).toBeNull();
    expect(text(`#${item().querySelector('.point-panel')!.id} .point-prompt`)).toMatch(
      /^Select the cell holding the figure for "Criminal offences" in the sheet .*Use selected cell; Esc cancels\.$/,
    );
    item()
      .querySelector('.point-panel')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(item().querySelector('.point-panel')).toBeNull();
    expect(document.activeElement).toBe(item().querySelector('button.point-open'));
    expect(document.activeElement!.textContent).toBe('Point to the figure…');

    item().querySelector<HTMLButtonElement>('button.point-open')!.click();
    item().querySelector<HTMLButtonElement>('button.point-cancel')!.click();
    expect(item().querySelector('.point-panel')).toBeNull();
    expect(bindingParts(state)).toHaveLength(0);
  });

  it('a refused cell: one sentence, the line stays open to try another cell', async () => {
    const state = workbookState();
    await openPane(state);
    await check();
    item().querySelector<HTMLButtonElement>('button.point-open')!.click();
    state.activeCell = { sheet: SHEET, row: 40, col: 10 };
    item().querySelector<HTMLButtonElement>('button.point-use')!.click();
    await until(() => /^Không chỉ được ô số liệu/.test(text('#status')) && !$<HTMLButtonElement>('#check').disabled, 'the refusal');
    expect(text('#status')).toMatch(
      /^Không chỉ được ô số liệu: không tìm thấy nhãn dòng hay tiêu đề cột cho ô Báo cáo!K41; hãy chỉ vào ô nhãn hoặc ô tiêu đề\.$/,
    );
    expect(item().querySelector('.point-panel')).not.toBeNull();
    expect(document.activeElement).toBe(item().querySelector('button.point-use'));
    expect(bindingParts(state)).toHaveLength(0);
    // Another cell, this time a figure: stored.
    select(state, 'E7');
    item().querySelector<HTMLButtonElement>('button.point-use')!.click();
    await until(() => /^Đã lưu vào sổ/.test(text('#status')) && !$<HTMLButtonElement>('#check').disabled, 'the binding');
    expect(item().classList.contains('met')).toBe(true);
  });

  it('when a period column was not identified, a select says what the selected cell is: the indicator, this period or the comparison period', async () => {
    // Units as rows: the deaths of this year are there, last year's sit under a heading nobody could read as a period.
    const grid = workbook(
      sheet(
        'Cụm',
        [
          ['Đơn vị', 'Số vụ PPHS năm 2019', 'Số vụ PPHS năm 2020', 'Số vụ PPHS đã khám phá năm 2020', 'Số người chết do TNGT năm 2020', 'Đối chiếu'],
          ['Công an tỉnh A', 100, 90, 80, 40, 50],
          ['Công an tỉnh B', 100, 99, 80, 45, 48],
        ],
        { tables: [{ name: 'T', ref: 'A1:F3' }] },
      ),
    );
    const state = fakeFor(grid);
    await openPane(state);
    await check();
    const deaths = () => $$('li.finding[data-rule="traffic-deaths-down-10pct"]')[0];
    expect(deaths().classList.contains('no-data')).toBe(true);
    deaths().querySelector<HTMLButtonElement>('button.point-open')!.click();
    const target = deaths().querySelector<HTMLSelectElement>('select.point-target')!;
    expect([...target.options].map((o) => [o.value, o.textContent])).toEqual([
      ['traffic-deaths', 'Chỉ tiêu "Số người chết do tai nạn giao thông"'],
      ['current', 'Cột số liệu kỳ này'],
      ['baseline', 'Cột số liệu cùng kỳ'],
    ]);
    expect(target.value).toBe('traffic-deaths');
    expect(document.querySelector(`label[for="${target.id}"]`)!.textContent).toBe('Ô đang chọn là');
    target.value = 'baseline';
    target.dispatchEvent(new Event('change', { bubbles: true }));
    // A redraw (another language) keeps the choice.
    $('#language').click();
    expect(deaths().querySelector<HTMLSelectElement>('select.point-target')!.value).toBe('baseline');
    $('#language').click();

    state.activeCell = { sheet: 'Cụm', row: 0, col: 5 };
    deaths().querySelector<HTMLButtonElement>('button.point-use')!.click();
    await until(() => /^Đã lưu vào sổ/.test(text('#status')) && !$<HTMLButtonElement>('#check').disabled, 'the binding');
    expect(text('#status')).toMatch(/^Đã lưu vào sổ: cột "Đối chiếu" \(Cụm!F1\) là cùng kỳ\./);
    expect(bindingsFromXml(bindingParts(state)[0].xml)).toEqual([{ kind: 'period', sheet: 'Cụm', label: 'Đối chiếu', period: 'baseline', cell: 'F1' }]);
  });

  it('on a target listed as not in the workbook: the targets table offers it, and the target is then evaluated', async () => {
    const state = workbookState();
    await openPane(state);
    await check();
    const row = (rule: string) => $(`#targets-table tr[data-rule="${rule}"]`);
    expect(row('no-wrongful-convictions').classList.contains('not-in-workbook')).toBe(true);
    expect($$('li.finding[data-rule="no-wrongful-convictions"]')).toHaveLength(0);
    // Targets that were evaluated have no such button.
    expect(row(RULE).querySelector('button.point-open')).toBeNull();
    const open = row('no-wrongful-convictions').querySelector<HTMLButtonElement>('button.point-open')!;
    expect(open.getAttribute('aria-describedby')).toBe(row('no-wrongful-convictions').querySelector('th')!.id);
    open.click();
    const panel = $('#targets-table tr.point-row[data-rule="no-wrongful-convictions"] .point-panel');
    expect(panel.getAttribute('aria-label')).toBe('Chỉ ô số liệu: Tuyệt đối không để xảy ra án oan');
    expect(text(`#${panel.id} .point-prompt`)).toMatch(/^Chọn trên trang tính ô chứa số liệu "Số vụ án oan"/);
    expect(panel.querySelector('select')).toBeNull(); // one indicator: nothing to choose
    expect(document.activeElement).toBe(panel.querySelector('button.point-use'));

    // A target reading two indicators: the select says which one the cell is.
    row('crime-reports-resolved-90pct').querySelector<HTMLButtonElement>('button.point-open')!.click();
    expect($$('.point-panel')).toHaveLength(1);
    const two = $('#targets-table tr.point-row[data-rule="crime-reports-resolved-90pct"]');
    expect([...two.querySelectorAll('select.point-target option')].map((o) => o.getAttribute('value'))).toEqual([
      'crime-reports-resolved',
      'crime-reports-received',
    ]);
    expect(text('#targets-table tr.point-row .point-prompt')).toMatch(
      /^Chọn trên trang tính ô chứa số liệu \(hoặc nhãn dòng, tiêu đề cột của nó\), cho biết đó là chỉ tiêu nào/,
    );
    two.querySelector('.point-panel')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect($$('.point-panel')).toHaveLength(0);
    expect(document.activeElement).toBe(row('crime-reports-resolved-90pct').querySelector('button.point-open'));

    row('no-wrongful-convictions').querySelector<HTMLButtonElement>('button.point-open')!.click();
    select(state, 'E13');
    $('#targets-table tr.point-row button.point-use').click();
    await until(() => /^Đã lưu vào sổ/.test(text('#status')) && !$<HTMLButtonElement>('#check').disabled, 'the binding and the check');
    expect(text('#status')).toMatch(/^Đã lưu vào sổ: "Số vụ bị kết án sai" \(Báo cáo!E13\) là chỉ tiêu "Số vụ án oan"\./);
    expect(row('no-wrongful-convictions').classList.contains('not-in-workbook')).toBe(false);
    expect($('li.finding[data-rule="no-wrongful-convictions"]').classList.contains('met')).toBe(true);
    expect(bindingsFromXml(bindingParts(state)[0].xml)).toEqual([
      { kind: 'indicator', sheet: SHEET, label: 'Số vụ bị kết án sai', indicator: 'wrongful-convictions', cell: 'E13' },
    ]);
  });

  it('opening the review form closes the pointing line, and the other way round', async () => {
    await openPane(workbookState());
    await check();
    item().querySelector<HTMLButtonElement>('button.point-open')!.click();
    item().querySelector<HTMLButtonElement>('button.review-open')!.click();
    expect($$('.point-panel')).toHaveLength(0);
    expect($$('form.review-form')).toHaveLength(1);
    item().querySelector<HTMLButtonElement>('button.point-open')!.click();
    expect($$('form.review-form')).toHaveLength(0);
    expect($$('.point-panel')).toHaveLength(1);
  });
});

describe('the browser preview', () => {
  /** The workbook as Excel saves it with a bindings part (related from the workbook part). */
  const withPart = (xml: string) =>
    xlsxPackage({
      sheets: [{ name: SHEET, rows: ROWS }],
      extraParts: { 'customXml/item1.xml': xml },
      workbookRels:
        '<Relationship Id="rIdBindings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/>',
    });

  async function preview(bytes: Uint8Array): Promise<void> {
    loadPaneMarkup();
    startPreview(document, 'vi');
    pickFile('#file-input', new File([new Uint8Array(bytes)], 'so-lieu.xlsx'));
    await until(() => !$('#results').hidden && !$<HTMLButtonElement>('#check').disabled, 'the preview');
  }

  it('honours the bindings stored in the file, and has no "Point to the figure" (it cannot store one)', async () => {
    await preview(withPart(bindingsToXml([{ kind: 'indicator', sheet: SHEET, label: PC02, indicator: 'criminal-cases', cell: 'E8' }])));
    expect(item().classList.contains('shortfall')).toBe(true);
    expect($$('button.point-open')).toHaveLength(0);
    expect(text('#status')).toMatch(/Chưa đạt toàn bộ chỉ tiêu\.$/);
  });

  it('a damaged bindings part: findings by label alone, with a warning', async () => {
    await preview(withPart(`<bindings xmlns="${BINDINGS_NAMESPACE}"><binding`));
    expect(item().classList.contains('no-data')).toBe(true);
    expect(text('#status')).toMatch(
      /chỉ tiêu không có số liệu cũng là chưa đạt\..*Không dùng được các chỉ ô số liệu lưu trong sổ vì phần chỉ ô số liệu không phải XML hợp lệ/,
    );
  });
});
