import { toA1 } from '../../src/grid/address';
import { HighlightMemory, partsOf } from '../../addin/excel/highlightMemory';
import { parseMemoryXml, RememberedCell } from '../../addin/excel/memoryXml';
import { RoundTrips } from '../../addin/excel/roundTrips';
import { FakeExcel, PAYLOAD_LIMIT, utf8 } from './fakeExcel/fakeExcel';
import { FakeWorkbook } from './fakeExcel/fakeWorkbook';

/**
 * A memory of many cells (a national workbook can mark tens of thousands) is kept in several parts,
 * each read and written by a command that fits Excel on the web's 5 MB payload.
 */

const fill = { pattern: 'Solid', color: '#DDEBF7', patternColor: '', tintAndShade: 0, patternTintAndShade: 0 };
const cells = (n: number): RememberedCell[] =>
  Array.from({ length: n }, (_, i) => ({
    sheet: 'Biểu 01 — xã, phường',
    cell: toA1(i % 1_000_000, Math.floor(i / 1_000_000)),
    fill,
    attached: { kind: 'note' as const, hash: `${i.toString(16).padStart(8, '0')}-40` },
  }));

async function write(state: FakeWorkbook, remembered: RememberedCell[]) {
  const fake = new FakeExcel(state);
  const trips = new RoundTrips(fake.context);
  const memory = HighlightMemory.queueFind(fake.context);
  await trips.flush();
  await memory.queueRead(trips);
  await trips.flush();
  await memory.queueWrite(remembered, trips);
  await trips.flush();
  return fake;
}

async function read(state: FakeWorkbook) {
  const fake = new FakeExcel(state);
  const trips = new RoundTrips(fake.context);
  const memory = HighlightMemory.queueFind(fake.context);
  await trips.flush();
  await memory.queueRead(trips);
  await trips.flush();
  return { fake, cells: memory.cells() };
}

describe('the highlight memory in parts', () => {
  it('splits into parts of at most PART_BYTES that together hold every cell, in order', () => {
    const many = cells(5_000);
    const parts = partsOf(many, 100_000);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(utf8(JSON.stringify(p))).toBeLessThanOrEqual(100_000);
    expect(parts.flatMap(parseMemoryXml)).toEqual(many);
    expect(partsOf([], 100_000)).toEqual([]);
    expect(partsOf(many.slice(0, 10))).toHaveLength(1);
  });

  it('100,000 remembered cells (about 7 MB) are written and read back under the 5 MB cap, then shrink to one part', async () => {
    const state = new FakeWorkbook();
    const many = cells(100_000);
    const written = await write(state, many);
    expect(state.xmlParts.length).toBeGreaterThan(3);
    expect(state.xmlParts.reduce((n, p) => n + utf8(p.xml), 0)).toBeGreaterThan(PAYLOAD_LIMIT);
    for (const p of written.payloads) expect(Math.max(p.request, p.response)).toBeLessThan(PAYLOAD_LIMIT);

    const back = await read(state);
    expect(back.cells).toEqual(many);
    for (const p of back.fake.payloads) expect(p.response).toBeLessThan(PAYLOAD_LIMIT);

    await write(state, many.slice(0, 10));
    expect(state.xmlParts).toHaveLength(1);
    expect((await read(state)).cells).toEqual(many.slice(0, 10));
    await write(state, []);
    expect(state.xmlParts).toEqual([]);
  });
});
