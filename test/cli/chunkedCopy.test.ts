/**
 * The CLI's compressor takes a part in chunks: the findings sheet of a national check (a hundred
 * megabytes of XML) is deflated chunk by chunk on zlib's threads, never joined. The copy must be
 * the same, part by part, as the one zipped from whole parts.
 */
import { deflateRawSync } from 'zlib';
import { nodeCompressor } from '../../src/cli/nodeCompressor';
import { HighlightPlan } from '../../src/xlsx/write/highlightPlan';
import { patchHighlightedCopy } from '../../src/xlsx/write/writeHighlightedCopy';
import { crc32 } from '../../src/xlsx/zip/zipArchive';
import { AsyncZipper, JS_COMPRESSOR } from '../../src/xlsx/zip/zipPackage';
import { concatBytes } from '../../src/xlsx/xml/byteText';
import { xlsxPackage } from '../badInput/corpus';
import { unzip } from '../xlsx/xlsxTestKit';

const SHEET = 'Số liệu';

function workbook(rows: number): Uint8Array {
  return xlsxPackage({ sheets: [{ name: SHEET, rows: Array.from({ length: rows }, (_, i) => [i + 1]) }] });
}

function planFor(cells: number): HighlightPlan {
  const marks = Array.from({ length: cells }, (_, i) => ({ sheet: SHEET, cell: `A${i + 1}`, status: 'shortfall' as const, note: `Chưa đạt — dòng ${i + 1}` }));
  return {
    author: 'Pledge Check',
    marks,
    findingsSheet: {
      name: 'Kết quả kiểm tra',
      header: ['Ô', 'Lý do'],
      rows: marks.map((m) => ({
        values: [m.cell, `${m.note} ${'đ'.repeat(40)}`],
        status: 'shortfall' as const,
        link: { sheet: SHEET, cell: m.cell, column: 0 },
      })),
    },
  };
}

const chunksOf = (bytes: Uint8Array, size: number) =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

describe('a part compressed in chunks', () => {
  const bytes = new Uint8Array(Buffer.from('<row r="1"><c r="A1" t="inlineStr"><is><t>Công an xã số 1</t></is></c></row>'.repeat(5000)));

  it('the CRC continues from chunk to chunk, with zlib and without', () => {
    for (const c of [nodeCompressor(), JS_COMPRESSOR]) {
      let crc = 0;
      for (const chunk of chunksOf(bytes, 7777)) crc = c.crc32(chunk, crc);
      expect(crc).toBe(crc32(bytes));
    }
  });

  it('deflated chunk by chunk, the same bytes as deflated whole', async () => {
    const deflated = await (nodeCompressor().deflateChunks as NonNullable<ReturnType<typeof nodeCompressor>['deflateChunks']>)(chunksOf(bytes, 65536));
    expect(Buffer.from(deflated).equals(deflateRawSync(bytes, { level: 1 }))).toBe(true);
  });

  it('a compressor without chunks gets them joined', async () => {
    const zipper = new AsyncZipper(undefined, JS_COMPRESSOR);
    expect(zipper.takesChunks).toBe(false);
    const stand = new Uint8Array(0);
    zipper.startChunks('a.xml', stand, chunksOf(bytes, 1000));
    const parts = unzip(await zipper.zip(new Map([['a.xml', stand]])));
    expect(Buffer.from(parts.get('a.xml') as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
  });

  it('a copy with a findings sheet of several chunks: the same parts as zipped whole', async () => {
    const cells = 8_000; // a findings sheet of more than a megabyte: several chunks
    const input = workbook(cells);
    const withChunks = patchHighlightedCopy(input, planFor(cells), nodeCompressor());
    const zipped = unzip(await withChunks.zipAsync());
    const whole = unzip(patchHighlightedCopy(input, planFor(cells)).zip());
    expect([...zipped.keys()]).toEqual([...whole.keys()]);
    for (const [name, data] of whole) expect(Buffer.from(zipped.get(name) as Uint8Array).equals(Buffer.from(data))).toBe(true);
    const sheet = whole.get('xl/worksheets/sheet2.xml') as Uint8Array;
    expect(sheet.length).toBeGreaterThan(1.5 * (1 << 20));
    // Asked for afterwards, the parts are whole.
    expect(Buffer.from(concatBytes([withChunks.parts.get('xl/worksheets/sheet2.xml') as Uint8Array])).equals(Buffer.from(sheet))).toBe(true);
  });
});
