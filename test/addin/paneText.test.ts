import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { defaultPack } from '../../src/packs/builtinPacks';
import { reasonSupport } from '../../addin/excel/hostSupport';
import { languageOf } from '../../addin/language';
import { excelProblem, checkSummary } from '../../addin/messages';
import { findingsByUnit } from '../../addin/taskpane/findingsView';
import { FORMATS, STRINGS } from '../../addin/taskpane/strings';
import { checkWorkbook } from '../../addin/excel/checkWorkbook';
import { FakeExcel } from './fakeExcel/fakeExcel';
import { fakeFor, gridOf, installOffice, workbookFiles } from './helpers';

const VIETNAMESE_LETTERS = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i;

describe('the language', () => {
  it.each([
    ['vi-VN', 'vi'],
    ['vi', 'vi'],
    ['VI_vn', 'vi'],
    ['en-US', 'en'],
    ['en-VN', 'en'], // Mac may report odd regions: only the prefix counts
    ['fr-FR', 'en'],
    [undefined, 'vi'],
  ])('Office display language %s → %s', (display, lang) => {
    expect(languageOf(display)).toBe(lang);
  });
});

describe('the pane strings', () => {
  it.each(Object.entries(STRINGS))('%s is translated: Vietnamese and English, different, English without Vietnamese letters', (_, s) => {
    expect(s.vi.trim()).not.toBe('');
    expect(s.en.trim()).not.toBe('');
    expect(s.vi).not.toBe(s.en);
    // The language switch shows the other language's own name.
    if (s.en !== 'Tiếng Việt') expect(s.en).not.toMatch(VIETNAMESE_LETTERS);
  });
});

describe('the pane texts with figures in them', () => {
  const samples: { [K in keyof typeof FORMATS]: Parameters<(typeof FORMATS)[K]> } = {
    packInfo: [7, '1.0.0'],
    packRefused: ['x.json'],
    step: [2, 5],
    cellsRead: [12345, 3],
    rowsShown: [2000, 5000],
    sheetWindow: [1, 100, 39829, { first: 'A', last: 'P', total: 41 }],
    moreLeft: [100, 278696],
    topUnits: [30, 39828],
    checkFailed: ['a.xlsx'],
    unitsChecked: [3000, 39828],
    previewChecked: ['a.xlsx', 1, 2, 3, 4],
    readFailed: ['a.xlsx', { vi: 'hỏng', en: 'damaged' }],
    copyName: ['a'],
    findingsOf: ['Công an tỉnh Hà Tĩnh'],
    reviewSaved: [{ vi: 'Chấp nhận', en: 'Accepted' }, 'Giảm số vụ', 'Công an tỉnh Hà Tĩnh'],
    reviewFormOf: ['Giảm số vụ', 'Công an tỉnh Hà Tĩnh'],
    pointPrompt: [{ vi: 'Số vụ phạm pháp hình sự', en: 'Criminal offences' }],
    pointIndicator: [{ vi: 'Số vụ phạm pháp hình sự', en: 'Criminal offences' }],
    pointFormOf: ['Giảm số vụ', 'Công an tỉnh Hà Tĩnh'],
    pointTargetFormOf: [{ vi: 'Giảm số vụ', en: 'Fewer cases' }],
  };
  it.each(Object.keys(FORMATS) as (keyof typeof FORMATS)[])('%s is translated into both languages', (key) => {
    const f = FORMATS[key] as (...args: unknown[]) => { vi: string; en: string };
    const s = f(...(samples[key] as unknown[]));
    expect(s.vi.trim()).not.toBe('');
    expect(s.en.trim()).not.toBe('');
    expect(s.vi).not.toBe(s.en);
  });

  it('writes counts the reader’s way', () => {
    expect(FORMATS.cellsRead(12345, 3)).toEqual({ vi: '12.345 ô trên 3 trang', en: '12,345 cells on 3 sheet(s)' });
  });
});

describe('the findings list', () => {
  it('groups by unit in table order with status, actual vs target and the reason', async () => {
    const path = workbookFiles().find((f) => f.name === 'tong-hop-cum-2025.xlsx')!.path;
    const outcome = await checkWorkbook(new FakeExcel(fakeFor(gridOf(path))).context, new PledgeChecker(defaultPack()), 'vi', { notes: true, comments: true });
    const groups = findingsByUnit(outcome.findings, 'vi');
    expect(groups.map((g) => g.unit)).toEqual([...new Set(outcome.findings.map((f) => f.unit))]);
    const short = groups.flatMap((g) => g.lines).find((l) => l.status === 'shortfall')!;
    expect(short.statusText).toBe('Chưa đạt');
    expect(short.actual).toMatch(/\d/);
    expect(short.target).toMatch(/^[≥≤<>=≠]\u00a0/); // a no-break space: the sign never ends a line
    expect(short.reason).toBeTruthy();
    const met = groups.flatMap((g) => g.lines).find((l) => l.status === 'met')!;
    expect(met.reason).toBeUndefined();
    expect(
      findingsByUnit(outcome.findings, 'en')
        .flatMap((g) => g.lines)
        .map((l) => l.statusText),
    ).not.toContain('Chưa đạt');
    expect(checkSummary(outcome).vi).toMatch(/^Đã kiểm tra \d+ bảng chỉ tiêu: \d+ chưa đạt/);
  });
});

describe('host support and problems', () => {
  afterEach(() => delete (globalThis as Record<string, unknown>).Office);

  it('decides notes, comments or neither with isSetSupported', () => {
    installOffice({ notes: true, comments: true });
    expect(reasonSupport()).toEqual({ notes: true, comments: true });
    installOffice({ notes: false, comments: true });
    expect(reasonSupport()).toEqual({ notes: false, comments: true });
    installOffice({ notes: false, comments: false });
    expect(reasonSupport()).toEqual({ notes: false, comments: false });
  });

  it('explains cell edit mode and payload limits in both languages', () => {
    expect(excelProblem({ code: 'InvalidOperationInCellEditMode' })).toEqual({
      vi: expect.stringMatching(/chế độ sửa ô/),
      en: expect.stringMatching(/cell edit mode/),
    });
    expect(excelProblem({ code: 'ResponsePayloadSizeLimitExceeded' }).en).toMatch(/too large/);
    expect(excelProblem(new Error('boom')).vi).toBe('Không thực hiện được: boom');
  });
});
