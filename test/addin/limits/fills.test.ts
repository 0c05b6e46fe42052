import { parseA1 } from '../../../src/grid/address';
import { PledgeChecker } from '../../../src/evaluate/checkGrid';
import { defaultPack } from '../../../src/packs/builtinPacks';
import { CellFill, fillOf } from '../../../addin/excel/cellFill';
import { checkWorkbook } from '../../../addin/excel/checkWorkbook';
import { clearHighlights } from '../../../addin/excel/clearHighlights';
import { FakeExcel } from '../fakeExcel/fakeExcel';
import { FakeWorkbook } from '../fakeExcel/fakeWorkbook';
import { fakeFor, gridOf, workbookFiles } from '../helpers';

/**
 * Issue #13 (8). Excel reports "#FFFFFF" for no fill and for white, and (office-js #4900) a null
 * pattern for both; only a null tintAndShade means no fill. Clear must put back exactly: no fill,
 * white, a theme colour with a tint, a pattern.
 */
const checker = new PledgeChecker(defaultPack());
const ALL = { notes: true, comments: true };

const KINDS: Record<string, CellFill | undefined> = {
  'no fill': undefined,
  white: { pattern: 'Solid', color: '#FFFFFF', patternColor: '', tintAndShade: 0, patternTintAndShade: 0 },
  'theme colour, lighter 60 %': { pattern: 'Solid', color: '#4472C4', patternColor: '', tintAndShade: 0.6, patternTintAndShade: 0 },
  'a pattern': { pattern: 'Gray25', color: '#FFF2CC', patternColor: '#7F7F7F', tintAndShade: 0, patternTintAndShade: -0.25 },
};

async function flaggedCells(state: FakeWorkbook): Promise<{ sheet: string; row: number; col: number }[]> {
  const outcome = await checkWorkbook(new FakeExcel(state.reopened()).context, checker, 'vi', ALL);
  const seen = new Set<string>();
  const out: { sheet: string; row: number; col: number }[] = [];
  for (const f of outcome.findings.filter((x) => x.status !== 'met')) {
    const a1 = f.status === 'no-data' && f.noData && 'cell' in f.noData ? f.noData.cell : f.cell;
    if (seen.has(`${f.sheet}!${a1}`)) continue;
    seen.add(`${f.sheet}!${a1}`);
    out.push({ sheet: f.sheet, ...parseA1(a1) });
  }
  return out;
}

describe('Clear puts every kind of fill back exactly', () => {
  it.each(Object.keys(KINDS))('%s', async (kind) => {
    const state = fakeFor(gridOf(workbookFiles()[0].path), { fills: false });
    const cells = await flaggedCells(state);
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) {
      const fill = KINDS[kind];
      if (fill) state.sheet(c.sheet).fills.set(`${c.row},${c.col}`, { ...fill });
      else state.sheet(c.sheet).fills.delete(`${c.row},${c.col}`);
    }
    const before = state.snapshot();
    const outcome = await checkWorkbook(new FakeExcel(state).context, checker, 'vi', ALL);
    expect(outcome.write.marked).toBe(cells.length);
    expect(state.snapshot()).not.toEqual(before);
    await clearHighlights(new FakeExcel(state).context, ALL);
    expect(state.snapshot()).toEqual(before);
  });
});

describe('fillOf reads what Excel reports', () => {
  it('tells no fill from white by the tint alone when the pattern is missing', () => {
    const read = (fill: Record<string, unknown>) => fillOf({ format: { fill } } as Excel.CellProperties);
    expect(read({ color: '#FFFFFF', pattern: null, tintAndShade: null }).pattern).toBe('None');
    expect(read({ color: '#FFFFFF', pattern: null, tintAndShade: 0 })).toMatchObject({ pattern: 'Solid', color: '#FFFFFF' });
    expect(read({ color: '#FFFFFF', pattern: 'None', tintAndShade: null }).pattern).toBe('None');
    expect(read({ color: '#FFF2CC', pattern: 'Gray25', patternColor: '#7F7F7F', tintAndShade: 0 })).toMatchObject({
      pattern: 'Gray25',
      patternColor: '#7F7F7F',
    });
  });
});
