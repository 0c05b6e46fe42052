import { CellRef } from '../../src/grid/address';
import {
  columnPoints,
  PRINT_FOOTER,
  PRINT_MARGINS,
  printAreaA1,
  printTitleColumnsA1,
  printTitleRowsA1,
  SheetLayout,
  sheetLayout,
} from '../../src/xlsx/write/findingsSheetLayout';
import { FillStatus, FindingsCell, FindingsSheet, STATUS_FILL } from '../../src/xlsx/write/highlightPlan';
import { addressChunks, areasForCells } from './addressList';
import { groupBy } from './groupBy';
import { jsonBytes, RoundTrips } from './roundTrips';

/**
 * Queues one generated sheet (a FindingsSheet, the data the CLI writes into its scorecard
 * workbook) onto a worksheet the add-in has just made: title, subtitles, bold header and rows as
 * values in one block (more only past a payload), fills grouped by status with `getRanges`,
 * column widths, wrapping, the frozen header, and the page setup the CLI's sheets have (see
 * findingsSheetLayout, which both writers share). Only ever called on sheets Pledge Check created:
 * this is the one place the add-in writes values.
 */

const MAX_CELL_TEXT = 32767; // Excel's limit for one cell
/** A block of values well under one request's budget, so a sheet needs more than one only when it is huge. */
const BLOCK_BYTES = 1_500_000;

export async function queueFindingsSheet(ws: Excel.Worksheet, sheet: FindingsSheet, trips: RoundTrips): Promise<void> {
  const layout = sheetLayout(sheet);
  const { width } = layout;
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

  const cols = layout.columns;
  if (sheet.title) ws.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
  const header = ws.getRangeByIndexes(headerRow, 0, 1, width);
  header.format.font.bold = true;
  // With fixed widths the header wraps rather than widening the column (as the CLI's sheet does).
  if (sheet.columnWidths !== undefined) header.format.wrapText = true;
  for (const run of runsOf(cols.map((c) => c.width))) ws.getRangeByIndexes(0, run.start, 1, run.count).format.columnWidth = columnPoints(run.value);
  const dataRows = sheet.rows.length;
  if (dataRows > 0) {
    for (const run of runsOf(cols.map((c) => c.wrap))) {
      if (run.value) ws.getRangeByIndexes(headerRow + 1, run.start, dataRows, run.count).format.wrapText = true;
    }
  }
  if (layout.sized) {
    const table = ws.getRangeByIndexes(headerRow, 0, dataRows + 1, width);
    // Rows several lines tall read from their top line, as the CLI's sheets do.
    table.format.verticalAlignment = 'Top';
    // Excel measures wrapped text itself: the rows grow to their lines, which never overlap.
    table.format.autofitRows();
  }

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
}

/**
 * A4 landscape, narrow margins, gridlines; fit to one page wide and as many tall as it takes when
 * that keeps the text readable, else at MIN_PRINT_SCALE across pages with the leading columns
 * repeated; the header row on every page, the table as the print area, and the sheet's name and
 * "page / pages" in the footer: the CLI's sheets' page setup, in Office.js (ExcelApi 1.9).
 */
export function queuePageSetup(ws: Excel.Worksheet, sheet: FindingsSheet): void {
  const page = ws.pageLayout;
  const layout: SheetLayout = sheetLayout(sheet);
  page.orientation = 'Landscape';
  page.paperSize = 'A4';
  page.printOrder = 'OverThenDown';
  // Without gridlines a printed table of fills has no lines to follow the rows by.
  page.printGridlines = true;
  page.setPrintMargins('Inches', { ...PRINT_MARGINS });
  // Set as one object (the reference forbids `zoom.scale = …`). verticalFitToPages 0 leaves the
  // height free, as Excel's own "Fit All Columns on One Page" records it. (The CLI's package
  // writes the same fit as a scale, for readers without Calibri; Excel has it.)
  page.zoom = layout.print.onePageWide ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: layout.print.scale };
  page.setPrintArea(printAreaA1(layout));
  page.setPrintTitleRows(printTitleRowsA1(layout));
  const columns = printTitleColumnsA1(layout);
  if (columns) page.setPrintTitleColumns(columns);
  page.headersFooters.defaultForAllPages.leftFooter = PRINT_FOOTER.left;
  page.headersFooters.defaultForAllPages.rightFooter = PRINT_FOOTER.right;
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
