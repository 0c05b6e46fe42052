/**
 * patchSheetCells finds target cells by their `r="C5"` when it can, and walks the row's cells
 * otherwise. Both ways must give the same sheet and ask for styles in the same order: the walk is
 * forced here by a comment after the root element (a text with comments is never searched).
 */
import { CellTargets, patchSheetCells } from '../../src/xlsx/patch/patchSheetCells';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function patch(xml: string, targets: CellTargets<string>): { xml: string; asked: string[] } {
  const asked: string[] = [];
  const out = patchSheetCells(xml, targets, (base, t) => (asked.push(`${t}:${base}`), base + 100), 'xl/worksheets/sheet1.xml');
  return { xml: out, asked };
}

function bothWays(body: string, targets: CellTargets<string>): void {
  const xml = `${HEAD}${body}`;
  const searched = patch(xml, targets);
  const walked = patch(`${xml}<!-- walk -->`, targets);
  expect(`${searched.xml}<!-- walk -->`).toBe(walked.xml);
  expect(searched.asked).toEqual(walked.asked);
}

const targets = (...cells: Array<[number, number, string]>): CellTargets<string> => {
  const m = new Map<number, Map<number, string>>();
  for (const [row, col, t] of cells) {
    if (!m.has(row)) m.set(row, new Map());
    (m.get(row) as Map<number, string>).set(col, t);
  }
  return m;
};

const sheet = (rows: string, ns = '') =>
  `<${ns}worksheet xmlns${ns ? `:${ns.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${ns}dimension ref="A1:D3"/><${ns}sheetData>${rows}</${ns}sheetData></${ns}worksheet>`;

describe('cells found by reference and cells found by walking the row agree', () => {
  it('every target written with r', () => {
    bothWays(
      sheet(
        '<row r="1"><c r="A1" s="3"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1" t="s" s="7"><v>0</v></c></row><row r="2"><c r="A2"/><c r="B2"><f>A2</f><v>0</v></c></row>',
      ),
      targets([0, 0, 'x'], [0, 2, 'y'], [1, 1, 'z']),
    );
  });

  it('a target the row lacks (a cell is created in column order)', () => {
    bothWays(sheet('<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row>'), targets([0, 1, 'new'], [0, 2, 'old']));
  });

  it('a row the sheet lacks', () => {
    bothWays(sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="A3"><v>1</v></c></row>'), targets([1, 0, 'x'], [2, 0, 'y']));
  });

  it('cells without r, lower-case and single-quoted references', () => {
    bothWays(
      sheet('<row r="1"><c><v>1</v></c><c><v>2</v></c></row><row r="2"><c r="a2"><v>1</v></c><c r=\'B2\'><v>2</v></c></row>'),
      targets([0, 1, 'x'], [1, 0, 'y'], [1, 1, 'z']),
    );
  });

  it('prefixed elements', () => {
    bothWays(sheet('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1" s="2"><x:v>2</x:v></x:c></x:row>', 'x:'), targets([0, 1, 'x']));
  });

  it('the reference written inside a text or another attribute before the cell', () => {
    bothWays(
      sheet(
        '<row r="2"><c r="A2" t="inlineStr"><is><t> r="B2"</t></is></c><c r="B2"><v>1</v></c></row>' +
          `<row r="3"><c r="A3" t="inlineStr" xx=' r="B3"'><is><t>x</t></is></c><c r="B3"><v>1</v></c></row>`,
      ),
      targets([1, 1, 'x'], [2, 1, 'y']),
    );
  });

  it('a self-closing row, and a row whose cells come after other elements', () => {
    bothWays(sheet('<row r="1"/><row r="2"><c r="A2"><v>1</v></c><extLst/></row>'), targets([0, 0, 'x'], [1, 0, 'y'], [1, 3, 'z']));
  });
});
