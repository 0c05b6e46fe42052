import { columnName, toA1 } from '../../grid/address';
import { concatBytes } from '../xml/byteText';
import { XmlByteWriter } from './xmlByteWriter';
import { encodeXmlText } from '../../xml/encodeXml';
import { isRegexSpace } from '../../xml/regexSpace';
import {
  dataRowHeight,
  headerHeight,
  PRINT_FOOTER,
  PRINT_MARGINS,
  printAreaA1,
  printTitleColumnsA1,
  printTitleRowsA1,
  sheetLayout,
} from './findingsSheetLayout';
import { FillStatus, FindingsCell, FindingsSheet } from './highlightPlan';
import { StylesPatch, XfChange } from '../patch/patchStyles';

const MAX_CELL_TEXT = 32767; // Excel's limit for one cell

/**
 * The worksheet part of the findings sheet, as UTF-8 bytes. Text is written as inline strings so
 * the workbook's shared-string table is left untouched; numbers are real numbers. The header row
 * (after an optional title row) is bold and frozen, links are internal hyperlinks (no relationship
 * needed). Written row by row into byte chunks: a national findings sheet has hundreds of
 * thousands of rows and would otherwise be one string of a hundred megabytes.
 */
export function findingsSheetPart(sheet: FindingsSheet, styles: StylesPatch, mainNs: string): Uint8Array {
  return concatBytes([...findingsSheetChunks(sheet, styles, mainNs)]);
}

/**
 * The same part in the chunks it is written in, each given as soon as it is full and never
 * joined: the CLI's compressor pulls them one after another, so a national findings sheet is never
 * held whole. Cell formats are asked of `styles` as the rows are written, so the stylesheet is
 * final only once the last chunk is given.
 */
export function* findingsSheetChunks(sheet: FindingsSheet, styles: StylesPatch, mainNs: string): Generator<Uint8Array, void, undefined> {
  const layout = sheetLayout(sheet);
  const { width, headerRow, print } = layout;
  const cols = layout.columns;
  const bold = () => styles.xf(0, { font: 'bold' });
  const lastRow = layout.lastRow + 1;

  const out = new XmlByteWriter();
  const links = new XmlByteWriter();
  let anyLink = false;
  out.raw(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<worksheet xmlns="${mainNs}">` +
      `<dimension ref="A1:${columnName(width - 1)}${lastRow}"/>` +
      `<sheetViews><sheetView workbookViewId="0">${paneXml(headerRow + 1, sheet.frozenColumns ?? 0)}</sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/>` +
      `<cols>${cols.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>` +
      `<sheetData>`,
  );

  let r = 0;
  if (sheet.title) {
    out.raw(rowXml(r, [cellXml(r, 0, sheet.title, bold()) as string]));
    r++;
  }
  for (const line of sheet.subtitles ?? []) {
    const cell = cellXml(r, 0, line, undefined);
    out.raw(rowXml(r++, cell ? [cell] : []));
  }
  // With fixed column widths the header wraps rather than being cut off (all of it, so it aligns alike).
  const headerStyle = () => (sheet.columnWidths !== undefined ? styles.xf(0, { font: 'bold', wrap: true }) : bold());
  // Wrapped text needs the row's height set to its tallest cell (see rowHeight).
  out.raw(
    rowXml(
      r++,
      sheet.header.map((h, c) => cellXml(headerRow, c, h, headerStyle())).filter((x): x is string => x !== undefined),
      headerHeight(sheet, layout),
    ),
  );
  // Column letters and the few derived styles, worked out once for hundreds of thousands of rows;
  // styles are still asked for in the order the cells come, so their indices do not change.
  const letters = Array.from({ length: width }, (_, c) => columnName(c));
  /** The start of each column's cell tag, and each style's attribute, as markup written a cell at a time. */
  const cellOpen = letters.map((l) => `<c r="${l}`);
  const styleAttrs: string[] = [];
  const styleMemo: Array<number | undefined> = [];
  // Rows several lines tall read from their top line: every cell of such a sheet is aligned to the top.
  // (Empty cells are left out rather than written only to carry the alignment.)
  const styleOf = (fill: XfChange['fill'], link: boolean, wrap: boolean, filled: boolean): number | undefined => {
    const top = layout.sized && filled;
    if (fill === undefined && !link && !wrap && !top) return undefined;
    const key = (fill === undefined ? 0 : FILL_KEY[fill]) * 8 + (link ? 4 : 0) + (wrap ? 2 : 0) + (top ? 1 : 0);
    let id = styleMemo[key];
    if (id === undefined) styleMemo[key] = id = styles.xf(0, { fill, font: link ? 'link' : undefined, wrap, top });
    return id;
  };
  /** Each cell's style for the row being written (asked for before the row is written, in column order). */
  const rowStyles: Array<number | undefined> = new Array<number | undefined>(width).fill(undefined);
  let lastSheet: string | undefined;
  let quotedSheet = '';
  for (const row of sheet.rows) {
    // Read once: a row may make its values and link when asked (highlightPlan's rows do).
    const values = row.values;
    const link = row.link;
    const rowNumber = String(r + 1);
    const flagged = row.status === 'shortfall' || row.status === 'no-data' ? row.status : undefined;
    const linkColumn = link ? link.column : -1;
    let anyCell = false;
    for (let c = 0; c < width; c++) {
      const value = values[c] ?? null;
      const fill = row.cellStatus?.[c] ?? (flagged && (sheet.statusColumn === undefined || sheet.statusColumn === c) ? flagged : undefined);
      const style = styleOf(fill, linkColumn === c, cols[c].wrap && typeof value === 'string', value !== null && value !== '');
      rowStyles[c] = style;
      if (style !== undefined || (value !== null && value !== '')) anyCell = true;
    }
    const height = dataRowHeight(values, layout);
    out.ascii('<row r="');
    out.ascii(rowNumber);
    if (height !== undefined) {
      out.ascii('" ht="');
      out.ascii(String(height));
      out.ascii('" customHeight="1');
    }
    if (anyCell) {
      out.ascii('">');
      for (let c = 0; c < width; c++) {
        const style = rowStyles[c];
        writeCell(out, cellOpen[c], rowNumber, values[c] ?? null, style === undefined ? undefined : (styleAttrs[style] ??= `" s="${style}`));
      }
      out.ascii('</row>');
    } else out.ascii('"/>');
    if (link) {
      const display = values[link.column];
      if (link.sheet !== lastSheet) {
        lastSheet = link.sheet;
        quotedSheet = `'${lastSheet.replace(/'/g, "''")}'!`;
      }
      anyLink = true;
      links.ascii('<hyperlink ref="');
      links.ascii(letters[link.column] ?? columnName(link.column));
      links.ascii(rowNumber);
      links.ascii('" location="');
      links.text(quotedSheet);
      links.text(link.cell.includes('$') ? link.cell.replace(/\$/g, '') : link.cell);
      if (display !== null && display !== undefined && display !== '') {
        links.ascii('" display="');
        links.text(String(display));
      }
      links.ascii('"/>');
    }
    r++;
    if (out.finished > 0) yield* out.takeFinished();
  }

  out.raw(`</sheetData>`);
  if (anyLink) {
    out.raw('<hyperlinks>');
    out.append(links);
    out.raw('</hyperlinks>');
  }
  out.raw(
    // Printed without gridlines a table of fills has no lines to follow the rows by.
    `<printOptions gridLines="1"/>` +
      `<pageMargins left="${PRINT_MARGINS.left}" right="${PRINT_MARGINS.right}" top="${PRINT_MARGINS.top}" bottom="${PRINT_MARGINS.bottom}" header="${PRINT_MARGINS.header}" footer="${PRINT_MARGINS.footer}"/>` +
      // paperSize 9 is A4. The scale that fits the width, written as a scale rather than "fit to
      // one page wide": a reader without Calibri's metrics then prints the same readable size
      // across more pages instead of shrinking the text (LibreOffice set it at 5 to 6.5 points with
      // DejaVu Sans), and LibreOffice's fit-to-width added a blank last page to long sheets.
      `<pageSetup paperSize="9" orientation="landscape" pageOrder="overThenDown" scale="${print.scale}"/>` +
      // The sheet's name on the left, "page / pages" on the right of every page's footer.
      `<headerFooter><oddFooter>${encodeXmlText(`&L${PRINT_FOOTER.left}&R${PRINT_FOOTER.right}`)}</oddFooter></headerFooter>` +
      `</worksheet>`,
  );
  for (const chunk of out.pieces()) if (chunk.length > 0) yield chunk;
}

/**
 * The defined names a findings sheet needs for printing: the header row repeated on every page
 * (and the leading columns, when the table prints across pages), and the table as the print area.
 * `sheetName` is the name the sheet was given; the names are local to that sheet.
 */
export function printNames(sheet: FindingsSheet, sheetName: string): { name: string; value: string }[] {
  const layout = sheetLayout(sheet);
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  const columns = printTitleColumnsA1(layout);
  const titles = [...(columns ? [`${quoted}!${columns}`] : []), `${quoted}!${printTitleRowsA1(layout)}`];
  return [
    { name: '_xlnm.Print_Area', value: `${quoted}!${printAreaA1(layout)}` },
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

function rowXml(r: number, cells: string[], height?: number): string {
  const ht = height === undefined ? '' : ` ht="${height}" customHeight="1"`;
  return cells.length ? `<row r="${r + 1}"${ht}>${cells.join('')}</row>` : `<row r="${r + 1}"${ht}/>`;
}

function cellXml(r: number, c: number, value: FindingsCell, style: number | undefined): string | undefined {
  return cellXmlAt(toA1(r, c), value, style) || undefined;
}

/** Fills as numbers, for the key of a derived style. */
const FILL_KEY: Record<FillStatus, number> = { shortfall: 1, 'no-data': 2, met: 3, warning: 4, 'not-reported': 5 };

/**
 * A data cell written straight into the part's bytes, as cellXmlAt writes it: nothing when it has
 * no value and no style. `open` is `<c r="` and the column's letters, `styleAttr` the cell's `" s="7`.
 */
function writeCell(out: XmlByteWriter, open: string, rowNumber: string, value: FindingsCell, styleAttr: string | undefined): void {
  const number = typeof value === 'number' && Number.isFinite(value);
  const text = number || value === null ? '' : typeof value === 'number' ? String(value) : value;
  if (!number && text === '' && styleAttr === undefined) return;
  out.ascii(open);
  out.ascii(rowNumber);
  if (styleAttr !== undefined) out.ascii(styleAttr);
  if (number) {
    out.ascii('"><v>');
    out.ascii(String(value));
    out.ascii('</v></c>');
    return;
  }
  if (text === '') {
    out.ascii('"/>');
    return;
  }
  const clipped = text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
  const normal = clipped.includes('\r') ? clipped.replace(/\r\n?/g, '\n') : clipped;
  out.ascii(preservesSpace(normal) ? '" t="inlineStr"><is><t xml:space="preserve">' : '" t="inlineStr"><is><t>');
  out.text(normal);
  out.ascii('</t></is></c>');
}

/** Text whose leading or trailing white space or line breaks a reader must keep. */
function preservesSpace(normal: string): boolean {
  return isRegexSpace(normal.charCodeAt(0)) || isRegexSpace(normal.charCodeAt(normal.length - 1)) || normal.includes('\n');
}

/** A cell of the findings sheet; '' when there is nothing to write (no value, no style). */
function cellXmlAt(ref: string, value: FindingsCell, style: number | undefined): string {
  const s = style === undefined ? '' : ` s="${style}"`;
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"${s}><v>${String(value)}</v></c>`;
  const text = value === null ? '' : typeof value === 'number' ? String(value) : value;
  if (text === '') return style === undefined ? '' : `<c r="${ref}"${s}/>`;
  const clipped = text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
  const normal = clipped.includes('\r') ? clipped.replace(/\r\n?/g, '\n') : clipped;
  const space = preservesSpace(normal) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${encodeXmlText(normal)}</t></is></c>`;
}
