import { parseA1, scanA1 } from '../../src/grid/address';

// The regexes the four readers used before they shared scanA1: each answer must stay the same.
const READER = /^([A-Za-z]+)(\d+)$/;
const ADDRESS = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const column = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

const SAMPLES = [
  'A1',
  'b12',
  'XFD1048576',
  'AB0012',
  '$C$7',
  'C$7',
  '$C7',
  '$$C7',
  'C7$',
  'ABCD1',
  'A12345678',
  'A',
  '12',
  '',
  ' A1',
  'Á1',
  'A1B',
  'A-1',
  '@1',
  '[1',
  'z9',
];

describe('scanA1, the one reader of cell references', () => {
  it('reads what the workbook reader read, and refuses the rest', () => {
    for (const s of SAMPLES) {
      const m = READER.exec(s);
      expect([s, scanA1(s) && { row: scanA1(s)!.row, col: scanA1(s)!.col }]).toEqual([s, m ? { row: Number(m[2]) - 1, col: column(m[1]) } : undefined]);
    }
  });

  it('lets parseA1 accept exactly the addresses it accepted, with `$` and spaces', () => {
    for (const s of [...SAMPLES, ' $B$3 ', 'AAA9999999', 'AAA10000000']) {
      const m = ADDRESS.exec(s.trim());
      if (m) expect(parseA1(s)).toEqual({ row: Number(m[2]) - 1, col: column(m[1]) });
      else expect(() => parseA1(s)).toThrow('Not an A1 cell address');
    }
  });

  it('counts the letters and digits, for the callers that bound them', () => {
    expect(scanA1('$XFD$1048576', true)).toEqual({ row: 1048575, col: 16383, letters: 3, digits: 7 });
    expect(scanA1('$XFD$1048576')).toBeUndefined();
  });
});
