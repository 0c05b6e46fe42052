/**
 * Row heights of a findings sheet are counted without splitting the text and memoised per text:
 * they must be those of splitting each line into words (code points, spaces only, a word longer
 * than a line broken where the line ends, a line of capitals holding fewer characters).
 */
import { ColumnLayout, LINE_HEIGHT, rowHeight } from '../../src/xlsx/write/findingsSheetLayout';

/** The counting as it was written first: split into lines, then words. */
function referenceHeight(values: ReadonlyArray<string | null>, cols: ReadonlyArray<ColumnLayout>): number | undefined {
  const points = (s: string) => Array.from(s).length;
  const wrapped = (line: string, room: number) => {
    if (points(line) <= room) return 1;
    let lines = 1;
    let used = 0;
    for (const word of line.split(' ')) {
      let n = points(word);
      if (used > 0 && used + 1 + n <= room) {
        used += 1 + n;
        continue;
      }
      if (used > 0) {
        lines++;
        used = 0;
      }
      while (n > room) {
        lines++;
        n -= room;
      }
      used = n;
    }
    return lines;
  };
  let lines = 1;
  values.forEach((v, c) => {
    const col = cols[c];
    if (!col || !col.wrap || typeof v !== 'string') return;
    const fits = Math.max(1, Math.floor(col.width * 0.8));
    let cell = 0;
    for (const line of v.split('\n')) {
      const capitals = line === line.toLocaleUpperCase('vi') && line !== line.toLocaleLowerCase('vi');
      cell += points(line) <= fits ? 1 : wrapped(line, Math.max(1, Math.floor(col.width * (capitals ? 0.8 : 1.05))));
    }
    lines = Math.max(lines, cell);
  });
  return lines > 1 ? lines * LINE_HEIGHT : undefined;
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

const PIECES = ['Công', 'an', 'xã', 'số', '1', 'CHƯA', 'ĐẠT', 'tỷ lệ', '89,1\u00a0%', '😀', '\ud800', 'x'.repeat(45), ' ', '  ', '\n', 'ABC', 'Đ'];

describe('row heights of wrapped cells', () => {
  it('are those of splitting the lines into words, for mixed, capital, long and surrogate text', () => {
    const next = random(7);
    const cols: ColumnLayout[] = [
      { width: 22, wrap: true },
      { width: 8, wrap: true },
      { width: 36, wrap: false },
      { width: 1, wrap: true },
    ];
    for (let i = 0; i < 3000; i++) {
      const values = cols.map(() => {
        if (next() < 0.1) return null;
        let s = '';
        const words = Math.floor(next() * 14);
        for (let w = 0; w < words; w++) s += (next() < 0.7 ? ' ' : '') + PIECES[Math.floor(next() * PIECES.length)];
        return s;
      });
      // Asked twice: the second answer comes from the memo.
      expect([rowHeight(values, cols, (c) => cols[c].wrap), rowHeight(values, cols, (c) => cols[c].wrap)]).toEqual([
        referenceHeight(values, cols),
        referenceHeight(values, cols),
      ]);
    }
  });
});
