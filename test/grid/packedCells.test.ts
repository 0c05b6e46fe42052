/**
 * A sheet's cells packed in typed arrays (src/grid/packedCells.ts): what the .xlsx reader makes and
 * the preview hands to its page. Read cell by cell or unpacked, they are the rows they came from;
 * a check reads them without ever making those rows.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { cellError, CellValue } from '../../src/grid/cell';
import { cellAt, columnCount, forEachValue, holdsNoValue, rowCount, SheetGrid } from '../../src/grid/grid';
import * as packedCells from '../../src/grid/packedCells';
import { PackedCellsBuilder, packedValue, packRows, unpackRows } from '../../src/grid/packedCells';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { defaultPack } from '../../src/packs/builtinPacks';
import { readPackage, readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { openPackage } from '../../src/xlsx/package';
import { readingOf } from '../../src/tables/workbookReading';
import { NO_BINDINGS } from '../../src/bindings/binding';
import { SAMPLES } from '../helpers/paths';

/** A grid of every kind of value, blanks (holes) and empty rows between, from a fixed seed. */
function rowsOf(seed: number, height: number, width: number): CellValue[][] {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const values: Array<() => CellValue> = [
    () => Math.round(next() * 1000),
    () => Math.round(next() * 1e6) / 100,
    () => -0,
    () => ['Công an xã số 1', '  ', 'Tỷ lệ %', ''][Math.floor(next() * 4)],
    () => next() < 0.5,
    () => cellError(['#DIV/0!', '#N/A'][Math.floor(next() * 2)]),
  ];
  const rows: CellValue[][] = [];
  for (let r = 0; r < height; r++) {
    if (next() < 0.2) continue; // an empty row
    const row: CellValue[] = [];
    for (let c = 0; c < width; c++) if (next() < 0.6) row[c] = values[Math.floor(next() * values.length)]();
    if (row.length) rows[r] = row;
  }
  rows.length = height;
  return rows;
}

/** The rows as the reader keeps them: blanks and empty texts left out, the length to the last value. */
function asRead(rows: CellValue[][]): CellValue[][] {
  const out: CellValue[][] = [];
  rows.forEach((row, r) => {
    const kept: CellValue[] = [];
    row.forEach((v, c) => {
      if (v !== null && v !== '') kept[c] = v;
    });
    if (kept.length) out[r] = kept;
  });
  return out;
}

describe('packed cells', () => {
  it.each([1, 2, 3, 4, 5])('read cell by cell and unpacked, the rows they were packed from (seed %i)', (seed) => {
    const rows = asRead(rowsOf(seed, 60, 12));
    const packed = packRows(rows);
    expect(unpackRows(packed)).toStrictEqual(rows);
    const sheet = { rows } as unknown as SheetGrid;
    for (let r = -1; r <= rows.length + 1; r++) for (let c = -1; c <= 13; c++) expect(packedValue(packed, r, c)).toStrictEqual(cellAt(sheet, r, c));
    expect(packed.columns).toBe(columnCount(sheet));
  });

  it.each([1, 2, 3])('each value of a row, packed or not, the same (seed %i)', (seed) => {
    const rows = asRead(rowsOf(seed, 40, 10));
    const packed = { packed: packRows(rows), rows: [] } as unknown as SheetGrid;
    const plain = { rows } as unknown as SheetGrid;
    const seen = (sheet: SheetGrid) => {
      const out: Array<[number, number, CellValue]> = [];
      for (let r = 0; r < rowCount(sheet); r++) forEachValue(sheet, r, (c, v) => void out.push([r, c, v]));
      return out;
    };
    expect(seen(packed)).toStrictEqual(seen(plain));
    expect(holdsNoValue(packed)).toBe(false);
    expect(holdsNoValue({ packed: packRows([[], undefined]), rows: [] } as unknown as SheetGrid)).toBe(true);
    expect(holdsNoValue({ rows: [[null], undefined] } as unknown as SheetGrid)).toBe(true);
  });

  it('the builder, given the cells in reading order, packs what packRows packs', () => {
    const rows = asRead(rowsOf(7, 80, 20));
    const builder = new PackedCellsBuilder(4, 1 << 20); // little room: it grows as cells come
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && expect(builder.add(r, c, v)).toBe(true)));
    const built = builder.build();
    expect(unpackRows(built)).toStrictEqual(rows);
    expect(built.columns).toBe(packRows(rows).columns);
  });

  it('texts from the shared-string table are kept once each', () => {
    const builder = new PackedCellsBuilder(16, 1 << 20);
    builder.addShared(0, 0, 5, 'Đơn vị');
    builder.addShared(1, 0, 5, 'Đơn vị');
    builder.addShared(1, 2, 9, 'Tỷ lệ');
    const built = builder.build();
    expect(built.texts).toEqual(['Đơn vị', 'Tỷ lệ']);
    const second: CellValue[] = [];
    second[0] = 'Đơn vị';
    second[2] = 'Tỷ lệ';
    expect(unpackRows(built)).toStrictEqual([['Đơn vị'], second]);
  });

  it('cells that would take more room than the budget are refused, nothing more kept', () => {
    const builder = new PackedCellsBuilder(16, 1000);
    expect(builder.add(0, 5, 1)).toBe(true);
    // One far cell a row, each row padded from column A: past the budget at the third.
    expect(builder.add(1, 400, 2)).toBe(true);
    expect(builder.add(2, 600, 3)).toBe(false);
    expect(unpackRows(builder.build()).length).toBe(2);
  });
});

describe('a workbook read from its file', () => {
  const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx'));

  it.each(samples)('%s: its sheets are packed, and checking it never makes their rows', async (name) => {
    const grid = readWorkbook(readFileSync(join(SAMPLES, name)));
    expect(grid.sheets.every((s) => s.packed !== undefined)).toBe(true);
    const unpack = jest.spyOn(packedCells, 'unpackRows');
    const { findings } = await new PledgeChecker(defaultPack()).checkCompactly(grid);
    expect(findings.length).toBeGreaterThan(0);
    expect(unpack).not.toHaveBeenCalled();
    // Asked for, the rows are made once, and are what cellAt reads.
    const sheet = grid.sheets[0];
    expect(sheet.rows).toBe(sheet.rows);
    expect(unpack).toHaveBeenCalledTimes(1);
    for (let r = 0; r < rowCount(sheet); r++)
      for (let c = 0; c < columnCount(sheet); c++) expect(sheet.rows[r]?.[c] ?? null).toStrictEqual(cellAt(sheet, r, c));
    unpack.mockRestore();
  });

  it('what each sample reads of each indicator (nearest texts of those not found included), without making rows', async () => {
    const pack = defaultPack();
    const readings = async (name: string, grid: ReturnType<typeof readWorkbook>) => {
      const { tables } = await new PledgeChecker(pack).checkCompactly(grid);
      return readingOf(name, grid, tables, pack, NO_BINDINGS);
    };
    const files = [
      ...samples.map((f) => join(SAMPLES, f)),
      ...readdirSync(join(SAMPLES, 'everyday'))
        .filter((f) => f.endsWith('.xlsx'))
        .map((f) => join(SAMPLES, 'everyday', f)),
    ];
    let notFound = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      const unpack = jest.spyOn(packedCells, 'unpackRows');
      const packed = await readings(file, readWorkbook(bytes));
      expect(unpack).not.toHaveBeenCalled();
      unpack.mockRestore();
      notFound += packed.indicators.filter((i) => i.outcome === 'not-found').length;
      // The same as read from the sheets' text, which keeps rows.
      expect(packed).toEqual(await readings(file, readPackage(openPackage(bytes), false)));
    }
    expect(notFound).toBeGreaterThan(0);
  });
});

it('a cell given out of reading order is refused loudly (the reader never gives one)', () => {
  const builder = new PackedCellsBuilder(16, 1 << 20);
  builder.add(0, 5, 1);
  builder.add(1, 0, 2);
  expect(() => builder.add(0, 9, 3)).toThrow(/out of order/);
  expect(() => builder.add(1, 0, 3)).toThrow(/out of order/);
});
