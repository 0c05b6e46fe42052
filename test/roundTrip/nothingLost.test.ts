/**
 * Nothing lost, on every fixture and sample and on workbooks built to carry everything: `check --out`
 * through the CLI leaves the original byte-identical (and its mtime unchanged), and the copy differs
 * from it only by the highlight fill of flagged cells, the notes on them, and the findings sheet.
 * Checked twice, by two readers that share no code with src/: an independent model (saxes and
 * styles.xml resolved by hand) and ExcelJS.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { defaultPack } from '../../src/packs/builtinPacks';
import { highlightPlanFor } from '../../src/report/highlightPlan';
import { MARK_FILL } from '../../src/xlsx/write/highlightPlan';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { runCli, snapshot, tempDir, writeInput } from '../badInput/cliHarness';
import { Cell, FULL_REPORT, reportRowOf, reportRows, xlsxPackage } from '../badInput/corpus';
import { hasSharedFixtures, SAMPLES, SHARED_FIXTURES } from '../helpers/paths';
import { richWorkbook } from './richWorkbook';
import { CellModel, readModel, WorkbookModel } from './workbookModel';

type Source = [name: string, load: () => Promise<Uint8Array> | Uint8Array];

const files = (dir: string): Source[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => [f, () => readFileSync(join(dir, f))]);

const deaths = reportRowOf('Số người chết');
const shortReport = FULL_REPORT.map((r) => (r[0] === 'Số người chết' ? (['Số người chết', 290, 280] as const) : r));
const SOURCES: Source[] = [
  ...(hasSharedFixtures ? files(SHARED_FIXTURES) : []),
  ...files(SAMPLES),
  ['rich workbook (ExcelJS)', richWorkbook],
  ['merged value cells', () => xlsxPackage({ sheets: [{ name: 'Báo cáo', rows: reportRows(shortReport), merges: [`D${deaths - 2}:E${deaths - 2}`] }] })],
  [
    'hidden and very hidden sheets',
    () =>
      xlsxPackage({
        sheets: [
          { name: 'Hướng dẫn', rows: [['Điền số liệu vào trang Báo cáo.']] },
          { name: 'Báo cáo', rows: reportRows(shortReport), state: 'hidden' },
          {
            name: 'Ẩn',
            rows: [
              ['Đơn vị', 'Số vụ án oan năm 2024'],
              ['Công an tỉnh Nghệ An', 1],
            ] as Cell[][],
            state: 'veryHidden',
          },
        ],
      }),
  ],
];

const checker = new PledgeChecker(defaultPack());

/** The cells the CLI will mark, as `sheet!A1`, from the same core it runs. */
async function flaggedCells(bytes: Uint8Array): Promise<Set<string>> {
  const { findings } = await checker.check(readWorkbook(bytes));
  return new Set(highlightPlanFor(findings, 'vi').marks.map((m) => `${m.sheet}!${m.cell}`));
}

const MARK_COLOURS = Object.values(MARK_FILL);

describe.each(SOURCES)('nothing lost: %s', (name, load) => {
  let original: Uint8Array;
  let copy: Uint8Array;
  let flagged: Set<string>;

  beforeAll(async () => {
    original = await load();
    flagged = await flaggedCells(original);
    const dir = tempDir();
    const input = writeInput(dir, 'so-lieu.xlsx', original);
    const before = snapshot(dir);
    const r = await runCli('check', input, '--out', join(dir, 'ban-sao.xlsx'));
    expect(r.err).toBe('');
    // The original is byte-identical, mtime included.
    expect(snapshot(dir).get('so-lieu.xlsx')).toEqual(before.get('so-lieu.xlsx'));
    copy = readFileSync(join(dir, 'ban-sao.xlsx'));
  });

  it('the copy differs only by the flagged cells’ fill and notes and the findings sheet (independent reader)', () => {
    const a = readModel(original);
    const b = readModel(copy);
    expectOnlyHighlights(a, b, flagged);
    // Every source has something flagged, so the highlights themselves are under test.
    expect(flagged.size).toBeGreaterThan(0);
  });

  it('ExcelJS reads the same cells, styles, merges, validation, conditional formats, names and tables', async () => {
    const a = new ExcelJS.Workbook();
    try {
      await a.xlsx.load(Buffer.from(original) as unknown as ExcelJS.Buffer);
    } catch {
      // ExcelJS cannot read some files (openpyxl charts): the independent reader above covers them.
      return;
    }
    if (name === 'rich workbook (ExcelJS)') {
      // The comparisons below are not vacuous: the rich workbook has each of these.
      const ws = a.getWorksheet('Báo cáo')!;
      expect(Object.keys(field(ws, 'dataValidations') as object).length).toBeGreaterThan(0);
      expect((field(ws, 'conditionalFormattings') as unknown[]).length).toBeGreaterThan(0);
      expect(Object.keys(field(a.getWorksheet('Cụm 5')!, 'tables') as object)).toEqual(['ChiTieuCum5']);
      expect(a.definedNames.model.length).toBeGreaterThan(0);
      expect(ws.getCell('E7').note).toBeDefined();
    }
    const b = new ExcelJS.Workbook();
    await b.xlsx.load(Buffer.from(copy) as unknown as ExcelJS.Buffer);
    expect(b.definedNames.model).toEqual(a.definedNames.model);
    for (const wa of a.worksheets) {
      const wb = b.getWorksheet(wa.name)!;
      expect(wb).toBeDefined();
      expect(wb.state).toBe(wa.state);
      expect(wb.model.merges).toEqual(wa.model.merges);
      expect(field(wb, 'dataValidations')).toEqual(field(wa, 'dataValidations'));
      expect(field(wb, 'conditionalFormattings')).toEqual(field(wa, 'conditionalFormattings'));
      expect(Object.keys(field(wb, 'tables') ?? {})).toEqual(Object.keys(field(wa, 'tables') ?? {}));
      expect(wb.columns?.map((c) => [c.width, c.hidden])).toEqual(wa.columns?.map((c) => [c.width, c.hidden]));
      wa.eachRow({ includeEmpty: true }, (row, r) => {
        expect({ row: r, hidden: wb.getRow(r).hidden, height: wb.getRow(r).height }).toEqual({ row: r, hidden: row.hidden, height: row.height });
        row.eachCell({ includeEmpty: true }, (ca) => {
          const cb = wb.getCell(ca.address);
          const key = `${wa.name}!${ca.address}`;
          const isFlagged = flagged.has(key);
          // A flagged cell that had no style of its own gets an explicit copy of the default one to
          // carry the fill; ExcelJS then shows that default font and border where it showed none.
          // (The independent reader above checks they resolve to the very same font and border.)
          const unstyled = isFlagged && ca.font === undefined && ca.border === undefined;
          const view = (c: ExcelJS.Cell, withFill: boolean) => ({
            key,
            value: c.value,
            formula: c.formula,
            numFmt: c.numFmt,
            ...(unstyled ? {} : { font: c.font, border: c.border }),
            alignment: c.alignment,
            protection: c.protection,
            ...(withFill ? { fill: c.fill, note: c.note } : {}),
          });
          expect(view(cb, !isFlagged)).toEqual(view(ca, !isFlagged));
          if (isFlagged) {
            expect(MARK_COLOURS).toContain((cb.fill as ExcelJS.FillPattern).fgColor?.argb);
            // A user's own note on a flagged cell is kept, never replaced by ours.
            if (ca.note) expect(cb.note).toEqual(ca.note);
          }
        });
      });
    }
  });
});

/** The copy equals the original except the highlights: fill and notes of flagged cells, the findings sheet. */
function expectOnlyHighlights(a: WorkbookModel, b: WorkbookModel, flagged: ReadonlySet<string>): void {
  // The person's names as they were; after them only the findings sheet's own print area and
  // header rows, local to it (it is the last sheet).
  const findingsSheet = b.sheets.length - 1;
  const ours = new RegExp(`<(?:\\w+:)?definedName name="_xlnm\\.Print_(?:Area|Titles)" localSheetId="${findingsSheet}">[^<]*</(?:\\w+:)?definedName>`, 'g');
  expect([...b.definedNames.matchAll(ours)]).toHaveLength(2);
  const theirs = b.definedNames.replace(ours, '');
  expect(theirs === '<definedNames></definedNames>' ? '' : theirs).toBe(a.definedNames);
  // Charts, drawings, media, theme, tables, pivots, external links, docProps: byte for byte.
  expect([...b.otherParts.keys()].sort()).toEqual([...a.otherParts.keys()].sort());
  for (const [part, bytes] of a.otherParts)
    expect({ part, same: Buffer.from(b.otherParts.get(part)!).equals(Buffer.from(bytes)) }).toEqual({ part, same: true });
  // The original sheets in their order, then exactly one more: the findings sheet.
  expect(b.sheets.slice(0, a.sheets.length).map((s) => [s.name, s.state])).toEqual(a.sheets.map((s) => [s.name, s.state]));
  expect(b.sheets).toHaveLength(a.sheets.length + 1);
  expect(b.sheets[a.sheets.length].state).toBe('visible');

  const changed = new Set<string>();
  for (const sa of a.sheets) {
    const sb = b.sheets.find((s) => s.name === sa.name)!;
    expect(sb.features).toEqual(sa.features);
    expect(sb.rowAttrs).toEqual(sa.rowAttrs);
    expect(sb.tables).toEqual(sa.tables);
    for (const [ref, ca] of sa.cells) {
      const key = `${sa.name}!${ref}`;
      const cb = sb.cells.get(ref);
      expect({ key, present: cb !== undefined }).toEqual({ key, present: true });
      if (!flagged.has(key)) {
        expect({ key, ...cb }).toEqual({ key, ...ca });
        continue;
      }
      changed.add(key);
      const withoutFill = (c: CellModel) => ({ ...c, fill: '' });
      expect({ key, ...withoutFill(cb!) }).toEqual({ key, ...withoutFill(ca) });
      expect(MARK_COLOURS.some((argb) => cb!.fill.includes(`rgb="${argb}"`))).toBe(true);
    }
    // A cell that did not exist appears only to carry a mark, and holds nothing.
    for (const [ref, cb] of sb.cells) {
      const key = `${sa.name}!${ref}`;
      if (sa.cells.has(ref)) continue;
      expect({ key, flagged: flagged.has(key), value: cb.value, formula: cb.formula }).toEqual({ key, flagged: true, value: undefined, formula: undefined });
      changed.add(key);
    }
    // Every note the user wrote is still there, word for word; ours sit only on flagged cells.
    for (const [ref, note] of sa.notes) expect({ ref, note: sb.notes.get(ref) }).toEqual({ ref, note });
    for (const [ref, note] of sb.notes) {
      if (sa.notes.has(ref)) continue;
      expect({ ref, flagged: flagged.has(`${sa.name}!${ref}`), author: note.author }).toEqual({ ref, flagged: true, author: 'Pledge Check' });
    }
  }
  // Every flagged cell was marked, and nothing else was.
  expect([...changed].sort()).toEqual([...flagged].sort());
}

/** What ExcelJS reads but does not type: validation, conditional formats, tables. */
function field(ws: ExcelJS.Worksheet, name: 'dataValidations' | 'conditionalFormattings' | 'tables'): unknown {
  const v = (ws as unknown as Record<string, unknown>)[name];
  return name === 'dataValidations' ? (v as { model: unknown }).model : v;
}
