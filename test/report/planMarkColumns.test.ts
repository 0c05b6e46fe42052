import { Finding, FindingStatus } from '../../src/evaluate/finding';
import { parseA1 } from '../../src/grid/address';
import { highlightPlanFor } from '../../src/report/highlightPlan';
import { CellMark, markTableOf, MarkStatus, MarkTable } from '../../src/xlsx/write/highlightPlan';
import { PackageSheet } from '../../src/xlsx/package';
import { groupMarks } from '../../src/xlsx/write/sheetMarks';
import { aFinding } from '../helpers/finding';

function finding(i: number, sheet: string, cell: string, status: FindingStatus): Finding {
  // Seven targets, each on many units.
  return aFinding(i, { ruleId: `r${i % 7}`, title: { vi: `Chỉ tiêu ${i % 7}`, en: `Target ${i % 7}` }, sheet, cell, status });
}

/** What the plan's marks are, worked out the plain way: one per sheet and cell text, in order of first finding. */
function expectedMarks(findings: Finding[]): Array<{ sheet: string; cell: string; status: MarkStatus; titles: string[] }> {
  const byKey = new Map<string, { sheet: string; cell: string; status: MarkStatus; titles: string[] }>();
  for (const f of findings) {
    if (f.status === 'met' || !f.cell) continue;
    const key = `${f.sheet}\u0000${f.cell}`;
    const m = byKey.get(key);
    if (!m) byKey.set(key, { sheet: f.sheet, cell: f.cell, status: f.status, titles: [f.message.vi] });
    else {
      if (f.status === 'shortfall') m.status = 'shortfall';
      m.titles.push(f.message.vi);
    }
  }
  return [...byKey.values()];
}

/** Thousands of findings on two sheets, cells shared by several, some not marked at all, one cell written oddly. */
function manyFindings(): Finding[] {
  const out: Finding[] = [];
  const statuses: FindingStatus[] = ['met', 'shortfall', 'no-data'];
  for (let i = 0; i < 9000; i++) {
    const sheet = i % 5 === 0 ? 'Trang 2' : 'Số liệu';
    // Rows far apart and near, columns up to XFD; every 11th shares the cell of the one before.
    const row = i % 11 === 0 && i > 0 ? ((i - 1) * 37) % 200_000 : (i * 37) % 200_000;
    const col = (i * 13) % 16384;
    const cell = i % 997 === 0 ? '' : `${colName(col)}${row + 1}`;
    out.push(finding(i, sheet, cell, statuses[i % 3 === 0 && i % 2 === 0 ? 0 : i % 2 === 0 ? 1 : 2]));
  }
  // A cell text no table gives: kept as it is, merged only with the same text.
  out.push(finding(9000, 'Số liệu', '$C$5', 'no-data'), finding(9001, 'Số liệu', '$C$5', 'shortfall'));
  return out;
}

function colName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

describe("a plan's marks kept as columns", () => {
  const findings = manyFindings();
  const plan = highlightPlanFor(findings, 'vi');
  const expected = expectedMarks(findings);

  it('are the marks worked out the plain way, in the same order, with every finding on a cell in its note', () => {
    expect(plan.marks.map((m) => [m.sheet, m.cell, m.status])).toEqual(expected.map((m) => [m.sheet, m.cell, m.status]));
    plan.marks.forEach((m, i) => {
      const reasons = m.note.split('\n\n').map((n) => n.split('\n')[1]);
      expect(reasons).toEqual(expected[i].titles);
    });
  });

  it('read through the table field by field as the marks say, without making them', () => {
    const table = plan.markTable!;
    expect(table.length).toBe(plan.marks.length);
    plan.marks.forEach((m, i) => {
      expect(table.sheet(i)).toBe(m.sheet);
      expect(table.status(i)).toBe(m.status);
      expect(table.note(i)).toBe(m.note);
      expect(table.hasNote(i)).toBe(true);
      const { row, col } = parseA1(m.cell);
      expect([table.row(i), table.col(i)]).toEqual([row, col]);
    });
  });

  it('group on each sheet into the same cells as a table over the array of marks does', () => {
    const sheets: PackageSheet[] = [
      { name: 'Số liệu', path: 'xl/worksheets/sheet1.xml' } as PackageSheet,
      { name: 'Trang 2', path: 'xl/worksheets/sheet2.xml' } as PackageSheet,
    ];
    const fromColumns = groupMarks(markTableOf(plan), sheets);
    const fromArray = groupMarks(markTableOf({ marks: [...plan.marks], author: '' }), sheets);
    expect([...fromColumns.keys()]).toEqual([...fromArray.keys()]);
    for (const [sheet, marks] of fromColumns) {
      const other = fromArray.get(sheet)!;
      expect(marks.cellCount).toBe(other.cellCount);
      expect([...marks.keys()]).toEqual([...other.keys()]);
      for (let c = 0; c < marks.cellCount; c++) {
        expect([marks.row(c), marks.col(c), marks.status(c), marks.note(c)]).toEqual([other.row(c), other.col(c), other.status(c), other.note(c)]);
      }
    }
  });
});

describe('a sheet’s marks', () => {
  /** A table over plain marks, as a caller without columns gives them. */
  const table = (marks: CellMark[]): MarkTable => markTableOf({ marks, author: '' });
  const sheets = [{ name: 'Số liệu', path: 'xl/worksheets/sheet1.xml' } as PackageSheet, { name: 'Khác', path: 'xl/worksheets/sheet2.xml' } as PackageSheet];
  const mark = (cell: string, status: MarkStatus, note: string, sheet = 'Số liệu'): CellMark => ({ sheet, cell, status, note });

  it('are in row and column order; marks on one cell merge, shortfall showing, each note once', () => {
    const grouped = groupMarks(
      table([mark('D7', 'no-data', 'a'), mark('B2', 'no-data', ''), mark('A7', 'no-data', 'b'), mark('$D$7', 'shortfall', 'c'), mark('D7', 'no-data', 'a')]),
      sheets,
    );
    const marks = grouped.get(sheets[0])!;
    expect([...grouped.keys()]).toEqual([sheets[0]]);
    expect([...marks.keys()]).toEqual([1, 6]);
    expect(marks.get(6)).toEqual([
      [0, 1],
      [3, 2],
    ]);
    expect(marks.get(5)).toBeUndefined();
    expect([0, 1, 2].map((c) => [marks.status(c), marks.hasNote(c), marks.note(c)])).toEqual([
      ['no-data', false, ''],
      ['no-data', true, 'b'],
      ['shortfall', true, 'a\n\nc'],
    ]);
  });

  it('list sheets named exactly in workbook order, then those named another way as they come', () => {
    const grouped = groupMarks(
      table([mark('A1', 'no-data', '', 'SỐ LIỆU'), mark('A2', 'no-data', '', 'Khác'), mark('A3', 'shortfall', '', 'Số liệu')]),
      sheets,
    );
    expect([...grouped.keys()]).toEqual([sheets[0], sheets[1]]);
    expect([...grouped.get(sheets[0])!.keys()]).toEqual([0, 2]);
  });

  it('refuse a sheet the workbook lacks and a cell that is not an address', () => {
    expect(() => groupMarks(table([mark('A1', 'no-data', '', 'Không có')]), sheets)).toThrow(/Không có/);
    expect(() => groupMarks(table([mark('tổng', 'no-data', '')]), sheets)).toThrow(/Not an A1 cell address/);
  });
});
