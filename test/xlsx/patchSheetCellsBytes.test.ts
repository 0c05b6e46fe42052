/**
 * patchSheetCellsBytes splices the fills into the part's bytes instead of a string of the whole
 * sheet: the bytes must be exactly those of the string patch, for UTF-8 text, a BOM and every
 * worksheet of the samples and fixtures.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { openPackage } from '../../src/xlsx/package';
import { CellTargets, patchSheetCells, patchSheetCellsBytes, spliceBytes } from '../../src/xlsx/patch/patchSheetCells';
import { bytesToText, textToBytes, utf8Bytes } from '../../src/xlsx/xml/byteText';
import { hasSharedFixtures, SAMPLES, SHARED_FIXTURES } from '../helpers/paths';

const styleFor = (base: number, t: string) => base * 3 + t.length;

function bothWays(bytes: Uint8Array, targets: CellTargets<string>, part = 'xl/worksheets/sheet1.xml'): void {
  const xml = bytesToText(bytes);
  const asString = textToBytes(patchSheetCells(xml, targets, styleFor, part));
  const asBytes = patchSheetCellsBytes(bytes, xml, targets, styleFor, part);
  expect(Buffer.from(asBytes).equals(Buffer.from(asString))).toBe(true);
}

/** Every third cell of the first rows, and cells past the sheet's end (created). */
function someTargets(rows: number, cols: number): CellTargets<string> {
  const m = new Map<number, Map<number, string>>();
  for (let r = 0; r < rows; r++) {
    const cells = new Map<number, string>();
    for (let c = r % 3; c < cols; c += 3) cells.set(c, r % 2 ? 'shortfall' : 'no-data');
    m.set(r, cells);
  }
  m.set(rows + 40, new Map([[cols + 2, 'x']]));
  return m;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

describe('fills spliced into the bytes', () => {
  it('UTF-8 text before and between the targets, and a BOM', () => {
    const xml =
      `\ufeff<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><dimension ref="A1:C2"/><sheetData>` +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Công an xã số 1 — Đội “Cảnh sát” 😀</t></is></c><c r="B1" s="2"><v>5</v></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Tỷ lệ giải quyết</t></is></c><c r="C2"><v>7</v></c></row></sheetData></worksheet>';
    bothWays(utf8Bytes(xml), someTargets(2, 4));
  });

  it('an empty sheetData and an empty row', () => {
    bothWays(utf8Bytes(`<worksheet xmlns="${NS}"><sheetData/></worksheet>`), someTargets(2, 2));
    bothWays(utf8Bytes(`<worksheet xmlns="${NS}"><sheetData><row r="1"/><row r="2" spans="1:3"/></sheetData></worksheet>`), someTargets(3, 3));
  });

  it('refuses overlapping edits and text that is not a byte string', () => {
    const bytes = utf8Bytes('abcdef');
    expect(
      Buffer.from(
        spliceBytes(bytes, [
          { start: 4, end: 5, text: 'XY' },
          { start: 1, end: 1, text: '-' },
        ]),
      ).toString(),
    ).toBe('a-bcdXYf');
    expect(() =>
      spliceBytes(bytes, [
        { start: 1, end: 3, text: 'x' },
        { start: 2, end: 4, text: 'y' },
      ]),
    ).toThrow(/overlapping/);
    expect(() => spliceBytes(bytes, [{ start: 1, end: 1, text: 'ệ' }])).toThrow(/byte string/);
  });

  const workbooks = [
    ...readdirSync(SAMPLES)
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => join(SAMPLES, f)),
    ...(hasSharedFixtures
      ? readdirSync(SHARED_FIXTURES)
          .filter((f) => f.endsWith('.xlsx'))
          .map((f) => join(SHARED_FIXTURES, f))
      : []),
  ];
  it.each(workbooks)('every worksheet of %s', (file) => {
    const pkg = openPackage(new Uint8Array(readFileSync(file)));
    for (const sheet of pkg.sheets) {
      if (!sheet.path) continue;
      const bytes = pkg.parts.get(sheet.path) as Uint8Array;
      try {
        bytesToText(bytes);
        patchSheetCells(bytesToText(bytes), someTargets(30, 12), styleFor, sheet.path);
      } catch {
        continue; // a part the patch refuses either way
      }
      bothWays(bytes, someTargets(30, 12), sheet.path);
    }
  });
});
