import { columnName, toA1 } from '../grid/address';
import { PartWriter } from './byteText';
import { encodeXmlText } from '../xml/encodeXml';
import { FindingsCell, FindingsSheet } from './highlightPlan';
import { StylesPatch, XfChange } from './patchStyles';

const MIN_WIDTH = 8;
/** Longer text wraps (rows get their height): a 60-character column made a findings sheet too wide to print readably. */
const MAX_WIDTH = 40;
const MAX_CELL_TEXT = 32767; // Excel's limit for one cell

/**
 * The worksheet part of the findings sheet, as UTF-8 bytes. Text is written as inline strings so
 * the workbook's shared-string table is left untouched; numbers are real numbers. The header row
 * (after an optional title row) is bold and frozen, links are internal hyperlinks (no relationship
 * needed). Written row by row into byte chunks: a national findings sheet has hundreds of
 * thousands of rows and would otherwise be one string of a hundred megabytes.
 */
export function findingsSheetPart(sheet: FindingsSheet, styles: StylesPatch, mainNs: string): Uint8Array {
  // A loop, not a spread: a national findings sheet has hundreds of thousands of rows.
  let width = Math.max(1, sheet.header.length);
  for (const r of sheet.rows) if (r.values.length > width) width = r.values.length;
  const cols = columnLayout(sheet, width);
  const bold = () => styles.xf(0, { font: 'bold' });
  const headerRow = (sheet.title ? 1 : 0) + (sheet.subtitles?.length ?? 0);
  const lastRow = Math.max(1, headerRow + 1 + sheet.rows.length);
  const print = printLayout(cols);

  const out = new PartWriter('utf8');
  const links = new PartWriter('utf8');
  let anyLink = false;
  out.add(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<worksheet xmlns="${mainNs}">` +
      (print.fitToWidth ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : '') +
      `<dimension ref="A1:${columnName(width - 1)}${lastRow}"/>` +
      `<sheetViews><sheetView workbookViewId="0">${paneXml(headerRow + 1, sheet.frozenColumns ?? 0)}</sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/>` +
      `<cols>${cols.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>` +
      `<sheetData>`,
  );

  let r = 0;
  if (sheet.title) {
    out.add(rowXml(r, [cellXml(r, 0, sheet.title, bold()) as string]));
    r++;
  }
  for (const line of sheet.subtitles ?? []) {
    const cell = cellXml(r, 0, line, undefined);
    out.add(rowXml(r++, cell ? [cell] : []));
  }
  // With fixed column widths the header wraps rather than being cut off (all of it, so it aligns alike).
  const headerStyle = () => (sheet.columnWidths !== undefined ? styles.xf(0, { font: 'bold', wrap: true }) : bold());
  // Wrapped text needs the row's height set to its tallest cell: not every reader (LibreOffice's
  // print, Excel's until edited) works it out, and the lines then overlap the next row.
  const sized = sheet.columnWidths !== undefined || cols.some((c) => c.wrap);
  const headerHeight = sized ? rowHeight(sheet.header, cols, (c) => sheet.columnWidths?.[c] !== undefined) : undefined;
  out.add(rowXml(r++, sheet.header.map((h, c) => cellXml(headerRow, c, h, headerStyle())).filter((x): x is string => x !== undefined), headerHeight));
  // Column letters and the few derived styles, worked out once for hundreds of thousands of rows;
  // styles are still asked for in the order the cells come, so their indices do not change.
  const letters = Array.from({ length: width }, (_, c) => columnName(c));
  const styleMemo = new Map<string, number>();
  const styleOf = (fill: XfChange['fill'], link: boolean, wrap: boolean): number | undefined => {
    if (fill === undefined && !link && !wrap) return undefined;
    const key = `${fill ?? ''}|${link ? 1 : 0}|${wrap ? 1 : 0}`;
    let id = styleMemo.get(key);
    if (id === undefined) styleMemo.set(key, (id = styles.xf(0, { fill, font: link ? 'link' : undefined, wrap })));
    return id;
  };
  let lastSheet: string | undefined;
  let quotedSheet = '';
  for (const row of sheet.rows) {
    const rowNumber = String(r + 1);
    let cells = '';
    const flagged = row.status === 'shortfall' || row.status === 'no-data' ? row.status : undefined;
    const linkColumn = row.link ? row.link.column : -1;
    for (let c = 0; c < width; c++) {
      const value = row.values[c] ?? null;
      const fill = row.cellStatus?.[c] ?? (flagged && (sheet.statusColumn === undefined || sheet.statusColumn === c) ? flagged : undefined);
      const style = styleOf(fill, linkColumn === c, cols[c].wrap && typeof value === 'string');
      cells += cellXmlAt(letters[c] + rowNumber, value, style);
    }
    if (row.link) {
      const display = row.values[row.link.column];
      if (row.link.sheet !== lastSheet) {
        lastSheet = row.link.sheet;
        quotedSheet = `'${lastSheet.replace(/'/g, "''")}'!`;
      }
      const location = quotedSheet + (row.link.cell.includes('$') ? row.link.cell.replace(/\$/g, '') : row.link.cell);
      anyLink = true;
      links.add(
        `<hyperlink ref="${letters[row.link.column] ?? columnName(row.link.column)}${rowNumber}" location="${encodeXmlText(location)}"` +
          (display !== null && display !== undefined && display !== '' ? ` display="${encodeXmlText(String(display))}"` : '') +
          '/>',
      );
    }
    const height = sized ? rowHeight(row.values, cols, (c) => cols[c].wrap) : undefined;
    const ht = height === undefined ? '' : ` ht="${height}" customHeight="1"`;
    out.add(cells ? `<row r="${rowNumber}"${ht}>${cells}</row>` : `<row r="${rowNumber}"${ht}/>`);
    r++;
  }

  out.add(`</sheetData>`);
  if (anyLink) {
    out.add('<hyperlinks>');
    out.addBytes(links.bytes());
    out.add('</hyperlinks>');
  }
  out.add(
    // Printed without gridlines a table of fills has no lines to follow the rows by.
    `<printOptions gridLines="1"/>` +
      `<pageMargins left="${PRINT_MARGIN}" right="${PRINT_MARGIN}" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
      // paperSize 9 is A4; fitToHeight 0 lets a long table run onto more pages. Too wide to fit
      // at a readable size, it prints at that size across pages, left half then right half.
      (print.fitToWidth
        ? `<pageSetup paperSize="9" orientation="landscape" pageOrder="overThenDown" fitToWidth="1" fitToHeight="0"/>`
        : `<pageSetup paperSize="9" orientation="landscape" pageOrder="overThenDown" scale="${print.scale}"/>`) +
      // The sheet's name on the left, "page / pages" on the right of every page's footer.
      `<headerFooter><oddFooter>&amp;L&amp;A&amp;R&amp;P / &amp;N</oddFooter></headerFooter>` +
      `</worksheet>`,
  );
  return out.bytes();
}

/** Left and right margins (inches): narrow, as official tables are printed, to leave the table its width. */
const PRINT_MARGIN = 0.4;
/** The smallest print scale (%): 11-point text printed no smaller than 8.25 points. */
export const MIN_PRINT_SCALE = 75;

export interface PrintLayout {
  /** The table fits one A4 landscape page wide at MIN_PRINT_SCALE or more: scale to the width. */
  readonly fitToWidth: boolean;
  /** Otherwise the scale it prints at (MIN_PRINT_SCALE). */
  readonly scale: number;
}

/**
 * Whether the columns fit an A4 landscape page wide at a readable scale, worked out as Excel
 * measures columns: 7 pixels a character of Calibri 11 and 5 of padding, 96 pixels an inch.
 */
function printLayout(cols: ReadonlyArray<ColumnLayout>): PrintLayout {
  let px = 0;
  for (const c of cols) px += Math.trunc(c.width * 7 + 5);
  const printable = (11.69 - 2 * PRINT_MARGIN) * 96;
  const fit = (printable / Math.max(1, px)) * 100;
  return fit >= MIN_PRINT_SCALE ? { fitToWidth: true, scale: Math.min(100, Math.floor(fit)) } : { fitToWidth: false, scale: MIN_PRINT_SCALE };
}

/**
 * The defined names a new workbook gives a findings sheet for printing: the header row repeated
 * on every page (and the leading columns, when the table prints across pages), and the table as
 * the print area. `sheetName` is the name the sheet was given.
 */
export function printNames(sheet: FindingsSheet, sheetName: string): { name: string; value: string }[] {
  let width = Math.max(1, sheet.header.length);
  for (const r of sheet.rows) if (r.values.length > width) width = r.values.length;
  const cols = columnLayout(sheet, width);
  const headerRow = (sheet.title ? 1 : 0) + (sheet.subtitles?.length ?? 0) + 1;
  const lastRow = headerRow + sheet.rows.length;
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  const repeatCols = Math.max(1, sheet.frozenColumns ?? 1);
  const titles = [`${quoted}!$${headerRow}:$${headerRow}`];
  if (!printLayout(cols).fitToWidth) titles.unshift(`${quoted}!$A:$${columnName(repeatCols - 1)}`);
  return [
    { name: '_xlnm.Print_Area', value: `${quoted}!$A$1:$${columnName(width - 1)}$${lastRow}` },
    { name: '_xlnm.Print_Titles', value: titles.join(',') },
  ];
}

/** Frozen header rows (and optionally leading columns), with the selection below them. */
function paneXml(frozenRows: number, frozenCols: number): string {
  const topLeft = toA1(frozenRows, frozenCols);
  if (frozenCols === 0) {
    return (
      `<pane ySplit="${frozenRows}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/>`
    );
  }
  return (
    `<pane xSplit="${frozenCols}" ySplit="${frozenRows}" topLeftCell="${topLeft}" activePane="bottomRight" state="frozen"/>` +
    `<selection pane="topRight"/><selection pane="bottomLeft"/>` +
    `<selection pane="bottomRight" activeCell="${topLeft}" sqref="${topLeft}"/>`
  );
}

interface ColumnLayout {
  readonly width: number;
  /** Some text is longer than the widest column we allow: wrap it instead of cutting it off. */
  readonly wrap: boolean;
}

function columnLayout(sheet: FindingsSheet, width: number): ColumnLayout[] {
  const out: ColumnLayout[] = [];
  for (let c = 0; c < width; c++) {
    const fixed = sheet.columnWidths?.[c];
    // A fixed-width column's header wraps on its own; only its values decide whether they wrap.
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

/** Length of the longest line, as a person reads it (code points). */
function textLength(v: FindingsCell): number {
  if (v === null) return 0;
  const s = typeof v === 'number' ? String(v) : v;
  if (!s.includes('\n')) return codePoints(s);
  return Math.max(0, ...s.split('\n').map(codePoints));
}

const SURROGATE = /[\ud800-\udfff]/;

function codePoints(s: string): number {
  return SURROGATE.test(s) ? Array.from(s).length : s.length;
}

function rowXml(r: number, cells: string[], height?: number): string {
  const ht = height === undefined ? '' : ` ht="${height}" customHeight="1"`;
  return cells.length ? `<row r="${r + 1}"${ht}>${cells.join('')}</row>` : `<row r="${r + 1}"${ht}/>`;
}

const LINE_HEIGHT = 15; // points per line of 11-point Calibri

/** Height for a row whose wrapped cells need more than one line; undefined when one line does. */
function rowHeight(values: ReadonlyArray<FindingsCell>, cols: ReadonlyArray<ColumnLayout>, wraps: (c: number) => boolean): number | undefined {
  let lines = 1;
  values.forEach((v, c) => {
    const col = cols[c];
    if (!col || !wraps(c) || typeof v !== 'string') return;
    // Words wrap whole, so a line holds fewer characters than the column is wide.
    const room = Math.max(1, col.width);
    for (const line of v.split('\n')) {
      const n = Array.from(line).length;
      lines = Math.max(lines, n <= room ? 1 : Math.ceil((n * 1.15) / room));
    }
  });
  return lines > 1 ? lines * LINE_HEIGHT : undefined;
}

function cellXml(r: number, c: number, value: FindingsCell, style: number | undefined): string | undefined {
  return cellXmlAt(toA1(r, c), value, style) || undefined;
}

/** A cell of the findings sheet; '' when there is nothing to write (no value, no style). */
function cellXmlAt(ref: string, value: FindingsCell, style: number | undefined): string {
  const s = style === undefined ? '' : ` s="${style}"`;
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"${s}><v>${String(value)}</v></c>`;
  const text = value === null ? '' : typeof value === 'number' ? String(value) : value;
  if (text === '') return style === undefined ? '' : `<c r="${ref}"${s}/>`;
  const clipped = text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
  const normal = clipped.includes('\r') ? clipped.replace(/\r\n?/g, '\n') : clipped;
  const space = /^\s|\s$|\n/.test(normal) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${encodeXmlText(normal)}</t></is></c>`;
}
