/**
 * The findings sheet's byte writer gives the bytes that encoding its strings as UTF-8 gives (text
 * escaped exactly as encodeXmlText escapes it), across chunk boundaries, with Node's Buffer (CLI,
 * tests) and without it (the browser preview, where TextEncoder writes).
 */
import * as writerModule from '../../src/xlsx/write/xmlByteWriter';
import { encodeXmlText } from '../../src/xml/encodeXml';
import { concatBytes } from '../../src/xlsx/xml/byteText';

/** The module as the browser sees it: loaded while there is no global Buffer. */
function browserWriter(): typeof writerModule {
  const g = globalThis as { Buffer?: unknown };
  const saved = g.Buffer;
  let mod: typeof writerModule | undefined;
  try {
    g.Buffer = undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      mod = require('../../src/xlsx/write/xmlByteWriter') as typeof writerModule;
    });
  } finally {
    g.Buffer = saved;
  }
  return mod as typeof writerModule;
}

const TRICKY = [
  'Công an xã số 1 — 01/2025',
  'Tỷ lệ: 89,1\u00a0%, chưa đạt ≥ 90 % (còn cách 0,9 điểm %).',
  'a & b < c > d "e" \'f\'',
  'tab\there\nline\r\nfeed\u0001\u001f\u007f',
  'emoji 😀 pair, lone \ud800 high, lone \udc00 low, \ufffe \uffff end\ud83d',
  '',
  // Long texts go to the native encoder, short ones are encoded in JavaScript: both lengths of each.
  `${'Lý do dài '.repeat(8)} & < > " \u0002 \r 😀 \udfff \ufffe`,
  '&<>"\t\n\r\u0000\ud83d\ude00\udbff!',
];

describe.each([
  ['Node', writerModule],
  ['browser', browserWriter()],
])('XmlByteWriter (%s)', (_, { XmlByteWriter }) => {
  it('writes markup, text and raw strings as their UTF-8', () => {
    const w = new XmlByteWriter();
    let expected = '';
    for (const s of TRICKY) {
      w.ascii('<t r="12345">');
      w.text(s);
      w.raw('</t>');
      expected += `<t r="12345">${encodeXmlText(s)}</t>`;
    }
    expect(Buffer.from(concatBytes(w.pieces())).equals(Buffer.from(expected, 'utf8'))).toBe(true);
  });

  it('a lone surrogate written raw becomes U+FFFD, as Node and TextEncoder encode it', () => {
    const w = new XmlByteWriter();
    w.raw('a\ud800b');
    w.raw(`${'long '.repeat(10)}\udc00\ufffe`);
    expect(Buffer.from(concatBytes(w.pieces())).toString('hex')).toBe(Buffer.from(`a\ufffdb${'long '.repeat(10)}\ufffd\ufffe`, 'utf8').toString('hex'));
  });

  it('many megabytes in chunks, another writer appended, nothing lost at the boundaries', () => {
    const w = new XmlByteWriter();
    const tail = new XmlByteWriter();
    const parts: string[] = [];
    for (let i = 0; i < 40_000; i++) {
      const s = `${TRICKY[i % TRICKY.length]} ${i}`;
      w.text(s);
      parts.push(encodeXmlText(s));
    }
    tail.ascii('<end/>');
    w.append(tail);
    w.ascii('!');
    const chunks = w.pieces();
    expect(chunks.length).toBeGreaterThan(2);
    expect(Buffer.from(concatBytes(chunks)).equals(Buffer.from(`${parts.join('')}<end/>!`, 'utf8'))).toBe(true);
  });

  it('nothing written is one empty chunk', () => {
    expect(new XmlByteWriter().pieces().map((c) => c.length)).toEqual([0]);
  });
});
