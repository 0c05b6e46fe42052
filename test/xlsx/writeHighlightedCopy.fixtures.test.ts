import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import { CellMark, HighlightPlan, MarkStatus } from '../../src/xlsx/write/highlightPlan';
import { writeHighlightedCopy } from '../../src/xlsx/write/writeHighlightedCopy';
import { commentsByRef, expectDerivedXfs, expectOnlyAllowedPartsChanged, expectOnlyFlaggedStylesChanged, expectSheetFrameUnchanged } from './patchAssertions';
import { assertWellFormed, FIXTURES, haveFixtures, tags, text, unzip } from './xlsxTestKit';

interface Expected {
  ruleId: string;
  unit: string;
  status: 'met' | MarkStatus;
  actual?: number | null;
  cells: string[];
  sheet: string;
}

const expectedAll: Record<string, { sheet: string; expected: Expected[] }> = haveFixtures
  ? JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8'))
  : {};

/** One mark per finding and cell, as the evaluator emits them (a cell in two findings gets two). */
function planFor(file: string): HighlightPlan {
  const { expected } = expectedAll[file];
  const marks: CellMark[] = [];
  for (const e of expected) {
    if (e.status === 'met') continue;
    for (const cell of e.cells) {
      marks.push({
        sheet: e.sheet,
        cell,
        status: e.status,
        note: `${e.ruleId} (${e.unit}): ${e.status === 'shortfall' ? 'chưa đạt' : 'không có số liệu'}, thực tế ${e.actual ?? '—'}`,
      });
    }
  }
  return {
    author: 'Kiểm tra chỉ tiêu thi đua',
    marks,
    findingsSheet: {
      name: 'Kết quả kiểm tra',
      header: ['Đơn vị', 'Chỉ tiêu', 'Trạng thái', 'Thực tế', 'Ô'],
      statusColumn: 2,
      rows: expected.map((e) => ({
        values: [e.unit, e.ruleId, e.status, e.actual ?? null, e.cells.join(', ')],
        status: e.status,
        link: { sheet: e.sheet, cell: e.cells[0], column: 4 },
      })),
    },
  };
}

function sheetPathOf(parts: Map<string, Uint8Array>, name: string): string {
  const wb = text(parts, 'xl/workbook.xml');
  const sheet = tags(wb, 'sheet').find((s) => decodeEntities(s.name) === name) as Record<string, string>;
  const rel = tags(text(parts, 'xl/_rels/workbook.xml.rels'), 'Relationship').find((r) => r.Id === sheet['r:id']) as Record<string, string>;
  return rel.Target.startsWith('/') ? rel.Target.slice(1) : `xl/${rel.Target}`;
}

function decodeEntities(s: string): string {
  return s.replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');
}

/** Cell values through ExcelJS's streaming reader (its normal reader throws on openpyxl charts). */
async function streamValues(bytes: Uint8Array): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'ignore',
  });
  for await (const ws of reader) {
    // Sheets may be emitted in any order; `id` is the N of worksheets/sheetN.xml.
    const id = (ws as unknown as { id: number }).id;
    for await (const row of ws) {
      row.eachCell({ includeEmpty: false }, (cell) => out.set(`${id}!${cell.address}`, cell.value));
    }
  }
  return out;
}

const files = Object.keys(expectedAll);
const maybe = haveFixtures ? describe : describe.skip;

maybe.each(files.length ? files : ['(no fixtures)'])('writeHighlightedCopy on fixture %s', (file) => {
  let input: Uint8Array;
  let output: Uint8Array;
  let before: Map<string, Uint8Array>;
  let after: Map<string, Uint8Array>;
  let plan: HighlightPlan;
  let sheetPath: string;

  beforeAll(() => {
    input = new Uint8Array(fs.readFileSync(path.join(FIXTURES, file)));
    plan = planFor(file);
    output = writeHighlightedCopy(input, plan);
    before = unzip(input);
    after = unzip(output);
    sheetPath = sheetPathOf(before, expectedAll[file].sheet);
  });

  it('changes only the allowed parts, and writes them well-formed', () => {
    expectOnlyAllowedPartsChanged(before, after, [sheetPath]);
    for (const [name, bytes] of after) {
      if (/\.(xml|rels|vml)$/.test(name) && before.get(name) !== bytes) assertWellFormed(Buffer.from(bytes).toString('utf8'), name);
    }
  });

  it('changes only the s attribute of flagged cells, with faithful derived formats', () => {
    const flagged = new Map<string, MarkStatus>();
    for (const m of plan.marks) if (flagged.get(m.cell) !== 'shortfall') flagged.set(m.cell, m.status);
    const changes = expectOnlyFlaggedStylesChanged(
      text(before, sheetPath),
      text(after, sheetPath),
      [...flagged].map(([ref, status]) => ({ ref, status })),
    );
    expectDerivedXfs(text(before, 'xl/styles.xml'), text(after, 'xl/styles.xml'), changes);
    expectSheetFrameUnchanged(text(before, sheetPath), text(after, sheetPath));
  });

  it('attaches a note to every flagged cell, merging notes of one cell', () => {
    const rels = tags(text(after, sheetPath.replace(/([^/]+)$/, '_rels/$1.rels')), 'Relationship');
    const commentRels = rels.filter((r) => r.Type.endsWith('/comments'));
    expect(commentRels).toHaveLength(1);
    const target = commentRels[0].Target;
    const commentsPath = target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(sheetPath), target));
    const comments = commentsByRef(text(after, commentsPath));
    const byCell = new Map<string, string[]>();
    for (const m of plan.marks) byCell.set(m.cell, [...(byCell.get(m.cell) ?? []), m.note]);
    for (const [cell, notes] of byCell) {
      const original = commentsByRef(before.has(commentsPath) ? text(before, commentsPath) : '<x/>').get(cell);
      expect(comments.get(cell)).toBe(original ?? [...new Set(notes)].join('\n\n'));
    }
    expect(tags(text(after, sheetPath), 'legacyDrawing')).toHaveLength(1);
  });

  it('appends the findings sheet with links to the flagged cells', () => {
    const sheets = tags(text(after, 'xl/workbook.xml'), 'sheet');
    expect(sheets.length).toBe(tags(text(before, 'xl/workbook.xml'), 'sheet').length + 1);
    const p = sheetPathOf(after, 'Kết quả kiểm tra');
    const xml = text(after, p);
    const links = tags(xml, 'hyperlink');
    expect(links).toHaveLength(expectedAll[file].expected.length);
    expect(links[0].location).toBe(`'${expectedAll[file].sheet}'!${expectedAll[file].expected[0].cells[0]}`);
  });

  it('reads back with the same cell values', async () => {
    const a = await streamValues(input);
    const b = await streamValues(output);
    expect(a.size).toBeGreaterThan(20);
    for (const [k, v] of a) expect({ k, v: b.get(k) }).toEqual({ k, v });
    if (file !== 'ca-thanh-hoa-2024-bieu-do.xlsx') {
      // ExcelJS's full reader throws on the openpyxl chart fixture whatever we do; the others load.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(output) as unknown as ExcelJS.Buffer);
      expect(wb.worksheets.length).toBe(tags(text(before, 'xl/workbook.xml'), 'sheet').length + 1);
    }
  });
});

const maybeBieuDo = haveFixtures && fs.existsSync(path.join(FIXTURES, 'ca-thanh-hoa-2024-bieu-do.xlsx')) ? describe : describe.skip;

maybeBieuDo('the openpyxl fixture with a chart, a comment, a conditional format and a defined name', () => {
  const file = 'ca-thanh-hoa-2024-bieu-do.xlsx';
  let before: Map<string, Uint8Array>;
  let after: Map<string, Uint8Array>;

  beforeAll(() => {
    const input = new Uint8Array(fs.readFileSync(path.join(FIXTURES, file)));
    const base = planFor(file);
    // G21 carries the user's own comment: it gets the fill but keeps its comment.
    const plan: HighlightPlan = { ...base, marks: [...base.marks, { sheet: 'Báo cáo', cell: 'G21', status: 'no-data', note: 'không được ghi đè' }] };
    after = unzip(writeHighlightedCopy(input, plan));
    before = unzip(input);
  });

  it('keeps the chart, its drawing and their relationships byte for byte', () => {
    for (const p of [
      'xl/charts/chart1.xml',
      'xl/drawings/drawing1.xml',
      'xl/drawings/_rels/drawing1.xml.rels',
      'xl/theme/theme1.xml',
      'docProps/app.xml',
      'docProps/core.xml',
    ]) {
      expect({ p, same: Buffer.compare(Buffer.from(after.get(p) as Uint8Array), Buffer.from(before.get(p) as Uint8Array)) }).toEqual({ p, same: 0 });
    }
    const sheet = text(after, 'xl/worksheets/sheet1.xml');
    expect(tags(sheet, 'drawing')).toEqual(tags(text(before, 'xl/worksheets/sheet1.xml'), 'drawing'));
    expect(text(after, 'xl/worksheets/_rels/sheet1.xml.rels')).toBe(text(before, 'xl/worksheets/_rels/sheet1.xml.rels'));
  });

  it('adds our notes to the existing comment part and VML, keeping the user comment', () => {
    expect([...after.keys()].filter((k) => /comment/i.test(k)).sort()).toEqual([...before.keys()].filter((k) => /comment/i.test(k)).sort());
    const comments = commentsByRef(text(after, 'xl/comments/comment1.xml'));
    expect(comments.get('G21')).toBe('Số liệu PC08 cung cấp ngày 14/12/2024');
    expect(comments.get('E12')).toMatch(/serious-cases-cleared-95pct/);
    expect(text(after, 'xl/comments/comment1.xml')).toContain('<author>Phòng Tham mưu</author>');
    const vml = text(after, 'xl/drawings/commentsDrawing1.vml');
    expect(vml.startsWith(text(before, 'xl/drawings/commentsDrawing1.vml').slice(0, -'</xml>'.length))).toBe(true);
    expect([...vml.matchAll(/ObjectType="Note"/g)].length).toBe(comments.size);
  });

  it('keeps the conditional format and the defined name', () => {
    const cf = (x: string) => /<conditionalFormatting[\s\S]*?<\/conditionalFormatting>/.exec(x)?.[0];
    expect(cf(text(after, 'xl/worksheets/sheet1.xml'))).toBe(cf(text(before, 'xl/worksheets/sheet1.xml')));
    // The person's names byte for byte, then the findings sheet's print area and titles (local to it).
    const dn = (x: string) => /<definedNames>([\s\S]*?)<\/definedNames>/.exec(x)?.[1] ?? '';
    const mine = dn(text(before, 'xl/workbook.xml'));
    expect(mine).not.toBe('');
    const ours = dn(text(after, 'xl/workbook.xml'));
    expect(ours.startsWith(mine)).toBe(true);
    expect(ours.slice(mine.length)).toMatch(
      /^<definedName name="_xlnm\.Print_Area" localSheetId="\d+">[^<]+<\/definedName><definedName name="_xlnm\.Print_Titles" localSheetId="\d+">[^<]+<\/definedName>$/,
    );
    expect(text(after, 'xl/styles.xml')).toContain(/<dxfs[\s\S]*?<\/dxfs>/.exec(text(before, 'xl/styles.xml'))?.[0]);
  });
});
