import { isRegexSpace } from '../../src/xml/regexSpace';
import { attrIn, parseAttrList, startTagAt, XmlCursor } from '../../src/xlsx/xml/xmlScan';

/** The regex the hand scanner stands in for: its answers are the reference. */
function byRegex(s: string): Record<string, string> {
  const re = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const out: Record<string, string> = {};
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out[m[1]] = m[2] ?? m[3] ?? '';
  return out;
}

/** A small deterministic generator, so a failure names a string that can be replayed. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x80000000;
  };
}

describe('attribute scanning', () => {
  it('knows white space as a regex does, for every UTF-16 code unit', () => {
    for (let c = 0; c <= 0xffff; c++) expect([c, isRegexSpace(c)]).toEqual([c, /\s/.test(String.fromCharCode(c))]);
  });

  it('reads what spreadsheet writers write', () => {
    expect(parseAttrList(` r="A1" s='3'  t = "n"`)).toEqual({ r: 'A1', s: '3', t: 'n' });
    expect(parseAttrList(` x:a="1>2" b='"' c="'"`)).toEqual({ 'x:a': '1>2', b: '"', c: "'" });
    expect(parseAttrList(`\u00a0r\u3000=\ufeff"1"`)).toEqual({ r: '1' });
    expect(parseAttrList(``)).toEqual({});
  });

  it('finds what the regex finds in malformed and hostile text, the last of a name winning', () => {
    const pieces = [
      'r',
      's',
      'x:r',
      ' ',
      '\t',
      '\n',
      '\u00a0',
      '=',
      '"',
      "'",
      '/',
      '>',
      '<',
      'A1',
      '3',
      'ab',
      '"v"',
      "'w'",
      '==',
      'đ',
      '\ud83d\ude00',
      '\ud800',
    ];
    const next = random(17);
    for (let n = 0; n < 20000; n++) {
      let s = '';
      const len = Math.floor(next() * 14);
      for (let i = 0; i < len; i++) s += pieces[Math.floor(next() * pieces.length)];
      const expected = byRegex(s);
      expect([s, parseAttrList(s)]).toEqual([s, expected]);
      for (const name of ['r', 's', 'x:r', 'ab', 'A1'])
        expect([s, name, attrIn(s, 0, s.length, name)]).toEqual([s, name, Object.hasOwn(expected, name) ? expected[name] : undefined]);
    }
  });

  it('reads one attribute within bounds, never past them', () => {
    const xml = `<c r="B7" s="12"/><c r="C7">`;
    expect(attrIn(xml, 2, 16, 'r')).toBe('B7');
    expect(attrIn(xml, 2, 16, 's')).toBe('12');
    // A quote closed only past the end is no value.
    expect(attrIn(xml, 2, 15, 's')).toBeUndefined();
    const cur = new XmlCursor(xml);
    cur.next();
    expect([cur.attr('r'), cur.attr('s'), cur.attr('t')]).toEqual(['B7', '12', undefined]);
    cur.next();
    expect([cur.attr('r'), cur.attr('s')]).toEqual(['C7', undefined]);
  });
});

describe('start tag scanning', () => {
  /** The sticky regex the hand scanner stands in for. */
  function tagByRegex(xml: string, at: number) {
    const re = /<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
    re.lastIndex = at;
    const m = re.exec(xml);
    if (!m) return undefined;
    const attrsStart = at + 1 + m[1].length;
    return { name: m[1], attrsStart, attrsEnd: attrsStart + m[2].length, end: at + m[0].length, selfClosing: m[3] === '/' };
  }

  it('finds the tag the regex finds, or none, in malformed and hostile text', () => {
    const pieces = ['<', 'c', 'x:c', ' ', '\t', '\u00a0', 'r', '=', '"A1"', "'3'", '"', "'", '/', '>', '!', '?', 'ab', '\ud83d\ude00', '\n'];
    const next = random(29);
    for (let n = 0; n < 20000; n++) {
      let s = '<';
      const len = Math.floor(next() * 14);
      for (let i = 0; i < len; i++) s += pieces[Math.floor(next() * pieces.length)];
      for (const at of [0, s.indexOf('<', 1)]) if (at >= 0) expect([s, at, startTagAt(s, at)]).toEqual([s, at, tagByRegex(s, at)]);
    }
  });

  it('reads a tag whose values hold > and quotes of the other kind', () => {
    expect(startTagAt(`<c r="A1" v='a>"b' />`, 0)).toEqual({ name: 'c', attrsStart: 2, attrsEnd: 18, end: 21, selfClosing: true });
  });
});
