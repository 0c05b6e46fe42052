import { columnName, toA1 } from '../grid/address';
import { encodeXmlText } from './byteText';
import { FindingsCell, FindingsSheet } from './highlightPlan';
import { StylesPatch, XfChange } from './patchStyles';

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const MAX_CELL_TEXT = 32767; // Excel's limit for one cell

/**
 * The worksheet XML of the findings sheet. Text is written as inline strings so the workbook's
 * shared-string table is left untouched; numbers are real numbers. The header row (after an
 * optional title row) is bold and frozen, links are internal hyperlinks (no relationship needed).
 */
export function findingsSheetXml(sheet: FindingsSheet, styles: StylesPatch, mainNs: string): string {
  // A loop, not a spread: a national findings sheet has hundreds of thousands of rows.
  let width = Math.max(1, sheet.header.length);
  for (const r of sheet.rows) if (r.values.length > width) width = r.values.length;
  const cols = columnLayout(sheet, width);
  const rows: string[] = [];
  const links: string[] = [];
  const bold = () => styles.xf(0, { font: 'bold' });

  let r = 0;
  if (sheet.title) {
    rows.push(rowXml(r, [cellXml(r, 0, sheet.title, bold()) as string]));
    r++;
  }
  const headerRow = r;
  rows.push(rowXml(r++, sheet.header.map((h, c) => cellXml(headerRow, c, h, bold())).filter((x): x is string => x !== undefined)));
  for (const row of sheet.rows) {
    const cells: string[] = [];
    const flagged = row.status === 'shortfall' || row.status === 'no-data' ? row.status : undefined;
    for (let c = 0; c < width; c++) {
      const value = row.values[c] ?? null;
      const change: XfChange = {
        fill: flagged && (sheet.statusColumn === undefined || sheet.statusColumn === c) ? flagged : undefined,
        font: row.link && row.link.column === c ? 'link' : undefined,
        wrap: cols[c].wrap && typeof value === 'string',
      };
      const styled = change.fill !== undefined || change.font !== undefined || change.wrap === true;
      const cell = cellXml(r, c, value, styled ? styles.xf(0, change) : undefined);
      if (cell) cells.push(cell);
    }
    if (row.link) {
      const display = row.values[row.link.column];
      const location = `'${row.link.sheet.replace(/'/g, "''")}'!${row.link.cell.replace(/\$/g, '')}`;
      links.push(
        `<hyperlink ref="${toA1(r, row.link.column)}" location="${encodeXmlText(location)}"` +
          (display !== null && display !== undefined && display !== '' ? ` display="${encodeXmlText(String(display))}"` : '') +
          '/>',
      );
    }
    rows.push(rowXml(r++, cells));
  }

  const lastRow = Math.max(1, r);
  const firstData = headerRow + 2; // 1-based row below the header
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${mainNs}">` +
    `<dimension ref="A1:${columnName(width - 1)}${lastRow}"/>` +
    `<sheetViews><sheetView workbookViewId="0">` +
    `<pane ySplit="${headerRow + 1}" topLeftCell="A${firstData}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${firstData}" sqref="A${firstData}"/>` +
    `</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${cols.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `</worksheet>`
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
    let longest = textLength(sheet.header[c] ?? null);
    let multiline = false;
    for (const row of sheet.rows) {
      const v = row.values[c] ?? null;
      longest = Math.max(longest, textLength(v));
      if (typeof v === 'string' && v.includes('\n')) multiline = true;
    }
    const w = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(longest * 1.1) + 2));
    out.push({ width: w, wrap: multiline || longest * 1.1 + 2 > MAX_WIDTH });
  }
  return out;
}

/** Length of the longest line, as a person reads it (code points). */
function textLength(v: FindingsCell): number {
  if (v === null) return 0;
  const s = typeof v === 'number' ? String(v) : v;
  return Math.max(0, ...s.split('\n').map((line) => Array.from(line).length));
}

function rowXml(r: number, cells: string[]): string {
  return cells.length ? `<row r="${r + 1}">${cells.join('')}</row>` : `<row r="${r + 1}"/>`;
}

function cellXml(r: number, c: number, value: FindingsCell, style: number | undefined): string | undefined {
  const ref = toA1(r, c);
  const s = style === undefined ? '' : ` s="${style}"`;
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"${s}><v>${String(value)}</v></c>`;
  const text = value === null ? '' : typeof value === 'number' ? String(value) : value;
  if (text === '') return style === undefined ? undefined : `<c r="${ref}"${s}/>`;
  const clipped = text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
  const normal = clipped.replace(/\r\n?/g, '\n');
  const space = /^\s|\s$|\n/.test(normal) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${encodeXmlText(normal)}</t></is></c>`;
}
