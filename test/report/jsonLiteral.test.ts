import { jsonInside, jsonNumber, jsonString, memoText2, memoText3 } from '../../src/report/jsonLiteral';

describe('JSON literals written by hand', () => {
  it('spell strings and numbers as JSON.stringify does', () => {
    for (const s of ['Công an tỉnh', 'a"b', 'back\\slash', 'tab\there', '\u0001', 'lone \ud800', 'pair 😀', '']) expect(jsonString(s)).toBe(JSON.stringify(s));
    expect(jsonInside('a"b')).toBe(JSON.stringify('a"b').slice(1, -1));
    for (const n of [0, -0, 1.5, -5, 1e21, NaN, Infinity, null]) expect(jsonNumber(n)).toBe(JSON.stringify(n));
  });

  it('make each distinct pair and triple once, values told apart as a Map does', () => {
    const made: string[] = [];
    const pair = memoText2((a: number | null, b: string) => (made.push(`${a}|${b}`), `${a}|${b}`));
    const triple = memoText3((a: string, b: string, c: string) => (made.push([a, b, c].join('|')), [a, b, c].join('|')));
    for (let i = 0; i < 3; i++) {
      expect(pair(90, '>=')).toBe('90|>=');
      expect(pair(90, '<=')).toBe('90|<=');
      expect(pair(-0, '>=')).toBe('0|>=');
      expect(pair(0, '>=')).toBe('0|>=');
      expect(pair(NaN, '>=')).toBe('NaN|>=');
      expect(pair(null, '>=')).toBe('null|>=');
      expect(triple('met', 'shortfall', 'Tổng hợp')).toBe('met|shortfall|Tổng hợp');
      expect(triple('met', 'warning', 'Tổng hợp')).toBe('met|warning|Tổng hợp');
      expect(triple('shortfall', 'warning', 'Tổng hợp')).toBe('shortfall|warning|Tổng hợp');
    }
    // -0 and 0 are one key (the first spelling stands), as in a Map.
    expect(made).toEqual(['90|>=', '90|<=', '0|>=', 'NaN|>=', 'null|>=', 'met|shortfall|Tổng hợp', 'met|warning|Tổng hợp', 'shortfall|warning|Tổng hợp']);
  });
});
