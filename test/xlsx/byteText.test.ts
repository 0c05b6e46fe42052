/**
 * Byte conversions and the chunked part writer give the same bytes with Node's Buffer (CLI, tests)
 * and without it (the browser preview, where fflate and TextEncoder do the work).
 */
import { strFromU8, strToU8 } from 'fflate';
import * as byteText from '../../src/xlsx/xml/byteText';
import { encodeXmlAscii, encodeXmlAttribute, encodeXmlText } from '../../src/xml/encodeXml';
import { sameBytes } from './xlsxTestKit';

/** The module as the browser sees it: loaded while there is no global Buffer. */
function browserByteText(): typeof byteText {
  const g = globalThis as { Buffer?: unknown };
  const saved = g.Buffer;
  let mod: typeof byteText | undefined;
  try {
    g.Buffer = undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      mod = require('../../src/xlsx/xml/byteText') as typeof byteText;
    });
  } finally {
    g.Buffer = saved;
  }
  return mod as typeof byteText;
}

const VIETNAMESE = 'Công an tỉnh Thanh Hóa: số vụ PPHS giảm 5 % — chưa đạt ≤ 😀 ';
const LATIN1 = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');

describe.each([
  ['with Node’s Buffer', () => byteText, true],
  ['in the browser (no Buffer)', browserByteText, false],
])('%s', (_name, load, node) => {
  const m = load();

  it(node ? 'uses Buffer' : 'does without Buffer', () => {
    expect(Buffer.isBuffer(m.textToBytes('a'))).toBe(node);
    expect(Buffer.isBuffer(m.utf8Bytes('a'))).toBe(node);
  });

  it('byte strings round-trip every byte', () => {
    const bytes = new Uint8Array(256 * 4).map((_, i) => i % 256);
    const text = m.bytesToText(bytes);
    expect(text).toBe(LATIN1.repeat(4));
    expect(sameBytes(m.textToBytes(text), bytes)).toBe(true);
    expect(m.bytesToText(bytes.subarray(10, 20))).toBe(LATIN1.slice(10, 20));
  });

  it('UTF-8 as fflate writes it', () => {
    expect(sameBytes(m.utf8Bytes(VIETNAMESE), strToU8(VIETNAMESE))).toBe(true);
  });

  it.each([
    ['utf8', (s: string) => strToU8(s)],
    ['latin1', (s: string) => strToU8(s, true)],
  ] as const)('the part writer (%s) gives the bytes of the whole text, across chunks and for pieces larger than a chunk', (encoding, encode) => {
    const piece = encoding === 'utf8' ? VIETNAMESE : LATIN1;
    const pieces: string[] = [];
    for (let i = 0; i < 40_000; i++) pieces.push(`${i}:${piece}`);
    pieces.push(piece.repeat(30_000)); // one piece of several megabytes
    pieces.push('tail');
    const w = new m.PartWriter(encoding);
    pieces.forEach((p, i) => (i === 7 ? w.addBytes(encode(p)) : w.add(p)));
    const out = w.bytes();
    expect(out.length).toBe(encode(pieces.join('')).length);
    expect(sameBytes(out, encode(pieces.join('')))).toBe(true);
    expect(encoding === 'utf8' ? strFromU8(out).slice(-4) : 'tail').toBe('tail');
  });

  it('an empty part writer gives no bytes', () => {
    expect(new m.PartWriter().bytes().length).toBe(0);
  });

  it('escapes XML text the same with and without the fast path', () => {
    for (const s of ['plain', 'a & b < c > d "e"', 'line\nbreak\ttab\rcr', 'bad \u0001\u001f char', 'lone \ud800 surrogate, pair 😀', 'Việt Nam']) {
      const slow = [...s]
        .map((ch) => {
          const cp = ch.codePointAt(0) as number;
          if (ch === '&') return '&amp;';
          if (ch === '<') return '&lt;';
          if (ch === '>') return '&gt;';
          if (ch === '"') return '&quot;';
          if (cp === 0x0d) return '&#13;';
          if (cp === 0x0a || cp === 0x09) return ch;
          if (cp < 0x20 || (cp >= 0xd800 && cp <= 0xdfff)) return '';
          return ch;
        })
        .join('');
      expect(encodeXmlText(s)).toBe(slow);
      expect(encodeXmlAscii(s)).toBe(slow.replace(/[^\u0000-\u007e]/gu, (ch) => `&#${ch.codePointAt(0)};`));
      expect(encodeXmlAttribute(s)).toBe(slow.replace(/\n/g, '&#10;').replace(/\t/g, '&#9;'));
    }
  });
});
