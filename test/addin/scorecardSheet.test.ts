/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { Finding } from '../../src/evaluate/finding';
import { CellValue } from '../../src/grid/cell';
import { WorkbookGrid } from '../../src/grid/grid';
import { defaultPack } from '../../src/packs/builtinPacks';
import { scorecardSheets } from '../../src/report/scorecardSheets';
import { EMPTY_REVIEW_BOOK } from '../../src/review/review';
import { FindingsSheet, STATUS_FILL } from '../../src/xlsx/write/highlightPlan';
import { planScorecardSheets, SHEET_MARK_KEY, sheetMarkValue } from '../../addin/excel/scorecardSheetPlan';
import { columnPoints } from '../../src/xlsx/write/findingsSheetLayout';
import { writeScorecard } from '../../addin/excel/writeScorecard';
import { scorecardSupport } from '../../addin/excel/hostSupport';
import { printNames } from '../../src/xlsx/write/findingsSheetPart';
import { MIN_PRINT_SCALE, sheetLayout } from '../../src/xlsx/write/findingsSheetLayout';
import { boot } from '../../addin/taskpane/boot';
import { startPreview } from '../../addin/preview/startPreview';
import { workbookConsolidation } from '../../addin/workbookConsolidation';
import { sheet as gridSheet, workbook as gridWorkbook } from '../helpers/grid';
import { FakeExcel } from './fakeExcel/fakeExcel';
import { FakeSheet, FakeWorkbook } from './fakeExcel/fakeWorkbook';
import { fakeFor, gridOf, installExcel, installOffice, workbookFiles } from './helpers';
import { $, $$, loadPaneMarkup, text, until } from './paneDom';

/**
 * "Ghi Bảng tổng hợp": the scorecard sheets the CLI writes into a new workbook, written by the
 * add-in into new sheets of the open workbook with Office.js, never over a sheet of the person's.
 */

const CLUSTER = workbookFiles().find((f) => f.name === 'tong-hop-cum-2025.xlsx')!.path;
const pack = defaultPack();
const checker = new PledgeChecker(pack);
const ALL = { marks: true, pageLayout: true };
const CHECKED_AT = new Date('2026-11-05T03:00:00.000Z');

/** A layout-C table with one row per unit; every seventh unit misses the crime target, every eleventh has no data. */
function clusterTable(units: number, name = (i: number) => `Công an đơn vị số ${i + 1}`): WorkbookGrid {
  const header: CellValue[] = [
    'Đơn vị',
    'Số vụ PPHS năm 2019',
    'Số vụ PPHS năm 2020',
    'Tin báo tiếp nhận năm 2020',
    'Tin báo đã giải quyết năm 2020',
    'Số vụ án oan năm 2020',
  ];
  const rows: CellValue[][] = [['Kết quả thực hiện giao ước thi đua năm 2020'], [], header];
  for (let i = 0; i < units; i++) {
    const base = 500 + (i % 97);
    rows.push([name(i), base, i % 7 === 3 ? base + 12 : base - 40, 1000 + i, i % 11 === 5 ? 'chưa thống kê' : 950 + i, 0]);
  }
  return gridWorkbook(gridSheet('Cụm 1', rows, { tables: [{ name: 'ChiTieu', ref: `A3:F${3 + units}` }] }));
}

async function sheetsFor(grid: WorkbookGrid, lang: 'vi' | 'en' = 'vi', workbook = 'so-lieu.xlsx'): Promise<{ findings: Finding[]; sheets: FindingsSheet[] }> {
  const { findings } = await checker.check(grid);
  const c = workbookConsolidation({ pack, findings, reviews: EMPTY_REVIEW_BOOK, checkedAt: CHECKED_AT, workbook });
  return { findings, sheets: scorecardSheets(c, lang) };
}

async function write(state: FakeWorkbook, sheets: ReadonlyArray<FindingsSheet>, support = ALL) {
  const fake = new FakeExcel(state);
  const report = await writeScorecard(fake.context, () => sheets, support);
  expect(fake.violations).toEqual([]);
  return { fake, report };
}

/** What a FindingsSheet puts in its cells, row by row, as the CLI writes it: title, subtitles, header, rows. */
function expectedCells(s: FindingsSheet): Map<string, string | number> {
  const rows = [...(s.title ? [[s.title]] : []), ...(s.subtitles ?? []).map((l) => [l]), s.header, ...s.rows.map((r) => r.values)];
  const out = new Map<string, string | number>();
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== '' && out.set(`${r},${c}`, v)));
  return out;
}

const cellsOf = (s: FakeSheet) => new Map([...s.cells].map(([k, v]) => [k, v.value]));
const headerRowOf = (s: FindingsSheet) => (s.title ? 1 : 0) + (s.subtitles?.length ?? 0);

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
});

describe('writing the scorecard sheets with Office.js', () => {
  it('writes exactly what scorecardSheets gives, into new sheets: values, fills by status, widths, bold wrapped header, frozen panes, A4 landscape', async () => {
    const state = fakeFor(gridOf(CLUSTER));
    const before = state.snapshot();
    const { sheets } = await sheetsFor(gridOf(CLUSTER));
    const { report } = await write(state, sheets);
    expect(report.sheets.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
    expect(report.replaced).toEqual([]);

    for (const s of sheets) {
      const written = state.sheet(s.name);
      expect(written.addedByAddin).toBe(true);
      expect(cellsOf(written)).toEqual(expectedCells(s));
      expect(written.customProperties?.get(SHEET_MARK_KEY.toLowerCase())).toBe(sheetMarkValue(s.name));
      const h = headerRowOf(s);
      expect(written.layout!.frozen).toEqual({ rows: h + 1, columns: s.frozenColumns ?? 0 });
      expect([...written.layout!.bold].filter((k) => k.startsWith(`${h},`))).toHaveLength(Math.max(s.header.length, ...s.rows.map((r) => r.values.length)));
      // Every filled cell has its status's colour, and only those cells are filled.
      const fills = new Map<string, string>();
      s.rows.forEach((row, i) =>
        row.values.forEach((_, c) => {
          const st =
            row.cellStatus?.[c] ?? (row.status && row.status !== 'met' && (s.statusColumn === undefined || s.statusColumn === c) ? row.status : undefined);
          if (st) fills.set(`${h + 1 + i},${c}`, `#${STATUS_FILL[st].slice(2)}`);
        }),
      );
      expect(new Map([...written.fills].map(([k, f]) => [k, f.color]))).toEqual(fills);
      (s.columnWidths ?? []).forEach((w, c) => w !== undefined && expect(written.layout!.columnWidths.get(c)).toBe(columnPoints(w)));
    }
    const scorecard = state.sheet('Bảng tổng hợp');
    expect(scorecard.layout!.print).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      printGridlines: true,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    expect([...scorecard.layout!.wrap].some((k) => k.startsWith(`${headerRowOf(sheets[0])},`))).toBe(true);
    // The person's own sheets are exactly as they were.
    const mine = (snap: unknown) => (snap as { sheets: { name: string }[] }).sheets.filter((s) => !sheets.some((x) => x.name === s.name));
    expect(mine(state.snapshot())).toEqual(mine(before));
  });

  it('the scorecard’s counts are the findings’ counts, unit by unit', async () => {
    const { findings, sheets } = await sheetsFor(gridOf(CLUSTER));
    const state = fakeFor(gridOf(CLUSTER));
    await write(state, sheets);
    const s = sheets[0];
    const h = headerRowOf(s);
    const col = (name: string) => s.header.indexOf(name);
    const cell = (r: number, c: number) => state.sheet('Bảng tổng hợp').cells.get(`${r},${c}`)?.value;
    const units = [...new Set(findings.map((f) => f.unit))];
    expect(s.rows).toHaveLength(units.length);
    for (let i = 0; i < units.length; i++) {
      const unit = cell(h + 1 + i, col('Đơn vị')) as string;
      const mine = findings.filter((f) => f.unit === unit);
      expect(mine.length).toBeGreaterThan(0);
      const count = (st: string, severity?: string) => mine.filter((f) => f.status === st && (severity === undefined || f.severity === severity)).length;
      expect(cell(h + 1 + i, col('Đạt')) ?? 0).toBe(count('met'));
      expect(cell(h + 1 + i, col('Chưa đạt')) ?? 0).toBe(count('shortfall', 'shortfall'));
      expect(cell(h + 1 + i, col('Không có số liệu')) ?? 0).toBe(count('no-data'));
    }
    // The findings sheet has one row per finding.
    expect(sheets[1].rows).toHaveLength(findings.length);
    expect(state.sheet('Kết quả chi tiết').cells.get(`${headerRowOf(sheets[1]) + findings.length},1`)).toBeDefined();
  });

  it('three syncs for 10 units and for 1,000 units, all under Excel on the web’s payload cap', async () => {
    const small = await sheetsFor(clusterTable(10));
    const large = await sheetsFor(clusterTable(1000));
    expect(large.sheets[0].rows).toHaveLength(1000);
    const a = await write(FakeWorkbook.fromGrid(clusterTable(10)), small.sheets);
    const b = await write(FakeWorkbook.fromGrid(clusterTable(1000)), large.sheets);
    expect(a.fake.syncs).toBe(3);
    expect(b.fake.syncs).toBe(3);
    // One values block per sheet, and fills as a few getRanges commands, not one per cell.
    const valueBlocks = (f: FakeExcel) => f.log.filter((c) => c.op === 'set' && c.name === 'values').length;
    expect(valueBlocks(b.fake)).toBe(large.sheets.length);
    expect(b.fake.log.filter((c) => c.name === 'getRanges').length).toBeLessThan(100);
    expect(Math.max(...b.fake.payloads.map((p) => p.request))).toBeLessThan(4_200_000);
    const scorecard = b.fake.state.sheet('Bảng tổng hợp');
    expect(scorecard.cells.get(`${headerRowOf(large.sheets[0]) + 1000},1`)).toBeDefined();
  });

  it('never overwrites a sheet of the person’s named "Bảng tổng hợp": the new one is "Bảng tổng hợp (2)"', async () => {
    const state = fakeFor(gridOf(CLUSTER));
    const own = state.addSheet('Bảng tổng hợp');
    own.cells.set('0,0', { value: 'Bảng của tôi', type: 'String' });
    own.fills.set('0,0', { pattern: 'Solid', color: '#00FF00', patternColor: '', tintAndShade: 0, patternTintAndShade: 0 });
    const { sheets } = await sheetsFor(gridOf(CLUSTER));
    const { report } = await write(state, sheets);
    expect(report.sheets[0]).toEqual({ wanted: 'Bảng tổng hợp', name: 'Bảng tổng hợp (2)' });
    expect(state.sheet('Bảng tổng hợp').cells.get('0,0')!.value).toBe('Bảng của tôi');
    expect([...state.sheet('Bảng tổng hợp').cells.keys()]).toEqual(['0,0']);
    expect(state.sheet('Bảng tổng hợp').fills.get('0,0')!.color).toBe('#00FF00');
    expect(cellsOf(state.sheet('Bảng tổng hợp (2)'))).toEqual(expectedCells(sheets[0]));

    // Written again (after saving and reopening): our "(2)" is replaced in place, theirs still untouched.
    const reopened = state.reopened();
    const again = await write(reopened, sheets);
    expect(again.report.sheets[0].name).toBe('Bảng tổng hợp (2)');
    expect(again.report.replaced).toEqual(sheets.map((s, i) => (i === 0 ? 'Bảng tổng hợp (2)' : s.name)));
    expect(reopened.sheets.filter((s) => s.name.startsWith('Bảng tổng hợp')).map((s) => s.name)).toEqual(['Bảng tổng hợp', 'Bảng tổng hợp (2)']);
    expect(reopened.sheet('Bảng tổng hợp').cells.get('0,0')!.value).toBe('Bảng của tôi');
  });

  it('replaces its own earlier sheets, in either language; one renamed or protected since is kept', async () => {
    const state = fakeFor(gridOf(CLUSTER));
    const vi = (await sheetsFor(gridOf(CLUSTER), 'vi')).sheets;
    const en = (await sheetsFor(gridOf(CLUSTER), 'en')).sheets;
    await write(state, vi);
    const count = state.sheets.length;
    const second = await write(state, en);
    expect(second.report.replaced).toEqual(vi.map((s) => s.name));
    expect(state.sheets).toHaveLength(count);
    expect(state.sheets.slice(-en.length).map((s) => s.name)).toEqual(en.map((s) => s.name));

    state.sheet('Scorecard').name = 'Scorecard May';
    state.sheet('Findings').protected = true;
    const third = await write(state, en);
    expect(third.report.replaced).toEqual(en.map((s) => s.name).filter((n) => n !== 'Scorecard' && n !== 'Findings'));
    expect(third.report.sheets.slice(0, 2)).toEqual([
      { wanted: 'Scorecard', name: 'Scorecard' },
      { wanted: 'Findings', name: 'Findings (2)' },
    ]);
    expect(state.sheet('Scorecard May').cells.size).toBeGreaterThan(0);
  });

  it('a protected workbook structure: one sync, nothing written, one clear message', async () => {
    const state = fakeFor(gridOf(CLUSTER));
    state.structureProtected = true;
    const before = state.sheets.length;
    const { fake, report } = await write(state, (await sheetsFor(gridOf(CLUSTER))).sheets);
    expect(report).toEqual({ structureProtected: true, sheets: [], replaced: [] });
    expect(fake.syncs).toBe(1);
    expect(state.sheets).toHaveLength(before);
  });

  it('where worksheet custom properties are missing (below ExcelApi 1.12) nothing is proven ours, so nothing is replaced', async () => {
    const state = fakeFor(gridOf(CLUSTER));
    const { sheets } = await sheetsFor(gridOf(CLUSTER));
    const first = await write(state, sheets, { marks: false, pageLayout: false });
    expect(first.fake.syncs).toBe(2);
    const second = await write(state, sheets, { marks: false, pageLayout: false });
    expect(second.report.replaced).toEqual([]);
    expect(second.report.sheets[0].name).toBe('Bảng tổng hợp (2)');
    expect(state.sheet('Bảng tổng hợp').layout!.print).toEqual({});
  });

  it('gives every sheet the page setup of the CLI’s workbook: A4 landscape, fit to width, header rows repeated, print area, numbered footer', async () => {
    const state = fakeFor(gridOf(CLUSTER));
    const { sheets } = await sheetsFor(gridOf(CLUSTER));
    const { fake } = await write(state, sheets);
    // Queued after every value and fill of every sheet: a host refusing part of it cannot keep the sheets from being written.
    const firstPage = fake.log.findIndex((c) => c.target.includes('pageLayout'));
    const lastData = fake.log.map((c, i) => (c.name === 'values' || c.target.includes('fill') ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
    expect(firstPage).toBeGreaterThan(lastData);
    for (const s of sheets) {
      const layout = sheetLayout(s);
      // The CLI's defined names for the same sheet, as the add-in's calls should read.
      const names = new Map(
        printNames(s, s.name).map((n) => [
          n.name,
          n.value
            .replace(/^'[^']*'!/, '')
            .replace(/,'[^']*'!/g, ',')
            .replace(/\$/g, ''),
        ]),
      );
      const titles = (names.get('_xlnm.Print_Titles') as string).split(',');
      expect(state.sheet(s.name).layout!.print).toEqual({
        orientation: 'Landscape',
        paperSize: 'A4',
        printOrder: 'OverThenDown',
        printGridlines: true,
        margins: { unit: 'Inches', left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
        zoom: layout.print.onePageWide ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: MIN_PRINT_SCALE },
        printArea: names.get('_xlnm.Print_Area'),
        titleRows: titles[titles.length - 1],
        ...(titles.length > 1 ? { titleColumns: titles[0] } : {}),
        'footer.leftFooter': '&A',
        'footer.rightFooter': '&P / &N',
      });
    }
    // The scorecard fits one page wide at a readable size: its labels wrap (header and cells), nothing shrinks below 75 %.
    expect(sheetLayout(sheets[0]).print).toEqual({ onePageWide: true, scale: expect.any(Number) });
    expect(sheetLayout(sheets[0]).print.scale).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
    const h = headerRowOf(sheets[0]);
    const wrapped = state.sheet('Bảng tổng hợp').layout!.wrap;
    sheets[0].header.forEach((_, c) => expect(wrapped.has(`${h},${c}`)).toBe(true));
    expect(state.sheet('Bảng tổng hợp').layout!.autofits).toBeGreaterThan(0);
    // Every cell of the table reads from the top of its row.
    const top = state.sheet('Kết quả chi tiết').layout!.top;
    const f = sheets[1];
    expect(top.size).toBe((f.rows.length + 1) * sheetLayout(f).width);
    expect(top.has(`${headerRowOf(f) + f.rows.length},0`)).toBe(true);
  });

  it('where Excel answers that it lacks ExcelApi 1.9 (the manifest asks 1.13; checked anyway) the sheets are written without page setup, and nothing fails', async () => {
    const state = fakeFor(gridOf(CLUSTER));
    const { sheets } = await sheetsFor(gridOf(CLUSTER));
    const fake = new FakeExcel(state);
    fake.excelApi = '1.8';
    const support = scorecardSupport({
      isSetSupported: (name: string, version?: string | number) => name === 'ExcelApi' && Number(String(version ?? '1.1').split('.')[1]) <= 8,
    });
    expect(support).toEqual({ marks: false, pageLayout: false });
    const report = await writeScorecard(fake.context, () => sheets, support);
    expect(fake.violations).toEqual([]);
    expect(report.sheets.map((x) => x.name)).toEqual(sheets.map((x) => x.name));
    for (const s of sheets) expect(state.sheet(s.name).layout!.print).toEqual({});
    expect(fake.commands((c) => c.target.includes('pageLayout'))).toEqual([]);
  });

  it('the fake Excel holds the add-in to the reference: page setup below 1.9 fails with ApiNotFound, zoom only as a whole object', async () => {
    const { sheets } = await sheetsFor(gridOf(CLUSTER));
    const old = new FakeExcel(fakeFor(gridOf(CLUSTER)));
    old.excelApi = '1.8';
    await expect(writeScorecard(old.context, () => sheets, ALL)).rejects.toThrow(/ApiNotFound/);
    expect(old.violations[0]).toMatch(/needs ExcelApi 1\.9; this Excel has 1\.8/);

    const fake = new FakeExcel(fakeFor(gridOf(CLUSTER)));
    const ws = fake.context.workbook.worksheets.add('Thử');
    expect(() => {
      ws.pageLayout.zoom.scale = 80;
    }).toThrow(/PropertyNotLoaded/);
    ws.pageLayout.zoom = { scale: 80, horizontalFitToPages: 1 };
    await expect(fake.sync()).rejects.toThrow(/InvalidArgument/);
    ws.pageLayout.setPrintTitleRows('A3:C3');
    await expect(fake.sync()).rejects.toThrow(/not whole rows/);
    ws.pageLayout.headersFooters.defaultForAllPages.rightFooter = 'Trang &Q';
    await expect(fake.sync()).rejects.toThrow(/not a header\/footer code/);
  });

  it('texts that Excel would take for a formula or a number stay text', async () => {
    const grid = clusterTable(3, (i) => (i === 0 ? '=HYPERLINK("http://x","bấm")' : `Công an đơn vị số ${i + 1}`));
    const { sheets } = await sheetsFor(grid);
    const state = FakeWorkbook.fromGrid(grid);
    await write(state, sheets); // the fake refuses any text sent bare that Excel would turn into a formula or a number
    const values = [...state.sheet('Bảng tổng hợp').cells.values()];
    expect(values).toContainEqual({ value: '=HYPERLINK("http://x","bấm")', type: 'String' });
    const figures = [...state.sheet('Kết quả chi tiết').cells.values()].filter(
      (v) => v.type === 'String' && /^-?[\d.]+(,\d+)?[ \u00a0]%$/.test(v.value as string),
    );
    expect(figures.length).toBeGreaterThan(0);
  });
});

describe('the sheet plan', () => {
  const mark = (name: string) => sheetMarkValue(name);
  it('does not delete our sheets when they are the only visible ones: writes beside them', () => {
    const plan = planScorecardSheets(
      [
        { name: 'Dữ liệu', visible: false, protected: false },
        { name: 'Bảng tổng hợp', visible: true, protected: false, mark: mark('Bảng tổng hợp') },
      ],
      ['Bảng tổng hợp'],
    );
    expect(plan).toEqual({ remove: [], add: [{ wanted: 'Bảng tổng hợp', name: 'Bảng tổng hợp (2)' }] });
  });

  it('names are compared as Excel does (ignoring case) and kept within 31 characters', () => {
    const long = 'Kết quả chi tiết của các đơn vị'; // 31 characters
    const plan = planScorecardSheets(
      [
        { name: 'BẢNG TỔNG HỢP', visible: true, protected: false },
        { name: long, visible: true, protected: false, mark: 'not ours' },
      ],
      ['Bảng tổng hợp', long],
    );
    expect(plan.add.map((a) => a.name)).toEqual(['Bảng tổng hợp (2)', 'Kết quả chi tiết của các đơ (2)']);
    expect(Array.from(plan.add[1].name)).toHaveLength(31);
  });
});

describe('"Ghi Bảng tổng hợp" in the pane', () => {
  async function openPane(state: FakeWorkbook) {
    loadPaneMarkup();
    installOffice({ notes: true, comments: true }, 'vi-VN');
    installExcel(() => new FakeExcel(state));
    if (!(await boot(document))) throw new Error('not in Excel mode');
  }

  it('is offered after a check, writes the scorecard of the findings on screen with their reviews, and says where', async () => {
    const state = fakeFor(gridOf(CLUSTER));
    await openPane(state);
    const button = $<HTMLButtonElement>('#scorecard');
    expect(button.hidden).toBe(false);
    expect(text('#scorecard')).toBe('Ghi Bảng tổng hợp');
    expect(button.disabled).toBe(true);
    $('#check').click();
    await until(() => !$('#results').hidden && !$<HTMLButtonElement>('#check').disabled, 'the findings');
    expect(button.disabled).toBe(false);

    // A review first, so the findings sheet and the review log carry it.
    const li = $('li.finding.shortfall');
    li.querySelector<HTMLButtonElement>('button.review-open')!.click();
    const form = $<HTMLFormElement>('form.review-form');
    const radio = form.querySelector<HTMLInputElement>('input[value="needs-explanation"]')!;
    radio.checked = true;
    radio.dispatchEvent(new Event('change', { bubbles: true }));
    const name = form.querySelector<HTMLInputElement>('input.review-name')!;
    name.value = 'Cụm trưởng';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    form.requestSubmit();
    await until(() => /^Đã lưu xét duyệt/.test(text('#status')), 'the review');

    const units = $$('#units section.unit').length;
    button.click();
    await until(() => /^Đã ghi Bảng tổng hợp/.test(text('#status')), 'the scorecard');
    expect(text('#status')).toBe(
      `Đã ghi Bảng tổng hợp (${units} đơn vị) vào trang "Bảng tổng hợp", cùng các trang "Kết quả chi tiết", "Nhật ký kiểm tra", "Nhật ký xét duyệt".`,
    );
    const log = state.sheet('Nhật ký xét duyệt');
    expect([...log.cells.values()].map((c) => c.value)).toContain('Cụm trưởng');
    const findings = state.sheet('Kết quả chi tiết');
    expect([...findings.cells.values()].map((c) => c.value)).toContain('Cần giải trình');
    expect(findings.cells.get('0,0')!.value).toMatch(/^Kết quả từng chỉ tiêu/);
    expect([...state.sheet('Nhật ký kiểm tra').cells.values()].map((c) => c.value)).toContain(state.name);

    // Pressed again: replaced, not duplicated.
    const count = state.sheets.length;
    button.click();
    await until(() => /Đã thay các trang Pledge Check ghi lần trước/.test(text('#status')), 'the second scorecard');
    expect(state.sheets).toHaveLength(count);
  });

  it('says so, in one sentence, when the workbook structure is protected', async () => {
    const state = fakeFor(gridOf(CLUSTER));
    state.structureProtected = true;
    await openPane(state);
    $('#check').click();
    await until(() => !$('#results').hidden && !$<HTMLButtonElement>('#check').disabled, 'the findings');
    $('#scorecard').click();
    await until(() => /bảo vệ cấu trúc/.test(text('#status')), 'the message');
    expect($$('#status p')).toHaveLength(1);
    expect($('#status p').className).toBe('message warning');
  });

  it('the browser preview offers neither reviews nor the scorecard button', async () => {
    loadPaneMarkup();
    startPreview(document, 'vi');
    expect($('#scorecard').hidden).toBe(true);
    expect($$('button.review-open')).toHaveLength(0);
  });
});
