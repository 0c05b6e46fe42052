/**
 * The zip layer of the copy: the central directory reader, the writer, carrying untouched parts
 * over still compressed, and the CLI's Node zlib compressor. Independent checks: fflate unzips
 * every copy, every CRC is recomputed, ExcelJS and our own reader open the copies, and (where it
 * is installed) LibreOffice converts one made the CLI's way.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { deflateSync, inflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { nodeCompressor } from '../../src/cli/nodeCompressor';
import { HighlightPlan } from '../../src/xlsx/write/highlightPlan';
import { openPackage, WorkbookFormatError } from '../../src/xlsx/package';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { patchHighlightedCopy, writeHighlightedCopy } from '../../src/xlsx/write/writeHighlightedCopy';
import { crc32, writeZip } from '../../src/xlsx/zip/zipArchive';

/** A package's entries with their compressed bytes, as the package reader gives them to the writer. */
const rawEntries = (zip: Uint8Array) => openPackage(zip).raw!;
import { AsyncZipper, JS_COMPRESSOR, ZipSource, zipPackage } from '../../src/xlsx/zip/zipPackage';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { goodReport, reportRowOf, xlsxPackage } from '../badInput/corpus';
import { sameBytes, unzip } from './xlsxTestKit';
import { refusal } from '../helpers/refusal';

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Every entry of a zip as its central directory and local headers describe it, checked against its content. */
function entriesChecked(zip: Uint8Array): Array<{ name: string; method: number; crc: number; size: number; data: Uint8Array; content: Uint8Array }> {
  const raw = rawEntries(zip);
  const contents = unzip(zip);
  expect([...raw.keys()].sort()).toEqual([...contents.keys()].sort());
  return [...raw.values()].map((e) => {
    const content = e.method === 0 ? e.data : inflateSync(e.data);
    expect({ name: e.name, size: content.length, crc: crc32(content) }).toEqual({ name: e.name, size: e.size, crc: e.crc });
    expect(sameBytes(content, contents.get(e.name))).toBe(true);
    return { ...e, content };
  });
}

const plan = (sheet: string, cell: string): HighlightPlan => ({
  author: 'Pledge Check',
  marks: [{ sheet, cell, status: 'shortfall', note: 'Chưa đạt — Số vụ PPHS giảm 5 %' }],
  findingsSheet: {
    name: 'Kết quả kiểm tra',
    header: ['Đơn vị', 'Lý do'],
    rows: [{ values: ['Công an tỉnh Thanh Hóa', 'Chưa đạt'], status: 'shortfall', link: { sheet, cell, column: 0 } }],
  },
});

/** A report with parts the patch leaves alone: a picture (stored), a big part, a name with a leading slash. */
function richSource(): Uint8Array {
  const base = unzipSync(goodReport());
  const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const [name, data] of Object.entries(base)) files[name] = [data, { level: 6 }];
  files['xl/media/image1.png'] = [new Uint8Array(PNG_1X1), { level: 0 }];
  files['docProps/custom.xml'] = [strToU8(`<?xml version="1.0"?><Properties>${'<p>Số liệu quý</p>'.repeat(20000)}</Properties>`), { level: 6 }];
  return zipSync(files);
}

describe('the central directory reader', () => {
  it('finds every entry of a package with its compressed bytes, CRC and size', () => {
    const entries = entriesChecked(richSource());
    expect(entries.find((e) => e.name === 'xl/media/image1.png')?.method).toBe(0);
    expect(entries.find((e) => e.name === 'xl/workbook.xml')?.method).toBe(8);
  });

  it('CRC-32 is the zip one', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const data = strToU8('Công an tỉnh Ninh Bình'.repeat(100));
    expect(crc32(data.subarray(700), crc32(data.subarray(0, 700)))).toBe(crc32(data));
    expect(nodeCompressor().crc32(data)).toBe(crc32(data));
  });

  it('refuses, in one sentence, what it cannot read rather than copying part of it', () => {
    const zip = zipSync({ 'a.xml': strToU8('<a/>'), 'b.xml': strToU8('<b/>') });
    // Mark b.xml encrypted in its central directory entry: it is left out, a.xml still found.
    const copy = new Uint8Array(zip);
    const view = new DataView(copy.buffer);
    for (let at = copy.length - 22; at > 0; at--) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(at + 28, true);
      if (Buffer.from(copy.subarray(at + 46, at + 46 + nameLength)).toString() === 'b.xml') view.setUint16(at + 8, 1, true);
    }
    expect(refusal(() => openPackage(copy)).vi).toMatch(/b\.xml được mã hóa/);
    for (const bad of [new Uint8Array(0), strToU8('PK not a zip at all'), zip.subarray(0, zip.length - 10)])
      expect(() => openPackage(bad)).toThrow(WorkbookFormatError);
  });

  it('a ZIP64 locator with no ZIP64 directory behind it is a damaged file, not a crash', () => {
    const zip = zipSync({ 'a.xml': strToU8('<a/>') });
    const end = zip.length - 22;
    // A ZIP64 end-of-directory locator just before the classic record.
    const locator = new Uint8Array(20);
    new DataView(locator.buffer).setUint32(0, 0x07064b50, true);
    const z64 = new Uint8Array(zip.length + 20);
    z64.set(zip.subarray(0, end));
    z64.set(locator, end);
    z64.set(zip.subarray(end), end + 20);
    expect(() => openPackage(z64)).toThrow(WorkbookFormatError);
  });
});

describe('the zip writer', () => {
  it('writes entries that fflate, ExcelJS and our reader all open, names as UTF-8', async () => {
    const parts = new Map<string, Uint8Array>(Object.entries(unzipSync(goodReport())));
    parts.set('customXml/tệp-ghi-chú.xml', strToU8('<ghi-chú>Số liệu</ghi-chú>'));
    const zip = zipPackage(parts);
    const entries = entriesChecked(zip);
    expect(entries.map((e) => e.name)).toEqual([...parts.keys()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(zip) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Báo cáo']);
    expect(readWorkbook(zip).sheets[0].rows).toEqual(readWorkbook(goodReport()).sheets[0].rows);
  });

  it('writes the same bytes for the same input', () => {
    const parts = new Map<string, Uint8Array>(Object.entries(unzipSync(goodReport())));
    expect(sameBytes(zipPackage(parts), zipPackage(new Map(parts)))).toBe(true);
  });

  it('writes a ZIP64 end record when the entries do not fit a plain zip (issue #16), never a broken file', () => {
    const entries = Array.from({ length: 70000 }, (_, i) => ({ name: `p${i}`, method: 0 as const, crc: 0, size: 0, data: new Uint8Array(0) }));
    expect(Object.keys(unzipSync(writeZip(entries)))).toHaveLength(70000);
  });
});

describe('a highlighted copy carries untouched parts over still compressed', () => {
  const source = richSource();
  const sourceRaw = rawEntries(source);
  const sheet = 'Báo cáo';
  const cell = `D${reportRowOf('Số vụ phạm pháp hình sự') + 1}`;

  it('copies the compressed bytes and CRC of every part it does not change; every CRC in the copy is right', () => {
    const copy = writeHighlightedCopy(source, plan(sheet, cell));
    const entries = entriesChecked(copy);
    const changed = new Set(['xl/worksheets/sheet1.xml', 'xl/styles.xml', '[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);
    const carried: string[] = [];
    for (const e of entries) {
      const before = sourceRaw.get(e.name);
      if (!before || changed.has(e.name)) continue;
      expect({ name: e.name, same: sameBytes(e.data, before.data), crc: e.crc, method: e.method }).toEqual({
        name: e.name,
        same: true,
        crc: before.crc,
        method: before.method,
      });
      carried.push(e.name);
    }
    expect(carried.sort()).toEqual(['_rels/.rels', 'docProps/custom.xml', 'xl/media/image1.png']);
  });

  it('refuses a part whose stored CRC is wrong (issue #16: a damaged part is never read, nor carried over)', () => {
    const bad = new Uint8Array(source);
    const view = new DataView(bad.buffer);
    // Corrupt the CRC of docProps/custom.xml in its local and central headers (fflate does not check CRCs).
    for (let at = 0; at + 46 < bad.length; at++) {
      const sig = view.getUint32(at, true);
      if (sig !== 0x04034b50 && sig !== 0x02014b50) continue;
      const central = sig === 0x02014b50;
      const nameAt = at + (central ? 46 : 30);
      const nameLength = view.getUint16(at + (central ? 28 : 26), true);
      if (Buffer.from(bad.subarray(nameAt, nameAt + nameLength)).toString() !== 'docProps/custom.xml') continue;
      const crcAt = at + (central ? 16 : 14);
      view.setUint32(crcAt, view.getUint32(crcAt, true) ^ 0xffff, true);
    }
    expect(refusal(() => writeHighlightedCopy(bad, plan(sheet, cell))).vi).toMatch(/phần docProps\/custom\.xml bị hỏng \(mã kiểm tra CRC không khớp\)/);
  });

  it('reads a part named with a leading slash, and writes it under its part name', () => {
    const base = unzipSync(goodReport());
    const files: Record<string, Uint8Array> = {};
    for (const [name, data] of Object.entries(base)) files[name === 'docProps/app.xml' ? '/docProps/app.xml' : name] = data;
    files['/docProps/app.xml'] = strToU8('<Properties/>');
    const copy = writeHighlightedCopy(zipSync(files), plan(sheet, cell));
    expect(new TextDecoder().decode(unzip(copy).get('docProps/app.xml'))).toBe('<Properties/>');
  });

  it("the CLI's way (Node zlib, parts started early) gives the same parts as the browser's (fflate)", async () => {
    // A sheet of more than a megabyte, so it is compressed while the rest of the copy is made.
    const rows = Array.from({ length: 30000 }, (_, i) => [`Công an xã số ${i + 1}`, i, i * 2]);
    const source = xlsxPackage({
      sheets: [
        { name: sheet, rows },
        { name: 'Ghi chú', rows: [['không đổi']] },
      ],
    });
    const cell = 'B200';
    const browser = unzip(writeHighlightedCopy(source, plan(sheet, cell)));
    expect(browser.get('xl/worksheets/sheet1.xml')?.length).toBeGreaterThan(1 << 20);
    const patched = patchHighlightedCopy(openPackage(source), plan(sheet, cell), nodeCompressor());
    const cli = await patched.zipAsync();
    entriesChecked(cli);
    const parts = unzip(cli);
    expect([...parts.keys()]).toEqual([...browser.keys()]);
    for (const [name, data] of browser) expect({ name, same: sameBytes(parts.get(name), data) }).toEqual({ name, same: true });
    // Without a compressor zipAsync falls back to fflate.
    const fallback = unzip(await patchHighlightedCopy(source, plan(sheet, cell)).zipAsync());
    for (const [name, data] of browser) expect({ name, same: sameBytes(fallback.get(name), data) }).toEqual({ name, same: true });
  });

  it('lets go of the package it copies from once every part is started (its inflated sheets are the largest thing alive)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let source: ZipSource | undefined = { parts: new Map([['xl/worksheets/sheet1.xml', new Uint8Array(1 << 20)]]), raw: new Map() };
    const held = new WeakRef(source);
    const zipper = new AsyncZipper(source, nodeCompressor());
    source = undefined;
    const zipped = zipper.zip(new Map([['b.xml', strToU8('<b/>'.repeat(1000))]]));
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    expect(held.deref()).toBeUndefined();
    expect(unzip(await zipped).has('b.xml')).toBe(true);
    expect(zipper).toBeDefined(); // the zipper itself is still here
  });

  it('a part started early and replaced later is written with its last bytes', async () => {
    const zipper = new AsyncZipper(undefined, nodeCompressor());
    const first = strToU8('<a>first</a>'.repeat(1000));
    const last = strToU8('<a>last</a>'.repeat(1000));
    zipper.start('x.xml', first);
    zipper.start('x.xml', first); // the same bytes again: nothing new
    const parts = new Map([['x.xml', last]]);
    const zip = await zipper.zip(parts);
    expect(new TextDecoder().decode(unzip(zip).get('x.xml'))).toBe(new TextDecoder().decode(last));
    // And one left as started is used as it was compressed.
    const kept = new AsyncZipper(undefined, JS_COMPRESSOR);
    kept.start('x.xml', first);
    expect(sameBytes(unzip(await kept.zip(new Map([['x.xml', first]]))).get('x.xml'), first)).toBe(true);
    expect(deflateSync(first).length).toBeGreaterThan(0);
  });
});

function onPath(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    if (dir && fs.existsSync(p)) return p;
  }
  return undefined;
}

const soffice = onPath('soffice');
(soffice ? it : it.skip)(
  "LibreOffice opens a copy zipped the CLI's way, with entries carried over",
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pledge-zip-'));
    try {
      const bytes = xlsxPackage({
        sheets: [
          {
            name: 'Số liệu',
            rows: [
              ['Đơn vị', 'Số vụ'],
              ['Công an xã A', 12],
              ['Công an xã B', 7],
            ],
          },
          { name: 'Ghi chú', rows: [['không đổi']] },
        ],
      });
      const copy = await patchHighlightedCopy(bytes, plan('Số liệu', 'B2'), nodeCompressor()).zipAsync();
      const raw = rawEntries(copy);
      expect(sameBytes(raw.get('xl/worksheets/sheet2.xml')?.data, rawEntries(bytes).get('xl/worksheets/sheet2.xml')?.data)).toBe(true);
      const file = path.join(dir, 'ban-sao.xlsx');
      fs.writeFileSync(file, copy);
      execFileSync(
        soffice as string,
        [
          `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76',
          '--outdir',
          dir,
          file,
        ],
        { timeout: 120_000, stdio: 'pipe' },
      );
      const csv = fs.readFileSync(path.join(dir, 'ban-sao.csv'), 'utf8');
      expect(csv).toContain('Công an xã A,12');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  150_000,
);
