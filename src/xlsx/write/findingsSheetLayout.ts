import { columnName } from '../../grid/address';
import { FindingsCell, FindingsSheet } from './highlightPlan';

/**
 * How a generated sheet (a FindingsSheet) is laid out and printed, worked out once for both of its
 * writers: the CLI's package writer (findingsSheetPart) and the add-in's Office.js writer
 * (addin/excel/writeFindingsSheet). Column widths, which columns wrap, row heights for wrapped
 * text, whether the table fits an A4 landscape page wide at a readable scale, the rows repeated on
 * every printed page and the print area. Pure: no XML, no Office.js.
 */

const MIN_WIDTH = 8;
/** Longer text wraps (rows get their height): a 60-character column made a findings sheet too wide to print readably. */
const MAX_WIDTH = 40;

/** Left and right margins (inches): narrow, as official tables are printed, to leave the table its width. */
export const PRINT_MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;
/** The smallest print scale (%): 11-point text printed no smaller than 8.25 points. */
export const MIN_PRINT_SCALE = 75;
/** Footer of every printed page: the sheet's name on the left, "page / pages" on the right (Excel's header codes). */
export const PRINT_FOOTER = { left: '&A', right: '&P / &N' } as const;

export interface ColumnLayout {
  /** Characters of the default font (Calibri 11), as Excel counts column widths. */
  readonly width: number;
  /** Some text is longer than the widest column allowed: it wraps instead of being cut off. */
  readonly wrap: boolean;
}

export interface PrintLayout {
  /** The table fits one A4 landscape page wide at MIN_PRINT_SCALE or more (in Calibri, as Excel sets it). */
  readonly onePageWide: boolean;
  /**
   * The scale (%) that fits it to the width, at most 100; MIN_PRINT_SCALE when it does not fit,
   * and it then prints across pages with the leading columns repeated.
   */
  readonly scale: number;
}

export interface SheetLayout {
  /** Columns written: the header's or the widest row's, whichever is more. */
  readonly width: number;
  readonly columns: ReadonlyArray<ColumnLayout>;
  /** 0-based row of the header (after the title and subtitles). */
  readonly headerRow: number;
  /** 0-based last row written (the header when there are no rows). */
  readonly lastRow: number;
  /** Row heights are set: fixed widths wrap the header, or some column wraps its values. */
  readonly sized: boolean;
  readonly print: PrintLayout;
  /** Columns repeated at the left of every page when the table prints across pages (0 when it fits). */
  readonly repeatColumns: number;
}

/** Worked out once per sheet: the part, its print names and the add-in all ask, and a national sheet is long. */
const layouts = new WeakMap<FindingsSheet, SheetLayout>();

export function sheetLayout(sheet: FindingsSheet): SheetLayout {
  let layout = layouts.get(sheet);
  if (!layout) layouts.set(sheet, (layout = computeLayout(sheet)));
  return layout;
}

function computeLayout(sheet: FindingsSheet): SheetLayout {
  const { width, columns } = columnLayout(sheet);
  const headerRow = (sheet.title ? 1 : 0) + (sheet.subtitles?.length ?? 0);
  const print = printLayout(columns);
  return {
    width,
    columns,
    headerRow,
    lastRow: headerRow + sheet.rows.length,
    sized: sheet.columnWidths !== undefined || columns.some((c) => c.wrap),
    print,
    repeatColumns: print.onePageWide ? 0 : Math.max(1, sheet.frozenColumns ?? 1),
  };
}

/** The print area in A1 form with absolute references (`$A$1:$O$240`). */
export function printAreaA1(layout: SheetLayout): string {
  return `$A$1:$${columnName(layout.width - 1)}$${layout.lastRow + 1}`;
}

/** The header row, repeated at the top of every printed page (`$4:$4`). */
export function printTitleRowsA1(layout: SheetLayout): string {
  return `$${layout.headerRow + 1}:$${layout.headerRow + 1}`;
}

/** The leading columns repeated at the left of every page when the table prints across pages (`$A:$B`), else undefined. */
export function printTitleColumnsA1(layout: SheetLayout): string | undefined {
  return layout.repeatColumns > 0 ? `$A:$${columnName(layout.repeatColumns - 1)}` : undefined;
}

/**
 * LibreOffice, even with Calibri's metrics (Carlito), lays the same columns out some 3 % wider
 * than Excel: the scale leaves that much room, so the last column never goes to a page of its own.
 */
const WIDTH_ROOM = 1.04;

/**
 * Whether the columns fit an A4 landscape page wide at a readable scale, worked out as Excel
 * measures columns: 7 pixels a character of Calibri 11 and 5 of padding, 96 pixels an inch.
 */
function printLayout(cols: ReadonlyArray<ColumnLayout>): PrintLayout {
  let px = 0;
  for (const c of cols) px += Math.trunc(c.width * 7 + 5);
  const printable = (11.69 - PRINT_MARGINS.left - PRINT_MARGINS.right) * 96;
  const fit = (printable / (Math.max(1, px) * WIDTH_ROOM)) * 100;
  return fit >= MIN_PRINT_SCALE ? { onePageWide: true, scale: Math.min(100, Math.floor(fit)) } : { onePageWide: false, scale: MIN_PRINT_SCALE };
}

/** What is known of a column's text so far (see columnLayout). */
interface ColumnText {
  readonly fixed: number | undefined;
  longest: number;
  multiline: boolean;
  /** A fixed-width column known to wrap: its other values change nothing. */
  settled: boolean;
}

/**
 * The columns written (the header's or the widest row's, whichever is more) and their layout:
 * fixed widths where given, else fit to the text within 8–40 characters; longer text wraps. One
 * pass over the rows, each row's values read once: a findings sheet makes a row's values when
 * they are read (highlightPlan's rows keep only their finding and reason).
 */
function columnLayout(sheet: FindingsSheet): { width: number; columns: ColumnLayout[] } {
  const texts: ColumnText[] = [];
  const add = (c: number) => {
    const fixed = sheet.columnWidths?.[c];
    // A fixed-width column's header wraps on its own; only its values decide whether they wrap.
    texts.push({ fixed, longest: fixed === undefined ? textLength(sheet.header[c] ?? null) : 0, multiline: false, settled: false });
  };
  // A loop, not a spread: a national findings sheet has hundreds of thousands of rows.
  let width = Math.max(1, sheet.header.length);
  for (let c = 0; c < width; c++) add(c);
  for (const row of sheet.rows) {
    // A row that makes a cell alone has the header's columns: only those not settled are made.
    if (row.valueAt) {
      for (let c = 0; c < sheet.header.length; c++) if (!texts[c].settled) measure(texts[c], row.valueAt(c) ?? null);
      continue;
    }
    const values = row.values;
    // A wider row adds columns: the rows before it had nothing in them.
    while (width < values.length) add(width++);
    for (let c = 0; c < values.length; c++) if (!texts[c].settled) measure(texts[c], values[c] ?? null);
  }
  const columns = texts.map(({ fixed, longest, multiline }) => {
    const w = fixed ?? Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(longest * 1.1) + 2));
    return { width: w, wrap: multiline || longest * 1.1 + 2 > w };
  });
  return { width, columns };
}

/** A column's text so far, with one more value in it. */
function measure(t: ColumnText, v: FindingsCell): void {
  if (typeof v === 'string') {
    if (!t.multiline && v.includes('\n')) t.multiline = true;
    // No line of a text is longer than the text (in code points or units): most are not measured.
    if (v.length > t.longest) t.longest = Math.max(t.longest, textLength(v));
  } else t.longest = Math.max(t.longest, textLength(v));
  if (t.fixed !== undefined && (t.multiline || t.longest * 1.1 + 2 > t.fixed)) t.settled = true;
}

/** Length of the longest line, as a person reads it (code points). */
function textLength(v: FindingsCell): number {
  if (v === null) return 0;
  const s = typeof v === 'number' ? String(v) : v;
  if (!s.includes('\n')) return codePoints(s);
  let longest = 0;
  for (const line of s.split('\n')) longest = Math.max(longest, codePoints(line));
  return longest;
}

const SURROGATE = /[\ud800-\udfff]/;

function codePoints(s: string): number {
  return SURROGATE.test(s) ? Array.from(s).length : s.length;
}

/** Points per line of 11-point Calibri. */
export const LINE_HEIGHT = 15;

/**
 * Height (points) for a row whose wrapped cells need more than one line; undefined when one line
 * does. Wrapped text needs its row's height set: not every reader (LibreOffice's print, Excel's
 * until edited) works it out, and the lines then overlap the next row.
 */
export function rowHeight(values: ReadonlyArray<FindingsCell>, cols: ReadonlyArray<ColumnLayout>, wraps: (c: number) => boolean): number | undefined {
  let lines = 1;
  let memo = lineCounts.get(cols);
  if (!memo) lineCounts.set(cols, (memo = []));
  for (let c = 0; c < values.length; c++) {
    const v = values[c];
    const col = cols[c];
    if (!col || typeof v !== 'string' || !wraps(c)) continue;
    // Units, targets and many reasons repeat row after row: each text is measured once per column.
    // The texts kept are bounded: a national sheet's reasons are tens of thousands of different
    // texts, which kept would all live as long as the layout.
    const known = (memo[c] ??= new Map<string, number>());
    let cell = known.get(v);
    if (cell === undefined) {
      if (known.size >= MEASURED_TEXTS) known.clear();
      known.set(v, (cell = cellLines(v, col.width)));
    }
    if (cell > lines) lines = cell;
  }
  return lines > 1 ? lines * LINE_HEIGHT : undefined;
}

/** Texts whose lines are kept per column (see rowHeight). */
const MEASURED_TEXTS = 4096;

/** Lines of each text measured in a sheet's columns, by the sheet's columns (kept as long as its layout). */
const lineCounts = new WeakMap<ReadonlyArray<ColumnLayout>, Array<Map<string, number> | undefined>>();

/** Lines a cell's text takes in a wrapped column of `width`. */
function cellLines(v: string, width: number): number {
  // A line no longer than a line of capitals holds fits either way: the case is not looked at
  // (locale-aware case mapping, for each of a national sheet's hundreds of thousands of cells).
  const fits = Math.max(1, Math.floor(width * CAPITALS_ROOM));
  let cell = 0;
  for (let from = 0; ;) {
    const nl = v.indexOf('\n', from);
    const line = from === 0 && nl < 0 ? v : v.slice(from, nl < 0 ? v.length : nl);
    // A line has no more code points than UTF-16 units: a short one is not counted.
    cell += line.length <= fits || codePoints(line) <= fits ? 1 : wrappedLines(line, lineRoom(line, width));
    if (nl < 0) return cell;
    from = nl + 1;
  }
}

/**
 * Characters a line of a column holds. A width counts digits of Calibri 11; lower-case letters
 * average a little narrower (a 36-wide column prints some 40 of them a line), capitals wider.
 */
function lineRoom(line: string, width: number): number {
  // A line with a lower-case ASCII letter is not all capitals; only the others are case-mapped.
  const capitals = !LOWER_ASCII.test(line) && line === line.toLocaleUpperCase('vi') && line !== line.toLocaleLowerCase('vi');
  return Math.max(1, Math.floor(width * (capitals ? CAPITALS_ROOM : 1.05)));
}

/** Characters of a column's width a line of capitals holds (the fewest any line holds). */
const CAPITALS_ROOM = 0.8;

const LOWER_ASCII = /[a-z]/;

/**
 * Lines a text takes wrapped at `room` characters a line, whole words (between spaces) at a time,
 * as Excel wraps. Words are counted in code points as the line is read, not split off.
 */
function wrappedLines(line: string, room: number): number {
  if (codePoints(line) <= room) return 1;
  let lines = 1;
  let used = 0;
  let n = 0; // code points of the word being read
  const length = line.length;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? line.charCodeAt(i) : SPACE;
    if (code !== SPACE) {
      // A surrogate pair is one code point; a lone surrogate counts as one of its own.
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
        const low = line.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) i++;
      }
      n++;
      continue;
    }
    if (used > 0 && used + 1 + n <= room) {
      used += 1 + n;
      n = 0;
      continue;
    }
    if (used > 0) {
      lines++;
      used = 0;
    }
    // A word longer than a line is broken where the line ends.
    while (n > room) {
      lines++;
      n -= room;
    }
    used = n;
    n = 0;
  }
  return lines;
}

const SPACE = 0x20;

/** The header row's height: fixed-width columns wrap their titles, others only when they wrap at all. */
export function headerHeight(sheet: FindingsSheet, layout: SheetLayout): number | undefined {
  return layout.sized ? rowHeight(sheet.header, layout.columns, (c) => sheet.columnWidths?.[c] !== undefined) : undefined;
}

/** A data row's height, when it needs more than one line. */
export function dataRowHeight(values: ReadonlyArray<FindingsCell>, layout: SheetLayout): number | undefined {
  return layout.sized ? rowHeight(values, layout.columns, wrapTestOf(layout)) : undefined;
}

/** Which of a layout's columns wrap, one function per layout: not a closure (and its context) per row of a national sheet. */
function wrapTestOf(layout: SheetLayout): (c: number) => boolean {
  let wraps = wrapTests.get(layout);
  if (!wraps) {
    const cols = layout.columns;
    wrapTests.set(layout, (wraps = (c) => cols[c].wrap));
  }
  return wraps;
}

const wrapTests = new WeakMap<SheetLayout, (c: number) => boolean>();

/** Excel's width unit (a character of 11-point Calibri: 7 pixels plus 5 of padding) in points, as Office.js sets widths. */
export function columnPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}
