import { CellValue, cellError } from '../../grid/cell';
import { ExcelTable, SheetGrid, WorkbookGrid } from '../../grid/grid';
import { PackedCells, PackedCellsBuilder, unpackRows } from '../../grid/packedCells';
import { parseRange, RangeRef, scanA1, toA1 } from '../../grid/address';
import { openPackage, partText, readRelationships, WorkbookFormatError, XlsxPackage } from '../package';
import { readSharedStrings, SharedStrings } from './sharedStrings';
import { spreadsheetMlOnly } from '../xml/markupCompatibility';
import { decodeXmlPart } from '../xml/partEncoding';
import { indexOfAscii, NOT_BYTE_PLAIN, plainNumberAt, scanSheetData, textOf } from './sheetDataBytes';
import { parseXml, XmlHandlers } from '../xml/xmlEvents';

/**
 * Reads an .xlsx package into the core's grid: computed values (never formulas), merged areas,
 * hidden rows, Excel tables. Tolerant by design: it reads only what the check needs and ignores
 * everything it does not understand, so charts, pivots or odd extensions never stop it.
 */
export function readWorkbook(bytes: Uint8Array): WorkbookGrid {
  return readPackage(openPackage(bytes));
}

/** `cellsAsBytes`: false reads every sheet and the shared strings as text (tests compare both ways). */
export function readPackage(pkg: XlsxPackage, cellsAsBytes = true): WorkbookGrid {
  const shared = readSharedStrings(pkg, cellsAsBytes);
  const sheets: SheetGrid[] = [];
  for (const s of pkg.sheets) {
    if (!s.path) continue; // chart sheets and dialog sheets hold no cells
    const data = pkg.parts.get(s.path);
    if (data === undefined) continue;
    const parsed = (cellsAsBytes ? worksheetFromBytes(data, shared, s.name, s.path) : undefined) ?? parseWorksheet(decodeXmlPart(data, s.path), shared, s.name);
    const tables = readTables(pkg, s.path);
    const { merges, hiddenRows, formulaCells } = parsed;
    const sheet = { name: s.name, visibility: s.state, merges, hiddenRows, formulaCells, tables };
    sheets.push('packed' in parsed ? packedSheet(sheet, parsed.packed) : { ...sheet, rows: parsed.rows });
  }
  return { sheets };
}

type ParsedSheet = ({ rows: CellValue[][] } | { packed: PackedCells }) & {
  merges: RangeRef[];
  hiddenRows: Set<number>;
  formulaCells: Set<string>;
};

/**
 * A sheet whose cells are packed, its rows made only if someone asks for them. `packed` is how the
 * cells are held, not more of them: it is not enumerable, so a sheet read either way compares and
 * serialises the same (as its rows).
 */
function packedSheet(sheet: Omit<SheetGrid, 'rows' | 'packed'>, packed: PackedCells): SheetGrid {
  let rows: CellValue[][] | undefined;
  const out = {
    ...sheet,
    get rows() {
      return (rows ??= unpackRows(packed));
    },
  };
  return Object.defineProperty(out, 'packed', { value: packed, enumerable: false });
}

function parseWorksheet(xml: string, shared: SharedStrings, sheetName: string): ParsedSheet {
  return parseXml(xml, `worksheet "${sheetName}"`, () => {
    const { handlers, result } = worksheetHandlers(shared, sheetName);
    return { handlers: spreadsheetMlOnly(handlers), result };
  });
}

/**
 * A worksheet whose cells are plain (what spreadsheet writers produce) read from its bytes: the
 * cells by scanSheetData, everything around them (merged areas) by the text reader with an empty
 * `<sheetData/>` in their place. Undefined, having kept nothing, for a part that is anything but
 * plain or has anything wrong with it: the text reader then reads it whole, and gives the
 * results, or the one sentence of what is wrong, exactly as it always has.
 */
function worksheetFromBytes(data: Uint8Array, shared: SharedStrings, sheetName: string, path: string): ParsedSheet | undefined {
  try {
    if (data[0] !== 0x3c && !(data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf)) return undefined; // UTF-8 only
    const open = indexOfAscii(data, '<sheetData>');
    const close = open < 0 ? -1 : indexOfAscii(data, '</sheetData>', open);
    // A second sheetData can only follow the first: between them scanSheetData takes rows and cells alone.
    if (close < 0 || indexOfAscii(data, '<sheetData', close + 1) >= 0 || indexOfAscii(data, '</sheetData', close + 1) >= 0) return undefined;
    const from = open + '<sheetData>'.length;
    const around = new Uint8Array(open + EMPTY_SHEET_DATA.length + data.length - close - '</sheetData>'.length);
    around.set(data.subarray(0, open));
    around.set(EMPTY_SHEET_DATA, open);
    around.set(data.subarray(close + '</sheetData>'.length), open + EMPTY_SHEET_DATA.length);
    let sawSheetData = false;
    const outside = parseXml(decodeXmlPart(around, path), `worksheet "${sheetName}"`, () => {
      sawSheetData = false;
      const { handlers, result } = worksheetHandlers(shared, sheetName);
      const open: XmlHandlers['open'] = (name, a, qname) => {
        if (name === 'sheetData') sawSheetData = true;
        handlers.open(name, a, qname);
      };
      return { handlers: spreadsheetMlOnly({ ...handlers, open }), result };
    });
    // The sheetData found must be the one the sheet's reader takes, and nothing cell-like outside it.
    if (!sawSheetData || !('rows' in outside) || outside.rows.length > 0 || outside.hiddenRows.size > 0 || outside.formulaCells.size > 0) return undefined;
    return { ...cellsFromBytes(data, from, close, shared), merges: outside.merges };
  } catch {
    return undefined;
  }
}

const EMPTY_SHEET_DATA = Uint8Array.from('<sheetData/>', (c) => c.charCodeAt(0));

/** The cells of a plain `<sheetData>`, with the text reader's rules (worksheetHandlers); NOT_BYTE_PLAIN for any doubt. */
function cellsFromBytes(
  data: Uint8Array,
  from: number,
  to: number,
  shared: SharedStrings,
): { packed: PackedCells; hiddenRows: Set<number>; formulaCells: Set<string> } {
  // Room for about as many cells as the bytes hold (a plain cell takes some 28 bytes); a sheet
  // whose rows, padded from column A, would take far more is read as text (PackedCellsBuilder).
  const cells = new PackedCellsBuilder(Math.ceil((to - from) / 28), Math.max(1 << 22, (to - from) >> 1));
  const hiddenRows = new Set<number>();
  const formulaCells = new Set<string>();
  let rowIdx = -1;
  let colIdx = -1;
  let lastRow = -1;
  let lastCol = -1;
  scanSheetData(data, from, to, {
    row(r, hidden) {
      rowIdx = r ? r - 1 : rowIdx + 1;
      colIdx = -1;
      if (!inGrid(rowIdx, 0)) throw NOT_BYTE_PLAIN;
      if (hidden) hiddenRows.add(rowIdx);
    },
    cell(row, col, t, hasFormula, vStart, vEnd, inline) {
      if (col >= 0) {
        colIdx = col;
        rowIdx = row;
      } else colIdx++;
      if (!inGrid(rowIdx, colIdx)) throw NOT_BYTE_PLAIN;
      // Out of order: the text reader checks it against every cell read.
      if (!(rowIdx > lastRow || (rowIdx === lastRow && colIdx > lastCol))) throw NOT_BYTE_PLAIN;
      lastRow = rowIdx;
      lastCol = colIdx;
      let value: CellValue = null;
      let kept = true;
      if (inline !== undefined) value = inline === '' ? null : inline;
      else if (vEnd > vStart) {
        const n = t === 'n' || t === 's' ? plainNumberAt(data, vStart, vEnd) : undefined;
        if (n !== undefined && t === 'n') value = n;
        else if (n !== undefined) {
          const text = shared.at(n);
          if (text !== undefined && text !== '') kept = cells.addShared(rowIdx, colIdx, n, text);
        } else value = cellValue(t, textOf(data, vStart, vEnd), false, shared);
      }
      if (value !== null) kept = cells.add(rowIdx, colIdx, value);
      if (!kept) throw NOT_BYTE_PLAIN;
      if (hasFormula) formulaCells.add(toA1(rowIdx, colIdx));
    },
  });
  return { packed: cells.build(), hiddenRows, formulaCells };
}

function worksheetHandlers(shared: SharedStrings, sheetName: string): { handlers: XmlHandlers; result: () => ParsedSheet } {
  const rows: CellValue[][] = [];
  const merges: RangeRef[] = [];
  const hiddenRows = new Set<number>();
  const formulaCells = new Set<string>();

  let rowIdx = -1;
  let colIdx = -1;
  let type = 'n';
  let hasFormula = false;
  let text = '';
  let collecting: 'v' | 't' | null = null;
  let inInline = false;
  let inCell = false;
  let phonetic = 0;
  // Cells come in order in every file a spreadsheet writes; one that does not is checked against
  // those already read, so no address can be given two values (the second hidden from view).
  let lastRow = -1;
  let lastCol = -1;
  let outOfOrder: Set<number> | undefined;

  const handlers: XmlHandlers = {
    open(name, a) {
      switch (name) {
        case 'row':
          rowIdx = a.r ? Number(a.r) - 1 : rowIdx + 1;
          colIdx = -1;
          if (!inGrid(rowIdx, 0)) outsideGrid({ vi: `dòng ${a.r ?? rowIdx + 1}`, en: `row ${a.r ?? rowIdx + 1}` }, sheetName);
          if (a.hidden === '1' || a.hidden === 'true') hiddenRows.add(rowIdx);
          break;
        case 'c': {
          inCell = true;
          if (a.r) {
            const ref = scanA1(a.r);
            if (ref) {
              colIdx = ref.col;
              rowIdx = ref.row;
            } else colIdx++;
          } else colIdx++;
          type = a.t ?? 'n';
          hasFormula = false;
          text = '';
          inInline = false;
          break;
        }
        case 'v':
          if (inCell) {
            collecting = 'v';
            text = '';
          }
          break;
        case 'f':
          if (inCell) hasFormula = true;
          break;
        case 'is':
          inInline = true;
          text = '';
          break;
        case 't':
          if (inInline) collecting = 't';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 'mergeCell':
          if (a.ref) merges.push(parseRange(a.ref));
          break;
      }
    },
    text(t) {
      if (collecting && phonetic === 0) text += t;
    },
    close(name) {
      if (name === 'v' || name === 't') collecting = null;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c') {
        inCell = false;
        if (!inGrid(rowIdx, colIdx)) outsideGrid({ vi: `ô ${toA1Loose(rowIdx, colIdx)}`, en: `cell ${toA1Loose(rowIdx, colIdx)}` }, sheetName);
        if (rowIdx > lastRow || (rowIdx === lastRow && colIdx > lastCol)) {
          lastRow = rowIdx;
          lastCol = colIdx;
          outOfOrder?.add(rowIdx * MAX_COLS + colIdx);
        } else {
          const key = rowIdx * MAX_COLS + colIdx;
          if (
            rows[rowIdx]?.[colIdx] !== undefined ||
            formulaCells.has(toA1(rowIdx, colIdx)) ||
            outOfOrder?.has(key) ||
            (rowIdx === lastRow && colIdx === lastCol)
          ) {
            cellTwice(toA1(rowIdx, colIdx), sheetName);
          }
          (outOfOrder ??= new Set()).add(key);
        }
        const value = cellValue(type, text, inInline, shared);
        if (value !== null) (rows[rowIdx] ??= [])[colIdx] = value;
        if (hasFormula) formulaCells.add(toA1(rowIdx, colIdx));
        text = '';
      }
    },
  };
  return { handlers, result: () => ({ rows, merges, hiddenRows, formulaCells }) };
}

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/**
 * A cell outside Excel's grid cannot come from Excel and would make every scan of the sheet
 * walk billions of empty positions: the file is refused with the cell named.
 */
function inGrid(row: number, col: number): boolean {
  return Number.isInteger(row) && Number.isInteger(col) && row >= 0 && row < MAX_ROWS && col >= 0 && col < MAX_COLS;
}

function outsideGrid(what: { vi: string; en: string }, sheetName: string): never {
  throw new WorkbookFormatError(
    `trang "${sheetName}" có ${what.vi} nằm ngoài giới hạn của Excel (1.048.576 dòng, 16.384 cột); tệp bị hỏng hoặc không do Excel tạo ra`,
    `sheet "${sheetName}" has ${what.en} outside Excel's limits (1,048,576 rows, 16,384 columns); the file is damaged or was not made by Excel`,
  );
}

function cellTwice(a1: string, sheetName: string): never {
  throw new WorkbookFormatError(
    `trang "${sheetName}" có ô ${a1} được ghi hai lần; Excel không tạo ra tệp như vậy và không biết được số nào là số hiển thị, nên tệp không được kiểm tra`,
    `sheet "${sheetName}" has cell ${a1} written twice; Excel does not make such files and there is no telling which figure is shown, so the file is not checked`,
  );
}

function toA1Loose(row: number, col: number): string {
  return Number.isInteger(row) && Number.isInteger(col) && row >= 0 && col >= 0 && col < 1e6 ? toA1(row, col) : `(${row + 1}, ${col + 1})`;
}

function cellValue(type: string, raw: string, inline: boolean, shared: SharedStrings): CellValue {
  if (type === 'inlineStr' || inline) return raw === '' ? null : raw;
  if (raw === '') return null; // a formula with no cached result (openpyxl) is no data, not zero
  switch (type) {
    case 's': {
      const s = shared.at(Number(raw));
      return s === undefined || s === '' ? null : s;
    }
    case 'str':
      return raw;
    case 'b':
      return raw === '1' || raw === 'true';
    case 'e':
      return cellError(raw.trim());
    case 'd':
      return raw; // ISO date text; never an indicator value
    default:
      return xsdDouble(raw);
  }
}

/** xsd:double's lexical form (leading and trailing XML white space collapsed), without INF and NaN. */
const XSD_DOUBLE = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/**
 * A number cell's value as OOXML defines it (xsd:double), never JavaScript's wider Number():
 * `0x10`, `0b1`, blank or white space, `INF` and `NaN` are no data, not 16, 1, 0 or a figure that
 * can never be met. Anything else that is not a finite double is no data too.
 */
export function xsdDouble(raw: string): number | null {
  const s = raw.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  if (!XSD_DOUBLE.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function readTables(pkg: XlsxPackage, sheetPath: string): ExcelTable[] {
  const tables: ExcelTable[] = [];
  for (const rel of readRelationships(pkg.parts, sheetPath)) {
    if (!/\/table$/.test(rel.type) || rel.external) continue;
    const xml = partText(pkg.parts, rel.target);
    if (xml === undefined) continue;
    const table = parseXml(xml, rel.target, () => {
      let found: ExcelTable | undefined;
      const handlers: XmlHandlers = {
        open(name, a) {
          if (name !== 'table' || found || !a.ref) return;
          found = {
            name: a.displayName ?? a.name ?? '',
            range: parseRange(a.ref),
            headerRows: a.headerRowCount === undefined ? 1 : Number(a.headerRowCount),
            totalsRows: a.totalsRowCount === undefined ? 0 : Number(a.totalsRowCount),
          };
        },
      };
      return { handlers: spreadsheetMlOnly(handlers), result: () => found };
    });
    if (table) tables.push(table);
  }
  return tables;
}
