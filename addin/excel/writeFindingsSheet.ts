import { CellRef } from '../../src/grid/address';
import { FillStatus, FindingsCell, FindingsSheet, STATUS_FILL } from '../../src/xlsx/highlightPlan';
import { addressChunks, areasForCells } from './addressList';
import { groupBy } from './groupBy';
import { jsonBytes, RoundTrips } from './roundTrips';

/**
 * Queues one generated sheet (a FindingsSheet, the data the CLI writes into its scorecard
 * workbook) onto a worksheet the add-in has just made: title, subtitles, bold header and rows as
 * values in one block (more only past a payload), fills grouped by status with `getRanges`,
 * column widths, wrapping, the frozen header, and A4 landscape printing where asked. Only ever
 * called on sheets Pledge Check created: this is the one place the add-in writes values.
 */

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const MAX_CELL_TEXT = 32767; // Excel's limit for one cell
/** A block of values well under one request's budget, so a sheet needs more than one only when it is huge. */
const BLOCK_BYTES = 1_500_000;

export interface SheetWriteOptions {
  /** ExcelApi 1.9: print orientation, paper and gridlines. */
  readonly pageLayout: boolean;
}

export async function queueFindingsSheet(ws: Excel.Worksheet, sheet: FindingsSheet, trips: RoundTrips, options: SheetWriteOptions): Promise<void> {
  const width = sheetWidth(sheet);
  const lead: FindingsCell[][] = [];
  if (sheet.title) lead.push([sheet.title]);
  for (const line of sheet.subtitles ?? []) lead.push([line]);
  const headerRow = lead.length;
  const rows = [...lead, sheet.header, ...sheet.rows.map((r) => r.values)];

  // Values: one block per sheet unless it would not fit in one request.
  let top = 0;
  while (top < rows.length) {
    let bytes = 0;
    let end = top;
    while (end < rows.length && (end === top || bytes < BLOCK_BYTES)) bytes += rowBytes(rows[end++], width);
    await trips.reserve(bytes);
    ws.getRangeByIndexes(top, 0, end - top, width).values = rows.slice(top, end).map((r) => inputRow(r, width));
    top = end;
  }

  const cols = columnLayout(sheet, width);
  if (sheet.title) ws.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
  const header = ws.getRangeByIndexes(headerRow, 0, 1, width);
  header.format.font.bold = true;
  // With fixed widths the header wraps rather than widening the column (as the CLI's sheet does).
  if (sheet.columnWidths !== undefined) header.format.wrapText = true;
  for (const run of runsOf(cols.map((c) => c.width))) ws.getRangeByIndexes(0, run.start, 1, run.count).format.columnWidth = pointsFor(run.value);
  const dataRows = sheet.rows.length;
  if (dataRows > 0) {
    for (const run of runsOf(cols.map((c) => c.wrap))) {
      if (run.value) ws.getRangeByIndexes(headerRow + 1, run.start, dataRows, run.count).format.wrapText = true;
    }
  }
  if (sheet.columnWidths !== undefined || cols.some((c) => c.wrap)) ws.getRangeByIndexes(headerRow, 0, dataRows + 1, width).format.autofitRows();

  for (const [status, cells] of groupBy(statusCells(sheet, headerRow + 1, width), (c) => c.status)) {
    const color = `#${STATUS_FILL[status as FillStatus].slice(2)}`;
    for (const address of addressChunks(areasForCells(cells.map((c) => c.ref)))) {
      await trips.reserve(address.length + 100);
      ws.getRanges(address).format.fill.color = color;
    }
  }

  const frozenColumns = sheet.frozenColumns ?? 0;
  if (frozenColumns > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, headerRow + 1, frozenColumns));
  else ws.freezePanes.freezeRows(headerRow + 1);

  if (sheet.printLandscape && options.pageLayout) {
    ws.pageLayout.orientation = 'Landscape';
    ws.pageLayout.paperSize = 'A4';
    // Without gridlines a printed table of fills has no lines to follow the rows by.
    ws.pageLayout.printGridlines = true;
  }
}

function sheetWidth(sheet: FindingsSheet): number {
  // A loop, not a spread: a national findings sheet has hundreds of thousands of rows.
  let width = Math.max(1, sheet.header.length);
  for (const r of sheet.rows) if (r.values.length > width) width = r.values.length;
  return width;
}

/**
 * A row as typed input: Excel reads a text sent through `values` as if typed, so `=…` would become
 * a formula (a unit named "=HYPERLINK(…)" included) and "93,1 %" a number. A leading apostrophe
 * keeps every text as text and does not show.
 */
function inputRow(values: ReadonlyArray<FindingsCell>, width: number): (string | number)[] {
  const out: (string | number)[] = [];
  for (let c = 0; c < width; c++) {
    const v = values[c] ?? null;
    if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
    else {
      const text = v === null ? '' : String(v);
      const clipped = text.length > MAX_CELL_TEXT - 1 ? `${text.slice(0, MAX_CELL_TEXT - 2)}…` : text;
      out.push(clipped === '' ? '' : `'${clipped.replace(/\r\n?/g, '\n')}`);
    }
  }
  return out;
}

function rowBytes(values: ReadonlyArray<FindingsCell>, width: number): number {
  let n = width + 2;
  for (const v of values) n += v === null ? 2 : typeof v === 'number' ? String(v).length : jsonBytes(v) + 1;
  return n;
}

interface ColumnLayout {
  /** Characters of the default font, as Excel's own column widths count them. */
  readonly width: number;
  /** Some text is longer than the widest column allowed: it wraps instead of being cut off. */
  readonly wrap: boolean;
}

/** The same sizing as the CLI's scorecard workbook: fixed widths where given, else fit to the text within 8–60. */
function columnLayout(sheet: FindingsSheet, width: number): ColumnLayout[] {
  const out: ColumnLayout[] = [];
  for (let c = 0; c < width; c++) {
    const fixed = sheet.columnWidths?.[c];
    let longest = fixed === undefined ? textLength(sheet.header[c] ?? null) : 0;
    let multiline = false;
    for (const row of sheet.rows) {
      const v = row.values[c] ?? null;
      longest = Math.max(longest, textLength(v));
      if (typeof v === 'string' && v.includes('\n')) multiline = true;
    }
    const w = fixed ?? Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(longest * 1.1) + 2));
    out.push({ width: w, wrap: multiline || longest * 1.1 + 2 > w });
  }
  return out;
}

function textLength(v: FindingsCell): number {
  if (v === null) return 0;
  let longest = 0;
  for (const line of (typeof v === 'number' ? String(v) : v).split('\n')) longest = Math.max(longest, Array.from(line).length);
  return longest;
}

/** Office.js sets widths in points; Excel's unit is a character of 11-point Calibri, 7 pixels plus 5 of padding. */
export function pointsFor(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Consecutive equal values as runs, so neighbouring columns alike take one command. */
function runsOf<T>(values: ReadonlyArray<T>): { start: number; count: number; value: T }[] {
  const runs: { start: number; count: number; value: T }[] = [];
  values.forEach((value, i) => {
    const last = runs[runs.length - 1];
    if (last && last.value === value) last.count++;
    else runs.push({ start: i, count: 1, value });
  });
  return runs;
}

/** Every filled cell with its status, as the CLI's sheet fills them: per cell, else the row's status in its status column. */
function statusCells(sheet: FindingsSheet, firstRow: number, width: number): { ref: CellRef; status: FillStatus }[] {
  const out: { ref: CellRef; status: FillStatus }[] = [];
  sheet.rows.forEach((row, i) => {
    const flagged = row.status === 'shortfall' || row.status === 'no-data' ? row.status : undefined;
    for (let c = 0; c < width; c++) {
      const status = row.cellStatus?.[c] ?? (flagged && (sheet.statusColumn === undefined || sheet.statusColumn === c) ? flagged : undefined);
      if (status) out.push({ ref: { row: firstRow + i, col: c }, status });
    }
  });
  return out;
}
