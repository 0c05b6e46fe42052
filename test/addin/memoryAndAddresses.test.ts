import { addressChunks, areasForCells } from '../../addin/excel/addressList';
import { reasonHash } from '../../addin/excel/cellReasons';
import { MEMORY_NAMESPACE, memoryXml, parseMemoryXml, RememberedCell } from '../../addin/excel/memoryXml';

const fill = { pattern: 'Gray25', color: '#FFFFFF', patternColor: '#A6A6A6', tintAndShade: 0.6, patternTintAndShade: -0.25 };

describe('the stored highlight memory', () => {
  const cells: RememberedCell[] = [
    { sheet: `Báo cáo "A&B" <2024> 'x'`, cell: 'E9', fill, attached: { kind: 'note', hash: 'abcd1234-20' } },
    { sheet: 'Cụm 1', cell: 'AB1048576', fill: { ...fill, pattern: 'None' } },
  ];

  it('reads back exactly what it wrote, whatever the sheet name holds', () => {
    expect(parseMemoryXml(memoryXml(cells))).toEqual(cells);
    expect(memoryXml(cells)).toMatch(new RegExp(`^<highlights xmlns="${MEMORY_NAMESPACE}">`));
  });

  it('tolerates what Excel may do to a stored part: a declaration, a prefix, other quotes and escapes', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><ns0:highlights xmlns:ns0="${MEMORY_NAMESPACE}"><ns0:c s='C&#7909;m 1' a='E9' p='Solid' fc='#DDEBF7' pc='' t='0' pt='0'></ns0:c></ns0:highlights>`;
    expect(parseMemoryXml(xml)).toEqual([
      { sheet: 'Cụm 1', cell: 'E9', fill: { pattern: 'Solid', color: '#DDEBF7', patternColor: '', tintAndShade: 0, patternTintAndShade: 0 } },
    ]);
  });

  it('skips an element it cannot restore from rather than guessing', () => {
    expect(parseMemoryXml(`<highlights><c s="A" a="not-a-cell" p="None"/><c a="B2" p="None"/><c s="A" a="B2"/></highlights>`)).toEqual([]);
  });

  it('fingerprints a reason blind to line-break style and Unicode form, not to its words', () => {
    const text = 'Pledge Check:\nChưa đạt — Giảm ít nhất 5% số vụ';
    expect(reasonHash(text.replace(/\n/g, '\r\n'))).toBe(reasonHash(text));
    expect(reasonHash(text.normalize('NFD'))).toBe(reasonHash(text));
    expect(reasonHash(text + ' Đã xem.')).not.toBe(reasonHash(text));
  });
});

describe('addresses for getRanges', () => {
  it('joins consecutive rows of a column into one area, sorted, without duplicates', () => {
    const areas = areasForCells(['E9', 'E10', 'E11', 'E13', 'C4', 'E10']);
    expect(areas).toEqual([
      { top: 3, bottom: 3, left: 2, right: 2 },
      { top: 8, bottom: 10, left: 4, right: 4 },
      { top: 12, bottom: 12, left: 4, right: 4 },
    ]);
    expect(addressChunks(areas)).toEqual(['C4, E9:E11, E13']);
  });

  it('splits into chunks of at most 400 areas and 8,000 characters', () => {
    const cells = Array.from({ length: 2_000 }, (_, i) => `XFD${i * 2 + 1}`);
    const chunks = addressChunks(areasForCells(cells));
    expect(chunks.length).toBeGreaterThanOrEqual(5);
    for (const c of chunks) {
      expect(c.split(', ').length).toBeLessThanOrEqual(400);
      expect(c.length).toBeLessThanOrEqual(8_000);
    }
    expect(chunks.join(', ').split(', ')).toHaveLength(2_000);
    const long = addressChunks(areasForCells(cells), 400, 100);
    for (const c of long) expect(c.length).toBeLessThanOrEqual(100);
  });
});
