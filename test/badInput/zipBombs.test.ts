/**
 * Issue #16, points 4–5: bounded work on any zip. A part is inflated only up to the size its
 * header declares and checked against it and its CRC; entries may not share data; ZIP64 is read;
 * the number of parts is capped. Each hostile file fails in one sentence, fast, without memory
 * growing past what the file declares. The times are asserted (a synchronous inflate cannot be
 * stopped by jest's timeout) with bounds far above what each case needs and far below what each
 * took before.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { EXIT } from '../../src/cli/main';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { runCli, RunResult, snapshot, STACK_FRAME, tempDir, writeInput } from './cliHarness';
import { goodReport } from './corpus';
import { buildZip, entriesOf, overlongDeflate, withEntry, ZipSpecEntry } from './zipFiles';
import { refusal } from '../helpers/refusal';

const SHEET = 'xl/worksheets/sheet1.xml';

async function refused(bytes: Uint8Array, re: RegExp, boundMs: number): Promise<{ r: RunResult; ms: number }> {
  const dir = tempDir();
  const input = writeInput(dir, 'so.xlsx', bytes);
  const before = snapshot(dir);
  const t = Date.now();
  const r = await runCli('check', input, '--json', join(dir, 'kq.json'), '--out', join(dir, 'copy.xlsx'), '--lang', 'en');
  const ms = Date.now() - t;
  expect(r.code).toBe(EXIT.badInput);
  expect(r.err).toMatch(re);
  expect(r.err.split('\n')).toHaveLength(1);
  expect(r.err).not.toMatch(STACK_FRAME);
  expect(snapshot(dir)).toEqual(before);
  expect(ms).toBeLessThan(boundMs);
  return { r, ms };
}

describe('zip bombs with lying headers', () => {
  it('a sheet declaring its real size but inflating to 3.5 GB more stops at the declared size', async () => {
    const entries = withEntry(entriesOf(goodReport()), SHEET, (e) => {
      const content = readWorkbookPart(goodReport(), SHEET);
      return { ...e, data: overlongDeflate(content, 3500) };
    });
    const bomb = buildZip({ entries });
    const heap = process.memoryUsage().arrayBuffers;
    const { ms } = await refused(
      bomb,
      /so\.xlsx: the part xl\/worksheets\/sheet1\.xml unpacks to more than the [\d,]+ bytes the package declares \(a damaged file or a zip bomb\)\./,
      5_000,
    );
    expect(process.memoryUsage().arrayBuffers - heap).toBeLessThan(128 * 2 ** 20);
    console.log(`3.5 GB bomb behind a ${(bomb.length / 2 ** 20).toFixed(1)} MB file declaring ${SHEET} small: refused in ${ms} ms`);
  });

  it('the same bomb is stopped by the JavaScript inflater too (the add-in’s reader)', () => {
    const entries = withEntry(entriesOf(goodReport()), SHEET, (e) => ({ ...e, data: overlongDeflate(readWorkbookPart(goodReport(), SHEET), 1000) }));
    const zip = buildZip({ entries });
    const t = Date.now();
    expect(refusal(() => readWorkbook(zip)).vi).toMatch(/xl\/worksheets\/sheet1\.xml giải nén ra nhiều hơn/);
    const ms = Date.now() - t;
    // Inflating the whole gigabyte in JavaScript takes tens of seconds; stopping takes one step.
    expect(ms).toBeLessThan(10_000);
    console.log(`1 GB bomb, JavaScript inflater: refused in ${ms} ms`);
  });

  it('several directory entries pointing at the same data are refused before anything is inflated', async () => {
    const media: ZipSpecEntry = { name: 'xl/media/a.bin', data: overlongDeflate(new Uint8Array(0), 128), method: 8, size: 128 * 2 ** 20, crc: 0 };
    const aliases = Array.from({ length: 2 }, (_, i) => [`xl/media/b${i}.bin`, 'xl/media/a.bin'] as const);
    const { ms } = await refused(
      buildZip({ entries: [...entriesOf(goodReport()), media], aliases }),
      /so\.xlsx: the parts xl\/media\/a\.bin and xl\/media\/b\d\.bin share their data \(a damaged file or a zip bomb\)\./,
      5_000,
    );
    console.log(`three entries sharing one 128 MB stream: refused in ${ms} ms`);
  });

  it('a wrong CRC is one sentence', async () => {
    const entries = withEntry(entriesOf(goodReport()), SHEET, (e) => ({ ...e, crc: e.crc ^ 1 }));
    await refused(buildZip({ entries }), /so\.xlsx: the part xl\/worksheets\/sheet1\.xml is damaged \(its CRC checksum does not match\)\./, 2_000);
  });

  it('a part shorter than it declares is truncated, not "not valid XML"', async () => {
    const entries = withEntry(entriesOf(goodReport()), SHEET, (e) => ({ ...e, size: e.size * 2 }));
    await refused(buildZip({ entries }), /so\.xlsx: the part xl\/worksheets\/sheet1\.xml is truncated \(it holds less than the package declares\)\./, 2_000);
  });

  it('a deflate stream cut short is truncated', async () => {
    const entries = withEntry(entriesOf(goodReport()), SHEET, (e) => ({ ...e, data: e.data.subarray(0, e.data.length >> 1) }));
    await refused(buildZip({ entries }), /so\.xlsx: the part xl\/worksheets\/sheet1\.xml is truncated/, 2_000);
  });

  it('a stored part shorter than it declares is truncated', async () => {
    const entries = withEntry(entriesOf(goodReport()), SHEET, (e) => {
      const content = readWorkbookPart(goodReport(), SHEET);
      return { ...e, method: 0, data: content.subarray(0, 100), size: content.length };
    });
    await refused(buildZip({ entries }), /so\.xlsx: the part xl\/worksheets\/sheet1\.xml is truncated/, 2_000);
  });

  it('two parts of one name are refused', async () => {
    const entries = entriesOf(goodReport());
    const sheet = entries.find((e) => e.name === SHEET) as ZipSpecEntry;
    await refused(
      buildZip({ entries: [...entries, { ...sheet, name: 'XL/worksheets/sheet1.xml' }] }),
      /two parts are named XL\/worksheets\/sheet1\.xml/,
      2_000,
    );
  });
});

describe('ZIP64', () => {
  it('a workbook with ZIP64 sizes, offsets and end record is read like any other, and its copy opens', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'zip64.xlsx', buildZip({ entries: entriesOf(goodReport(), { zip64: true }), zip64End: true }));
    const copy = join(dir, 'copy.xlsx');
    const r = await runCli('check', input, '--out', copy);
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.ok);
    expect(readWorkbook(readFileSync(copy)).sheets.map((s) => s.name)).toContain('Báo cáo');
  });

  it.each([20_000, 65_600])('%d one-byte parts with a ZIP64 end record are refused in one sentence, at once', async (n) => {
    const one = { data: new Uint8Array([0x41]), method: 0 as const, size: 1, crc: 0xd3d99e8b };
    const entries = [...entriesOf(goodReport()), ...Array.from({ length: n }, (_, i) => ({ ...one, name: `customXml/x${i}.bin` }))];
    const bytes = buildZip({ entries, zip64End: true });
    const heap = process.memoryUsage().rss;
    const { ms } = await refused(
      bytes,
      /so\.xlsx: the package has [\d,]+ parts, over the limit of 10,000 for a workbook \(a damaged file or a zip bomb\)\./,
      5_000,
    );
    console.log(`${n} parts (ZIP64): refused in ${ms} ms, RSS +${Math.round((process.memoryUsage().rss - heap) / 2 ** 20)} MB`);
  });
});

function readWorkbookPart(xlsx: Uint8Array, name: string): Uint8Array {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('fflate') as typeof import('fflate')).unzipSync(xlsx)[name];
}

describe('ZIP64 in writing', () => {
  it('more than 65,534 entries are written with a ZIP64 end record that our reader and fflate both read', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { writeZip, crc32 } = require('../../src/xlsx/zip/zipArchive') as typeof import('../../src/xlsx/zip/zipArchive');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { readZipDirectory, entryBytes, JS_INFLATER } = require('../../src/xlsx/zip/zipReader') as typeof import('../../src/xlsx/zip/zipReader');
    const n = 70_000;
    const entries = Array.from({ length: n }, (_, i) => {
      const data = new TextEncoder().encode(String(i));
      return { name: `p/${i}.txt`, method: 0 as const, crc: crc32(data), size: data.length, data };
    });
    const zip = writeZip(entries);
    const dir = readZipDirectory(zip, { maxParts: 100_000, maxPartBytes: 2 ** 20, maxTotalBytes: 2 ** 30 });
    expect(dir).toHaveLength(n);
    expect(new TextDecoder().decode(entryBytes(dir[n - 1], JS_INFLATER))).toBe(String(n - 1));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const all = (require('fflate') as typeof import('fflate')).unzipSync(zip);
    expect(Object.keys(all)).toHaveLength(n);
    expect(new TextDecoder().decode(all['p/69999.txt'])).toBe('69999');
  });

  it('an ordinary package is still written without any ZIP64 record', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { writeHighlightedCopy } = require('../../src/xlsx/write/writeHighlightedCopy') as typeof import('../../src/xlsx/write/writeHighlightedCopy');
    const copy = writeHighlightedCopy(goodReport(), { author: 'x', marks: [] });
    const text = Buffer.from(copy).toString('latin1');
    expect(text.includes('PK\u0006\u0006')).toBe(false);
    expect(text.includes('PK\u0006\u0007')).toBe(false);
  });
});
