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
    const deflated = await (nodeCompressor().deflateChunks as NonNullable<ReturnType<typeof nodeCompressor>['deflateChunks']>)(chunksOf(bytes, 65536).values());
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
    // The sheet was given to zlib as it was written: it is not kept to be asked for afterwards.
    expect(() => withChunks.parts).toThrow(/zipAsync/);
  });

  it('zlib takes two chunks at once, the next only when one of them is compressed', async () => {
    let taken = 0;
    const chunks = chunksOf(bytes, 4096);
    const source: Iterator<Uint8Array> = {
      next: () => (taken < chunks.length ? { done: false, value: chunks[taken++] } : { done: true, value: undefined }),
    };
    const compressing = (nodeCompressor().deflateChunks as NonNullable<ReturnType<typeof nodeCompressor>['deflateChunks']>)(source);
    expect(taken).toBe(2);
    const deflated = await compressing;
    expect(taken).toBe(chunks.length);
    expect(Buffer.from(deflated).equals(deflateRawSync(bytes, { level: 1 }))).toBe(true);
  });

  it('a findings sheet is written as zlib takes it, never whole before the copy is zipped', async () => {
    const cells = 8_000;
    const input = workbook(cells);
    const plan = planFor(cells);
    const sheet = plan.findingsSheet as NonNullable<HighlightPlan['findingsSheet']>;
    // Counts the rows whose cells are written (the layout reads a row's values too, before any is written).
    let written = 0;
    const rows = sheet.rows.map((row) => ({
      ...row,
      get link() {
        written++;
        return row.link;
      },
    }));
    const patched = patchHighlightedCopy(input, { ...plan, findingsSheet: { ...sheet, rows } }, nodeCompressor());
    expect(written).toBe(0);
    const zipping = patched.zipAsync();
    // Two megabyte chunks at most, taken as zlib starts: well short of the sheet's rows.
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(cells);
    const zipped = unzip(await zipping);
    expect(written).toBe(cells);
    const whole = unzip(patchHighlightedCopy(input, planFor(cells)).zip());
    for (const [name, data] of whole) expect(Buffer.from(zipped.get(name) as Uint8Array).equals(Buffer.from(data))).toBe(true);
  });
});
