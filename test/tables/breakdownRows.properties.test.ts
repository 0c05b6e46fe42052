import fc from 'fast-check';
import { CellValue } from '../../src/grid/cell';
import { defaultPack } from '../../src/packs/builtinPacks';
import { findIndicatorTables } from '../../src/tables/findIndicatorTables';
import { LabelMatcher } from '../../src/tables/labelMatcher';
import { sheet, workbook } from '../helpers/grid';

const matcher = new LabelMatcher(defaultPack());

/** Indicators as a report writes them, and breakdowns of each that repeat its words with a qualifier. */
const PARENTS: Array<{ id: string; label: string; parts: string[] }> = [
  {
    id: 'criminal-cases',
    label: 'Số vụ phạm pháp hình sự',
    parts: ['số vụ PPHS do người chưa thành niên gây ra', 'số vụ phạm pháp hình sự về ma túy', 'Số vụ PPHS có tổ chức', 'số vụ phạm pháp hình sự trên mạng'],
  },
  {
    id: 'traffic-deaths',
    label: 'Số người chết do tai nạn giao thông',
    parts: ['Số người chết do TNGT đường bộ', 'số người chết do tai nạn giao thông đường thủy', 'Số người chết do TNGT đường sắt'],
  },
  { id: 'wrongful-convictions', label: 'Số vụ án oan', parts: ['số vụ án oan liên quan đến tham nhũng'] },
];
const MARKERS = ['- Trong đó: ', 'Trong đó: ', '+ ', '- ', 'a) ', 'b) ', '1.1. ', '– ', '• '];

// Whatever the marker and the order of the breakdown rows, each indicator is read once, from its own row.
describe('breakdown rows (generated)', () => {
  it('are never a second copy of the indicator above them', () => {
    const child = fc.record({ part: fc.nat(), marker: fc.constantFrom(...MARKERS), figure: fc.integer({ min: 0, max: 500 }) });
    const block = fc.record({ parent: fc.constantFrom(...PARENTS), children: fc.array(child, { minLength: 1, maxLength: 3 }) });
    fc.assert(
      fc.property(fc.uniqueArray(block, { minLength: 1, maxLength: 3, selector: (b) => b.parent.id }), fc.boolean(), (blocks, currentFirst) => {
        const rows: CellValue[][] = [
          ['CÔNG AN TỈNH ĐIỆN BIÊN'],
          ['STT', 'Nội dung chỉ tiêu', currentFirst ? 'Năm 2025' : 'Năm 2024', currentFirst ? 'Năm 2024' : 'Năm 2025'],
        ];
        const parentRow = new Map<string, number>();
        blocks.forEach((b, i) => {
          parentRow.set(b.parent.id, rows.length + 1);
          rows.push([String(i + 1), b.parent.label, 100 + i, 90 + i]);
          for (const c of b.children) rows.push([null, c.marker + b.parent.parts[c.part % b.parent.parts.length], c.figure, c.figure]);
        });
        const tables = findIndicatorTables(workbook(sheet('Biểu', rows)), matcher);
        const seen = new Map<string, string[]>();
        for (const t of tables)
          for (const o of t.observations) seen.set(`${o.indicator}@${o.period}`, [...(seen.get(`${o.indicator}@${o.period}`) ?? []), o.cell]);
        for (const b of blocks) {
          const row = parentRow.get(b.parent.id)!;
          expect(seen.get(`${b.parent.id}@current`)).toEqual([`${currentFirst ? 'C' : 'D'}${row}`]);
          expect(seen.get(`${b.parent.id}@baseline`)).toEqual([`${currentFirst ? 'D' : 'C'}${row}`]);
        }
      }),
    );
  });
});
