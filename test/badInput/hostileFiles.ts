/**
 * Files built to hurt a reader: zip bombs (honest and lying sizes), XML entity expansion, an
 * external entity aimed at a local file. Built in memory, like the rest of the corpus.
 */
import { deflateSync, strToU8, unzipSync } from 'fflate';
import { FULL_REPORT, reportRows, worksheetXml, xlsxPackage } from './corpus';

/** Sets the uncompressed size a zip declares for one entry (central directory and local header). */
export function declareSize(zipBytes: Uint8Array, entry: string, size: number): Uint8Array {
  const out = zipBytes.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const name = strToU8(entry);
  let patched = 0;
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    const central = sig === 0x02014b50;
    const local = sig === 0x04034b50;
    if (!central && !local) continue;
    const nameLen = view.getUint16(i + (central ? 28 : 26), true);
    const nameAt = i + (central ? 46 : 30);
    if (nameLen !== name.length || !name.every((b, j) => out[nameAt + j] === b)) continue;
    view.setUint32(i + (central ? 24 : 22), size, true);
    patched++;
  }
  if (patched !== 2) throw new Error(`entry ${entry} found ${patched} times`);
  return out;
}

/** A real workbook whose sheet claims to unpack to `size` bytes (a "zip bomb" that lies, or a damaged header). */
export function lyingSizeWorkbook(size: number): Uint8Array {
  return declareSize(xlsxPackage({ sheets: [{ name: 'Báo cáo', rows: reportRows(FULL_REPORT) }] }), 'xl/worksheets/sheet1.xml', size);
}

/**
 * A zip bomb that does not lie: `copies` media parts, each an honest deflate stream of
 * `mb` megabytes of zeros (about a thousandth of that compressed), beside a valid workbook.
 */
export function honestZipBomb(copies: number, mb: number): Uint8Array {
  const zeros = deflateSync(new Uint8Array(mb * 2 ** 20), { level: 9 });
  const report = xlsxPackage({ sheets: [{ name: 'Báo cáo', rows: reportRows(FULL_REPORT) }] });
  // Re-zip by hand: fflate's zipSync would deflate again, so write entries with method 8 directly.
  const entries: Array<{ name: string; data: Uint8Array; size: number; method: 0 | 8 }> = [];
  for (const [name, data] of Object.entries(unzipSync(report))) entries.push({ name, data, size: data.length, method: 0 });
  for (let i = 1; i <= copies; i++) entries.push({ name: `xl/media/image${i}.bin`, data: zeros, size: mb * 2 ** 20, method: 8 });
  return rawZip(entries);
}

/** A zip written field by field (CRC left 0: the readers under test never get that far). */
function rawZip(entries: ReadonlyArray<{ name: string; data: Uint8Array; size: number; method: 0 | 8 }>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, e.method, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    chunks.push(local, e.data);
    central.push(cd);
    offset += local.length + e.data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, end];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The classic "billion laughs": ten levels of ten references each, 10^10 copies of "lol" if expanded. */
export function billionLaughsWorkbook(): Uint8Array {
  let dtd = '<!ENTITY lol0 "lol">';
  for (let i = 1; i <= 10; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  const sst = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE sst [${dtd}]>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol10;</t></si></sst>`;
  return withSharedStrings(sst);
}

/** An external entity pointing at a local file: if it were resolved, the file's text would appear. */
export function externalEntityWorkbook(targetPath: string): Uint8Array {
  const sst =
    `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE sst [<!ENTITY secret SYSTEM "file://${targetPath}">]>\n` +
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&secret;</t></si></sst>`;
  return withSharedStrings(sst);
}

/** A report whose unit line comes from the shared-string table given. */
function withSharedStrings(sst: string): Uint8Array {
  const rows = reportRows(FULL_REPORT);
  rows[0][0] = { shared: 'x' }; // index 0 of the table
  return xlsxPackage({ sheets: [{ name: 'Báo cáo', rows }], replaceParts: { 'xl/sharedStrings.xml': sst } });
}

/** A sheet with a cell past Excel's last row. */
export function beyondTheGridWorkbook(): Uint8Array {
  const xml = worksheetXml(reportRows(FULL_REPORT)).replace('</sheetData>', '<row r="99999999"><c r="A99999999"><v>1</v></c></row></sheetData>');
  return xlsxPackage({ sheets: [{ name: 'Báo cáo', xml }] });
}
