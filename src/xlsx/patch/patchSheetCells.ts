import { columnName, parseRange, rangeToA1, RangeRef, scanA1, toA1 } from '../../grid/address';
import { ByteText } from '../xml/byteText';
import { WorkbookFormatError } from '../package';
import { applyEdits, attrIn, Edit, localName, prefixOf, setAttr, startTagAt, TokenKind, XmlCursor } from '../xml/xmlScan';
import { EditList } from './editList';

/** Target cells of one sheet: row index -> column index -> what to do there (0-based). */
/**
 * The cells to fill, by row then column, with what each is filled for: a map of maps, or anything
 * that lists its rows and gives a row's [column, value] pairs (a copy's SheetMarks).
 */
export interface CellTargets<T> {
  keys(): Iterable<number>;
  get(row: number): Iterable<[number, T]> | undefined;
}

/** Gives the `s` to write on a target cell, from the style the cell shows now. */
export type StyleFor<T> = (baseStyle: number, target: T) => number;

/**
 * Sets the `s` attribute of the target cells of a worksheet and nothing else: values, formulas,
 * types and every other byte of the sheet stay as they were. A target with no `<c>` element gets
 * one, placed in column order inside its row; a missing `<row>` is created in row order.
 * Rows and cells without an `r` attribute are located by position, as the spec allows.
 */
export function patchSheetCells<T>(xml: ByteText, targets: CellTargets<T>, styleFor: StyleFor<T>, partName: string): ByteText {
  return applyEdits(xml, new SheetCellsPatch(xml, targets, styleFor, partName).edits().edits());
}

/**
 * The same patch written straight into the bytes of the copy's part: the part's bytes (`xml` is
 * their byte string) copied around the edits into one array of the final size. A national sheet
 * is tens of megabytes; joined as a string and then encoded it took seconds and twice the memory.
 */
export function patchSheetCellsBytes<T>(bytes: Uint8Array, xml: ByteText, targets: CellTargets<T>, styleFor: StyleFor<T>, partName: string): Uint8Array {
  if (xml.length !== bytes.length) throw new Error(`${partName}: the byte string is not the part's bytes`);
  return new SheetCellsPatch(xml, targets, styleFor, partName).edits().splice(bytes);
}

/** `bytes` with each edit's span replaced by its text (a byte string); edits may not overlap. */
export function spliceBytes(bytes: Uint8Array, edits: ReadonlyArray<Edit>): Uint8Array {
  const list = new EditList();
  for (const e of edits) list.add(e.start, e.end, e.text);
  return list.splice(bytes);
}

/** One run of patchSheetCells: a cursor walking the sheet once, and the edits it collects. */
class SheetCellsPatch<T> {
  private readonly cur: XmlCursor;
  private readonly found = new EditList();
  /** The texts that set a cell's style, by style: a national sheet has tens of thousands of fills and a handful of styles. */
  private readonly styleTexts: Array<{ value: string; attr: string }> = [];
  private readonly colStyles: Array<{ min: number; max: number; style: number }> = [];
  private dimension: { start: number; end: number } | undefined;
  /** The cells we created (a `<c>` where there was none): <dimension> must cover them. */
  private created: RangeRef | undefined;

  constructor(
    private readonly xml: ByteText,
    private readonly targets: CellTargets<T>,
    private readonly styleFor: StyleFor<T>,
    private readonly partName: string,
  ) {
    this.cur = new XmlCursor(xml, 0, xml.length, partName);
  }

  /** Walks the sheet once and gives the edits that patch it. */
  edits(): EditList {
    const cur = this.cur;
    while (cur.next() && cur.kind !== 'open' && cur.kind !== 'empty');
    const rootKind: TokenKind = cur.kind; // a local, so TS does not narrow `cur.kind` for the loop below
    if (rootKind !== 'open') throw notAWorksheet(this.partName);
    let sawSheetData = false;
    // Children of <worksheet>: cols and dimension come before sheetData.
    while (cur.next()) {
      if (cur.kind === 'close') break;
      if (cur.kind === 'other') continue;
      const local = cur.localName;
      if (local === 'sheetData') {
        sawSheetData = true;
        this.patchSheetData();
        continue;
      }
      if (local === 'dimension') this.dimension = { start: cur.start, end: cur.end };
      if (local === 'cols' && cur.kind === 'open') {
        this.readColStyles();
        continue;
      }
      if (cur.kind === 'open') cur.skipElement();
    }
    if (!sawSheetData) throw notAWorksheet(this.partName);
    this.widenDimension();
    return this.found;
  }

  /**
   * Sets `s` on the cell start tag at `[start, end)` as setAttr does, but edits only the value
   * (or inserts the attribute) instead of replacing the whole tag with a copy of it.
   */
  private setStyle(start: number, end: number, style: number): void {
    const text = (this.styleTexts[style] ??= { value: `"${style}"`, attr: ` s="${style}"` });
    const tag = this.xml.slice(start, end);
    const m = STYLE_ATTR.exec(tag);
    if (m) {
      this.found.add(start + m.index + m[1].length, start + m.index + m[0].length, text.value);
      return;
    }
    let at = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
    while (at > 0 && SPACE.test(tag[at - 1])) at--; // keep `<c r="A1" />` tidy
    this.found.add(start + at, start + at, text.attr);
  }

  private cellText(p: string, row: number, col: number, rowStyle: number | undefined, t: T): string {
    // A blank cell shows its row's style (if the row has one) or its column's.
    const base = rowStyle ?? this.colStyles.find((c) => col >= c.min && col <= c.max)?.style ?? 0;
    const c = this.created;
    this.created = c
      ? { top: Math.min(c.top, row), left: Math.min(c.left, col), bottom: Math.max(c.bottom, row), right: Math.max(c.right, col) }
      : { top: row, left: col, bottom: row, right: col };
    return `<${p}c r="${toA1(row, col)}" s="${this.styleFor(base, t)}"/>`;
  }

  private cellsText(p: string, row: number, cols: ReadonlyArray<[number, T]>, rowStyle: number | undefined): string {
    return cols.map(([col, t]) => this.cellText(p, row, col, rowStyle, t)).join('');
  }

  private rowText(p: string, row: number): string {
    return `<${p}row r="${row + 1}">${this.cellsText(p, row, sortedEntries(this.targets.get(row) as Iterable<[number, T]>), undefined)}</${p}row>`;
  }

  /**
   * The usual case in one search per target: every target cell is written with `r="C5"`, so
   * each is found by its reference instead of by walking the row's cells. Returns false, having
   * changed nothing, when any target is not found that way (the row is then walked).
   */
  private patchRowByReference(p: string, row: number, pending: ReadonlyArray<[number, T]>): boolean {
    const { cur, xml } = this;
    if (cur.kind !== 'open' || !cur.isPlain()) return false;
    const rowEnd = xml.indexOf(`</${cur.name}>`, cur.end);
    if (rowEnd < 0) return false;
    // Searched within the row only (a slice shares the text's memory): a cell the row lacks
    // must not send the search through the rest of the sheet.
    const inRow = xml.slice(cur.end, rowEnd);
    // Markup compatibility inside the row: the walk below decides, as the reader does.
    if (inRow.includes('AlternateContent')) return false;
    const found: Array<{ start: number; end: number; base: number; t: T }> = [];
    for (const [col, t] of pending) {
      const ref = `${columnName(col)}${row + 1}`;
      const offset = inRow.indexOf(` r="${ref}"`);
      if (offset < 0) return false;
      const at = cur.end + offset;
      // It must be the `r` of a cell's start tag: the last `<` before it opens <c …> holding it.
      const lt = xml.lastIndexOf('<', at);
      const tag = lt > cur.start ? startTagAt(xml, lt) : undefined;
      if (!tag || localName(tag.name) !== 'c' || prefixOf(tag.name) !== p || at < tag.attrsStart || at >= tag.attrsEnd) return false;
      if (attrIn(xml, tag.attrsStart, tag.attrsEnd, 'r') !== ref) return false;
      found.push({ start: lt, end: tag.end, base: toInt(attrIn(xml, tag.attrsStart, tag.attrsEnd, 's')) ?? 0, t });
    }
    // Styles are asked for in column order, as the walk below would.
    for (const f of found) this.setStyle(f.start, f.end, this.styleFor(f.base, f.t));
    cur.skipNonNesting();
    return true;
  }

  /** Walks one target row's cells (cursor on the row's start tag). */
  private patchRow(p: string, row: number, rowStyle: number | undefined, wanted: Iterable<[number, T]>): void {
    const pending = sortedEntries(wanted);
    if (!this.patchRowByReference(p, row, pending)) this.patchRowByWalking(p, row, rowStyle, pending);
  }

  /**
   * Walks the row's cells when they cannot be found by reference. A method of its own: its closure
   * over the row's variables makes a context on every call, and patchRow runs for every row marked.
   */
  private patchRowByWalking(p: string, row: number, rowStyle: number | undefined, pending: ReadonlyArray<[number, T]>): void {
    const { cur, xml, found: edits } = this;
    let next = 0;
    const flushBefore = (col: number, at: number) => {
      const from = next;
      while (next < pending.length && pending[next][0] < col) next++;
      if (next > from) edits.add(at, at, this.cellsText(p, row, pending.slice(from, next), rowStyle));
    };
    if (cur.kind === 'empty') {
      // `<row r="5"/>` becomes `<row r="5">…</row>`.
      const slash = xml.lastIndexOf('/', cur.end - 1);
      edits.add(slash, cur.end, `>${this.cellsText(p, row, pending, rowStyle)}</${cur.name}>`);
      return;
    }
    let prevCol = -1;
    while (cur.next()) {
      if (cur.kind === 'close') {
        flushBefore(Infinity, cur.start);
        return;
      }
      if (cur.kind === 'other') continue;
      if (cur.localName === 'AlternateContent') {
        // A cell the reader took from an mc:Choice or mc:Fallback cannot be given a fill safely here.
        throw new WorkbookFormatError(
          `không tô màu được dòng ${row + 1} của phần ${this.partName} vì nó dùng khối mc:AlternateContent; hãy mở tệp bằng Excel và lưu lại`,
          `cannot fill row ${row + 1} of ${this.partName} because it uses an mc:AlternateContent block; open the file in Excel and save it again`,
        );
      }
      if (cur.localName === 'c' && prefixOf(cur.name) !== p) {
        // A cell of another namespace (ignorable, or not SpreadsheetML): not a cell Excel shows.
        if (cur.kind === 'open') cur.skipElement();
        continue;
      }
      if (cur.localName !== 'c') {
        // Cells come first in CT_Row; anything else (extLst) goes after them.
        flushBefore(Infinity, cur.start);
        if (cur.kind === 'open') cur.skipElement();
        continue;
      }
      const r = cur.attr('r');
      const ref = r !== undefined ? scanA1(r, true) : undefined;
      const col = ref && ref.letters <= 3 ? ref.col : prevCol + 1;
      prevCol = col;
      flushBefore(col, cur.start);
      if (next < pending.length && pending[next][0] === col) {
        this.setStyle(cur.start, cur.end, this.styleFor(toInt(cur.attr('s')) ?? 0, pending[next][1]));
        next++;
      }
      if (cur.kind === 'open') cur.skipNonNesting();
    }
  }

  /** Walks `<sheetData>` (cursor on its start tag). */
  private patchSheetData(): void {
    const { cur, xml, found: edits, targets } = this;
    const p = prefixOf(cur.name);
    const rows = [...targets.keys()].sort((a, b) => a - b);
    let next = 0;
    const flushBefore = (row: number, at: number) => {
      let text = '';
      while (next < rows.length && rows[next] < row) text += this.rowText(p, rows[next++]);
      if (text) edits.add(at, at, text);
    };
    if (cur.kind === 'empty') {
      const slash = xml.lastIndexOf('/', cur.end - 1);
      let text = '';
      while (next < rows.length) text += this.rowText(p, rows[next++]);
      edits.add(slash, cur.end, `>${text}</${cur.name}>`);
      return;
    }
    let prevRow = -1;
    while (cur.next()) {
      if (cur.kind === 'close') {
        flushBefore(Infinity, cur.start);
        return;
      }
      if (cur.kind === 'other') continue;
      if (cur.localName !== 'row') {
        if (cur.kind === 'open') cur.skipElement();
        continue;
      }
      const row = (toInt(cur.attr('r')) ?? prevRow + 2) - 1;
      prevRow = row;
      flushBefore(row, cur.start);
      const wanted = targets.get(row);
      if (wanted && next < rows.length && rows[next] === row) {
        next++;
        const customFormat = cur.attr('customFormat');
        const custom = customFormat === '1' || customFormat === 'true';
        this.patchRow(p, row, custom ? toInt(cur.attr('s')) : undefined, wanted);
      } else if (cur.kind === 'open') {
        cur.skipNonNesting();
      }
    }
  }

  /** Column default styles from `<cols>` (cursor on its start tag). */
  private readColStyles(): void {
    const cur = this.cur;
    while (cur.next() && cur.kind !== 'close') {
      if (cur.kind === 'other') continue;
      const a = cur.attrs();
      const style = toInt(a.style);
      const min = toInt(a.min);
      const max = toInt(a.max);
      if (style !== undefined && min !== undefined && max !== undefined) this.colStyles.push({ min: min - 1, max: max - 1, style });
      if (cur.kind === 'open') cur.skipElement();
    }
  }

  /** Keeps <dimension> covering the cells we created, if it is readable at all. */
  private widenDimension(): void {
    const { dimension, created } = this;
    if (!dimension || !created) return;
    const tag = this.xml.slice(dimension.start, dimension.end);
    const ref = /\sref\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    try {
      if (ref) {
        const d = parseRange(ref);
        const u = {
          top: Math.min(d.top, created.top),
          left: Math.min(d.left, created.left),
          bottom: Math.max(d.bottom, created.bottom),
          right: Math.max(d.right, created.right),
        };
        const a1 = rangeToA1(u);
        if (a1 !== ref) this.found.add(dimension.start, dimension.end, setAttr(tag, 'ref', a1));
      }
    } catch {
      // An unreadable dimension is only a hint to readers; leave it.
    }
  }
}

/** The `s` attribute of a start tag, as setAttr finds it (the first one, either quote). */
const STYLE_ATTR = /(\ss\s*=\s*)(?:"[^"]*"|'[^']*')/;
const SPACE = /\s/;

/** A row's targets by column; they usually come in column order already, and then are not sorted. */
function sortedEntries<T>(m: Iterable<[number, T]>): Array<[number, T]> {
  const out: Array<[number, T]> = [];
  let sorted = true;
  for (const e of m) {
    if (out.length > 0 && e[0] < out[out.length - 1][0]) sorted = false;
    out.push(e);
  }
  return sorted ? out : out.sort((a, b) => a[0] - b[0]);
}

function toInt(s: string | undefined): number | undefined {
  if (s === undefined || !/^\s*\d+\s*$/.test(s)) return undefined;
  return Number(s);
}

function notAWorksheet(partName: string): WorkbookFormatError {
  return new WorkbookFormatError(
    `phần ${partName} của tệp không phải là trang tính (thiếu sheetData)`,
    `the ${partName} part of the file is not a worksheet (it has no sheetData)`,
  );
}
