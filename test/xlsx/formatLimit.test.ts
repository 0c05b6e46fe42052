/**
 * A marked cell's format is asked of the stylesheet once per pair of its own format and mark; a
 * pair with no room left (Excel's MAX_CELL_XFS formats) is asked again each time, so that every
 * cell left unfilled is counted, and the cells whose pair fits are still filled.
 */
import { patchHighlightedCopy } from '../../src/xlsx/write/writeHighlightedCopy';
import { MAX_CELL_XFS } from '../../src/xlsx/patch/patchStyles';
import { minimalPackage, NS, rawCells, text, unzip } from './xlsxTestKit';

function stylesWith(xfs: number): string {
  const xf = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  return (
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS.main}">` +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    `<cellStyleXfs count="1">${xf}</cellStyleXfs>` +
    // Entries that differ (numFmtId), so none of them is the derived format already.
    `<cellXfs count="${xfs}">${Array.from({ length: xfs }, (_, i) => xf.replace('numFmtId="0"', `numFmtId="${i === 0 ? 0 : 1000 + i}"`)).join('')}</cellXfs>` +
    '</styleSheet>'
  );
}

const SHEET =
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS.main}"><sheetData>` +
  '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>' +
  '<row r="2"><c r="A2"><v>4</v></c><c r="B2"><v>5</v></c></row>' +
  '</sheetData></worksheet>';

const marks = (cells: string[], status: 'shortfall' | 'no-data') => cells.map((cell) => ({ sheet: 'Data', cell, status, note: '' }));

describe('the cell format limit', () => {
  it('counts every marked cell left unfilled when no format is left, and fills none of them', () => {
    const pkg = minimalPackage({ sheet: SHEET, styles: stylesWith(MAX_CELL_XFS) });
    const copy = patchHighlightedCopy(pkg, { marks: marks(['A1', 'B1', 'C1', 'A2', 'B2'], 'shortfall'), author: 'Pledge Check' });
    expect(copy.formatsUnavailable).toBe(5);
    const cells = rawCells(text(unzip(copy.zip()), 'xl/worksheets/sheet1.xml'));
    expect(cells.map((c) => c.s ?? '0')).toEqual(['0', '0', '0', '0', '0']);
  });

  it('with room for one more format, the first pair takes it and the cells of the other pair are each counted', () => {
    const pkg = minimalPackage({ sheet: SHEET, styles: stylesWith(MAX_CELL_XFS - 1) });
    const copy = patchHighlightedCopy(pkg, { marks: [...marks(['A1', 'B1', 'C1'], 'shortfall'), ...marks(['A2', 'B2'], 'no-data')], author: 'Pledge Check' });
    expect(copy.formatsUnavailable).toBe(2);
    const cells = rawCells(text(unzip(copy.zip()), 'xl/worksheets/sheet1.xml'));
    const filled = String(MAX_CELL_XFS - 1);
    expect(cells.map((c) => c.s ?? '0')).toEqual([filled, filled, filled, '0', '0']);
  });
});
