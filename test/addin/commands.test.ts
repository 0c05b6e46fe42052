import { FakeExcel, OfficeError } from './fakeExcel/fakeExcel';
import { FakeWorkbook } from './fakeExcel/fakeWorkbook';
import { PACK_SETTING } from '../../addin/excel/packSetting';
import { FakeSettings, fakeFor, gridOf, installExcel, installOffice, workbookFiles } from './helpers';
import { command, COMMAND_TIME_LIMIT_MS, RIBBON_MAX_CELLS } from '../../addin/commands/ribbonCommand';
import { linesOfFragment } from '../../addin/outcome/outcomeLines';

/** The ribbon's FunctionFile, with `Office` and `Excel` from office-addin-mock around the fake workbook. */
function loadCommands(state: FakeWorkbook, opts: { failWith?: string; displayLanguage?: string; settings?: FakeSettings } = {}) {
  const office = installOffice({ notes: true, comments: true }, opts.displayLanguage ?? 'vi-VN', { settings: opts.settings });
  const excel = installExcel(() => {
    if (opts.failWith) throw new OfficeError(opts.failWith, 'simulated');
    return new FakeExcel(state);
  });
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded afresh in an isolated registry, after the fakes
    require('../../addin/commands/commands');
  });
  const run = async (id: string) => {
    const event = { completed: jest.fn() };
    await office.associated.get(id)!(event);
    return event;
  };
  return { office, excel, run };
}

const path = workbookFiles()[0].path;

describe('ribbon commands (FunctionFile)', () => {
  let info: jest.SpyInstance;
  beforeEach(() => {
    info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => {
    info.mockRestore();
    delete (globalThis as Record<string, unknown>).Office;
    delete (globalThis as Record<string, unknown>).Excel;
  });

  it('says how the check came out in its dialog: a target without data is not met', async () => {
    const shownIn = (url: string) => linesOfFragment(new URL(url).hash);
    const vi = loadCommands(fakeFor(gridOf(path)));
    await vi.run('checkTargets');
    expect(shownIn(vi.office.dialogs[0])[0].vi).toMatch(
      /^Đã kiểm tra \d+ bảng chỉ tiêu: \d+ chưa đạt, [1-9]\d* không có số liệu, \d+ đạt\. Chưa đạt toàn bộ chỉ tiêu: chỉ tiêu không có số liệu cũng là chưa đạt\./,
    );
    expect(shownIn(vi.office.dialogs[0])[0].en).toMatch(/ no data, \d+ met\. Not every target is met: a target without data has not been met\./);
  });

  it('registers checkTargets and clearHighlights with Office.actions.associate', () => {
    const { office } = loadCommands(fakeFor(gridOf(path)));
    expect([...office.associated.keys()].sort()).toEqual(['checkTargets', 'clearHighlights']);
  });

  it('Check targets highlights, Clear highlights restores; each ends with event.completed()', async () => {
    const state = fakeFor(gridOf(path));
    const before = state.snapshot();
    const { run, excel } = loadCommands(state);

    const checked = await run('checkTargets');
    expect(checked.completed).toHaveBeenCalledTimes(1);
    expect(state.snapshot()).not.toEqual(before);
    expect(state.reasons[0].content).toMatch(/Chưa đạt|Không có số liệu/); // Vietnamese Office → Vietnamese reasons

    const cleared = await run('clearHighlights');
    expect(cleared.completed).toHaveBeenCalledTimes(1);
    expect(state.snapshot()).toEqual(before);
    // Every batch asks Excel to wait while a cell is being edited.
    expect(excel.runs).toEqual([{ delayForCellEdit: true }, { delayForCellEdit: true }]);
  });

  it('writes reasons in English when Office is in English', async () => {
    const state = fakeFor(gridOf(path));
    const { run } = loadCommands(state, { displayLanguage: 'en-GB' });
    await run('checkTargets');
    expect(state.reasons[0].content).toMatch(/Shortfall|No data/);
  });

  it('still calls event.completed() when Excel refuses the batch (cell edit mode)', async () => {
    const state = fakeFor(gridOf(path));
    const before = state.snapshot();
    const { run } = loadCommands(state, { failWith: 'InvalidOperationInCellEditMode' });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const event = await run('checkTargets');
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalled();
    expect(state.snapshot()).toEqual(before);
    spy.mockRestore();
  });

  it('checks with the rule pack the pane remembered in the workbook', async () => {
    const stored = () => new FakeSettings(new Map([[PACK_SETTING, { kind: 'builtin', id: 'cum-1-2020' }]]));
    const withDefault = fakeFor(gridOf(path));
    await loadCommands(withDefault).run('checkTargets');
    const withCluster = fakeFor(gridOf(path));
    await loadCommands(withCluster, { settings: stored() }).run('checkTargets');
    expect(withCluster.reasons.map((r) => r.content)).not.toEqual(withDefault.reasons.map((r) => r.content));
  });

  it('refuses (and changes nothing) when the remembered pack no longer passes the checks', async () => {
    const state = fakeFor(gridOf(path));
    const before = state.snapshot();
    const settings = new FakeSettings(new Map([[PACK_SETTING, { kind: 'file', name: 'x.json', text: '{' }]]));
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const event = await loadCommands(state, { settings }).run('checkTargets');
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(String(spy.mock.calls[0]?.[1])).toMatch(/x\.json:1:\d+/);
    expect(state.snapshot()).toEqual(before);
    spy.mockRestore();
  });
});

describe('ribbon commands tell the person what happened (issue #13, 7)', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).Office;
    delete (globalThis as Record<string, unknown>).Excel;
  });

  const shown = (url: string) => linesOfFragment(new URL(url).hash);

  it('Check and Clear show their outcome in a dialog, Vietnamese and English', async () => {
    const state = fakeFor(gridOf(path));
    const { run, office } = loadCommands(state);
    await run('checkTargets');
    await run('clearHighlights');
    expect(office.dialogs).toHaveLength(2);
    expect(office.dialogs[0]).toMatch(/^https:\/\/[^#]*outcome\.html#/);
    expect(shown(office.dialogs[0])[0].vi).toMatch(/^Đã kiểm tra \d+ bảng chỉ tiêu/);
    expect(shown(office.dialogs[0])[0].en).toMatch(/^Checked \d+ indicator table/);
    expect(shown(office.dialogs[1])[0].vi).toMatch(/^Đã trả lại định dạng ban đầu/);
  });

  it('an error is shown in the dialog in one sentence, not only on the console', async () => {
    const state = fakeFor(gridOf(path));
    const { run, office } = loadCommands(state, { failWith: 'InvalidOperationInCellEditMode' });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const event = await run('checkTargets');
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(shown(office.dialogs[0])).toEqual([
      { vi: 'Excel đang ở chế độ sửa ô: nhấn Enter hoặc Esc rồi thử lại.', en: 'Excel is in cell edit mode: press Enter or Esc, then try again.' },
    ]);
    spy.mockRestore();
  });

  it('a workbook too large for the 5-minute limit is not checked from the ribbon: the dialog sends the person to the pane', async () => {
    // Two cells, A1 and J100001: a used range of over a million cells, cheap to fake.
    const rows: (number | null)[][] = [];
    rows[0] = [1];
    rows[Math.ceil(RIBBON_MAX_CELLS / 10)] = [null, null, null, null, null, null, null, null, null, 2];
    const state = FakeWorkbook.fromGrid({ sheets: [{ name: 'Lớn', visibility: 'visible', rows, merges: [], hiddenRows: new Set(), tables: [] }] });
    const { run, office } = loadCommands(state);
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const before = state.snapshot();
    const event = await run('checkTargets');
    spy.mockRestore();
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(shown(office.dialogs[0])[0].vi).toContain('Mở ngăn kết quả');
    expect(state.snapshot()).toEqual(before);
  });

  it('gives the dialog only the time left before Office’s 5-minute cut-off, then completes', async () => {
    let t = 0;
    const handler = command(
      async () => {
        t = COMMAND_TIME_LIMIT_MS; // the check took all the time there was
        return [{ vi: 'xong', en: 'done' }];
      },
      () => t,
    );
    installOffice();
    (globalThis as { Office: { context: { ui: unknown } } }).Office.context.ui = { displayDialogAsync: () => undefined }; // a dialog nobody closes
    const event = { completed: jest.fn() };
    await handler(event as unknown as Office.AddinCommands.Event);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});
