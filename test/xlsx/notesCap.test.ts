/**
 * Past MAX_CELL_NOTES flagged cells a copy carries no notes: the cells are still filled and every
 * reason is on the findings sheet, which links to its cell.
 */
import { HighlightPlan } from '../../src/xlsx/write/highlightPlan';
import { MAX_CELL_NOTES, patchHighlightedCopy, writeHighlightedCopy } from '../../src/xlsx/write/writeHighlightedCopy';
import { xlsxPackage } from '../badInput/corpus';
import { rawCells, text, unzip } from './xlsxTestKit';

const SHEET = 'Số liệu';

function workbook(rows: number): Uint8Array {
  return xlsxPackage({ sheets: [{ name: SHEET, rows: Array.from({ length: rows }, (_, i) => [i + 1]) }] });
}

function planFor(cells: number, findingsSheet = true): HighlightPlan {
  const marks = Array.from({ length: cells }, (_, i) => ({ sheet: SHEET, cell: `A${i + 1}`, status: 'shortfall' as const, note: `Chưa đạt — dòng ${i + 1}` }));
  return {
    author: 'Pledge Check',
    marks,
    findingsSheet: findingsSheet
      ? {
          name: 'Kết quả kiểm tra',
          header: ['Ô', 'Lý do'],
          rows: marks.map((m) => ({ values: [m.cell, m.note], status: 'shortfall' as const, link: { sheet: SHEET, cell: m.cell, column: 0 } })),
        }
      : undefined,
  };
}

const notesParts = (parts: Map<string, Uint8Array>) => [...parts.keys()].filter((n) => /comments|vmlDrawing/.test(n));

describe('the cap on cell notes', () => {
  const over = MAX_CELL_NOTES + 1;
  const bytes = workbook(over);

  it(`over ${MAX_CELL_NOTES} cells: no notes, every cell still filled, the reasons on the findings sheet`, () => {
    const patched = patchHighlightedCopy(bytes, planFor(over));
    expect(patched.notesOmitted).toBe(over);
    expect(patched.findingsSheetName).toBe('Kết quả kiểm tra');
    const parts = unzip(patched.zip());
    expect(notesParts(parts)).toEqual([]);
    const sheet = text(parts, 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toContain('legacyDrawing');
    expect(rawCells(sheet).every((c) => c.s !== undefined && c.s !== '0')).toBe(true);
    expect(text(parts, 'xl/workbook.xml')).toContain('name="K&#7871;t qu&#7843; ki&#7875;m tra"');
    expect(text(parts, 'xl/worksheets/sheet2.xml')).toContain(`Chưa đạt — dòng ${over}`);
  });

  it('past the cap, a note that says it is there (hasNote) is never written, so never read', () => {
    let read = 0;
    const plan = planFor(over);
    const marks = plan.marks.map((m) => ({
      sheet: m.sheet,
      cell: m.cell,
      status: m.status,
      hasNote: true,
      get note() {
        read++;
        return m.note;
      },
    }));
    const patched = patchHighlightedCopy(bytes, { ...plan, marks });
    expect([patched.notesOmitted, read]).toEqual([over, 0]);
  });

  it(`exactly ${MAX_CELL_NOTES} cells: every cell has its note`, () => {
    const patched = patchHighlightedCopy(workbook(MAX_CELL_NOTES), planFor(MAX_CELL_NOTES));
    expect(patched.notesOmitted).toBe(0);
    const parts = unzip(patched.zip());
    expect(notesParts(parts).length).toBe(2);
    expect(text(parts, 'xl/comments1.xml').match(/<comment /g)).toHaveLength(MAX_CELL_NOTES);
  });

  it('a plan without a findings sheet keeps its notes, however many: they are the only place its reasons are', () => {
    const parts = unzip(writeHighlightedCopy(bytes, planFor(over, false)));
    expect(text(parts, 'xl/comments1.xml').match(/<comment /g)).toHaveLength(over);
  });
});
