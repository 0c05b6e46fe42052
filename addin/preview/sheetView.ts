import { columnName, parseA1, toA1 } from '../../src/grid/address';
import { CellValue, isCellError } from '../../src/grid/cell';
import { Finding } from '../../src/evaluate/finding';
import { formatNumber } from '../../src/evaluate/format';
import { highlightPlanFor } from '../../src/report/highlightPlan';
import { CellMark } from '../../src/xlsx/write/highlightPlan';
import { cellOf } from '../taskpane/findingsView';
import { SheetCells } from './packedSheet';
import { byId, data, el } from '../taskpane/dom';
import { say } from '../taskpane/say';
import { FORMATS } from '../taskpane/strings';
import { Lang } from '../../src/words/lang';

/**
 * Rows drawn at once. A national sheet has 40,000 rows × 40 columns: drawn whole it froze the
 * page for a minute. A window of rows, moved by "previous / next" or by going to a cell, keeps
 * every redraw to a few thousand cells.
 */
const WINDOW = 40;
/**
 * Columns drawn at once, about two screens of the sheet's box. All forty columns of a national
 * sheet drawn, most of them out of view, were most of what a language switch restyled and painted
 * (110–135 ms a click); a window of columns, moved like the rows, keeps it to a few hundred cells
 * and reaches every column, however wide the sheet.
 */
const COLUMN_WINDOW = 16;

/**
 * The preview's rendering of a sheet: a window of the grid as the core read it, each flagged cell
 * marked red (shortfall) or amber (no data), its reason as a tooltip (`title`) and as its
 * accessible description, and reachable with Tab. Marks are worked out only for the cells drawn,
 * from an index of the findings by cell. Only DOM; the data comes from the host.
 */
export class SheetView {
  private grid?: { readonly sheets: ReadonlyArray<SheetCells> };
  private findings: ReadonlyArray<Finding> = [];
  /** `sheet!A1` → the findings (not met) that mark that cell. */
  private byCell = new Map<string, number[]>();
  /** Findings indexed in byCell so far. */
  private indexed = 0;
  private percent = new Map<string, number>();
  private sheet = 0;
  private top = 0;
  /** The first column drawn (zero-based). */
  private left = 0;
  private lang: Lang = 'vi';
  /** The finding the person came from with "go to cell": Escape or the back button returns to it. */
  private returnKey?: string;
  /** The window on screen, as last drawn. */
  private drawn?: { sheet: number; first: number; last: number; from: number; to: number };

  constructor(private readonly doc: Document) {
    byId<HTMLSelectElement>('sheet-select', doc).addEventListener('change', (e) => {
      this.sheet = Number((e.target as HTMLSelectElement).value);
      this.top = 0;
      this.left = 0;
      this.draw();
    });
    byId('sheet-grid', doc).addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.returnKey) {
        e.preventDefault();
        this.back();
      }
    });
    byId('sheet-back', doc).addEventListener('click', () => this.back());
    byId('rows-previous', doc).addEventListener('click', () => this.move(-WINDOW));
    byId('rows-next', doc).addEventListener('click', () => this.move(WINDOW));
    byId('columns-previous', doc).addEventListener('click', () => this.moveColumns(-COLUMN_WINDOW));
    byId('columns-next', doc).addEventListener('click', () => this.moveColumns(COLUMN_WINDOW));
  }

  show(
    grid: { readonly sheets: ReadonlyArray<SheetCells> },
    findings: ReadonlyArray<Finding>,
    lang: Lang,
    percentCells: ReadonlyArray<[string, number]> = [],
  ): void {
    this.grid = grid;
    this.index(findings);
    this.percent = new Map(percentCells);
    const marked = new Set<string>();
    for (const key of this.byCell.keys()) marked.add(key.slice(0, key.lastIndexOf('!')));
    const firstMarked = grid.sheets.findIndex((s) => marked.has(s.name));
    const firstTable = grid.sheets.findIndex((s) => s.visibility === 'visible' && s.rows > 0);
    this.sheet = firstMarked >= 0 ? firstMarked : Math.max(0, firstTable);
    this.top = 0;
    this.left = 0;
    this.lang = lang;
    // The sheet chooser is filled once per workbook, not at each redraw.
    const select = byId<HTMLSelectElement>('sheet-select', this.doc);
    select.replaceChildren(...grid.sheets.map((s, i) => el('option', { value: String(i), 'data-source': '' }, s.name)));
    this.draw();
  }

  /** More findings of the same check (the later batches): the same sheet and rows, their marks added. */
  update(findings: ReadonlyArray<Finding>): void {
    if (!this.grid) return;
    this.index(findings);
    this.draw();
  }

  /** More findings of the same check, indexed now and marked at the next redraw. */
  grow(findings: ReadonlyArray<Finding>): void {
    if (this.grid) this.index(findings);
  }

  /** The same check's findings, grown by later batches, are indexed from where the last call stopped. */
  private index(findings: ReadonlyArray<Finding>): void {
    if (findings !== this.findings) {
      this.findings = findings;
      this.byCell = new Map();
      this.indexed = 0;
    }
    // One pass, no spreads: 130,000 marked cells were once spread into Math.max and overflowed the stack.
    for (let i = this.indexed; i < findings.length; i++) {
      const f = findings[i];
      if (f.status === 'met') continue;
      const cell = cellOf(f);
      if (!cell) continue;
      const key = `${f.sheet}!${cell}`;
      const list = this.byCell.get(key);
      if (list) list.push(i);
      else this.byCell.set(key, [i]);
    }
    this.indexed = findings.length;
  }

  /** Forgets the workbook: another file was chosen, its sheet must not stay on screen. */
  clear(): void {
    this.grid = undefined;
    this.findings = [];
    this.byCell = new Map();
    this.indexed = 0;
    this.returnKey = undefined;
    this.drawn = undefined;
    byId('sheet-view', this.doc).hidden = true;
    byId('sheet-grid', this.doc).replaceChildren();
    byId('sheet-grid', this.doc).classList.remove('filled');
  }

  /** Redraws in another language (the reasons are written in it). */
  relabel(lang: Lang): void {
    this.lang = lang;
    const drawn = this.drawn;
    const sheet = drawn && this.grid?.sheets[drawn.sheet];
    if (!drawn || !sheet) {
      if (this.grid) this.draw();
      return;
    }
    // Only words change: the numbers (their separators) and the marks' reasons are written again
    // in the cells already drawn; a thousand cells made again cost more than the switch itself.
    const marks = this.marksOf(sheet, drawn.first, drawn.last, drawn.from, drawn.to);
    for (const td of byId('sheet-grid', this.doc).querySelectorAll<HTMLTableCellElement>('td.number, td.mark')) {
      const a1 = td.getAttribute('data-cell') ?? '';
      const { row, col } = parseA1(a1);
      const value = sheet.value(row, col);
      // Written only when it reads differently (`1.234,5` / `1,234.5`; a small whole number is the same): an unchanged cell is not laid out again.
      const text = typeof value === 'number' ? shown(value, lang, this.percent.get(`${sheet.name}!${a1}`)) : undefined;
      if (text !== undefined && td.textContent !== text) td.textContent = text;
      const mark = marks.get(a1);
      const note = this.doc.getElementById(`note-${drawn.sheet}-${a1}`)?.firstElementChild;
      if (mark && td.title !== mark.note) td.title = mark.note;
      if (mark && note && note.textContent !== mark.note) note.textContent = mark.note;
    }
    this.windowText(sheet, drawn);
  }

  /** Shows a cell: its sheet and rows, scrolled into view, focused and briefly outlined. */
  reveal(sheetName: string, cell: string, returnKey?: string): void {
    if (!this.grid) return;
    const i = this.grid.sheets.findIndex((s) => s.name === sheetName);
    if (i < 0) return;
    const { row, col } = parseA1(cell);
    const elsewhere = i !== this.sheet || row < this.top || row >= this.top + WINDOW || col < this.left || col >= this.left + COLUMN_WINDOW;
    if (elsewhere) {
      this.sheet = i;
      this.top = Math.max(0, row - Math.floor(WINDOW / 2));
      // The window's columns start at the cell's own page of them: the labels in column A stay in it when they can.
      this.left = Math.floor(col / COLUMN_WINDOW) * COLUMN_WINDOW;
    }
    this.returnKey = returnKey;
    // A cell already drawn is only shown: the window is redrawn when the cell is outside it.
    if (elsewhere || !this.doc.getElementById(cellId(i, cell))) this.draw();
    else byId('sheet-back', this.doc).hidden = !this.returnKey;
    const td = this.doc.getElementById(cellId(i, cell));
    if (!td) return;
    // The sheet's own box is scrolled to centre the cell; focusing then brings the box into the page's view.
    // (scrollIntoView on the cell laid out the whole page, list included.)
    const box = byId('sheet-grid', this.doc);
    box.scrollTop = Math.max(0, td.offsetTop - box.clientHeight / 2);
    // Sideways only when the cell is out of view: the labels in the first columns stay on screen.
    const rowHeader = box.querySelector('tbody th')?.getBoundingClientRect().width ?? 0;
    if (td.offsetLeft + td.offsetWidth > box.scrollLeft + box.clientWidth || td.offsetLeft - rowHeader < box.scrollLeft) {
      box.scrollLeft = Math.max(0, td.offsetLeft - rowHeader - (box.clientWidth - rowHeader - td.offsetWidth) / 2);
    }
    td.setAttribute('tabindex', '0');
    td.focus();
    td.classList.remove('flash');
    void td.offsetWidth; // restart the outline animation
    td.classList.add('flash');
  }

  private back(): void {
    const key = this.returnKey;
    if (!key) return;
    const target = this.doc.querySelector<HTMLElement>(`[data-focus-key="${key}"]`);
    target?.scrollIntoView?.({ block: 'center' });
    target?.focus({ preventScroll: true });
  }

  private move(by: number): void {
    const sheet = this.grid?.sheets[this.sheet];
    if (!sheet) return;
    this.top = Math.max(0, Math.min(this.top + by, Math.max(0, sheet.rows - WINDOW)));
    this.draw();
  }

  private moveColumns(by: number): void {
    if (!this.grid) return;
    this.left += by; // kept within the sheet by draw
    this.draw();
    // Back to the window's left edge: the new columns start where the eye does.
    byId('sheet-grid', this.doc).scrollLeft = 0;
  }

  private draw(): void {
    const grid = this.grid;
    if (!grid) return;
    const section = byId('sheet-view', this.doc);
    section.hidden = false;
    byId<HTMLSelectElement>('sheet-select', this.doc).value = String(this.sheet);
    const sheet = grid.sheets[this.sheet];
    const notes = el('div', { hidden: '' });
    const rows = sheet.rows;
    const span = columnSpan(sheet);
    this.left = Math.max(0, Math.min(this.left, lastLeft(sheet)));
    const from = this.left;
    const to = Math.min(span, from + COLUMN_WINDOW);
    const last = Math.min(rows, this.top + WINDOW);
    const table = this.table(sheet, this.top, last, from, to, notes);
    const box = byId('sheet-grid', this.doc);
    box.replaceChildren(table, notes);
    box.classList.add('filled');
    const byColumns = span > COLUMN_WINDOW;
    byId('sheet-window', this.doc).hidden = rows <= WINDOW && !byColumns;
    this.drawn = { sheet: this.sheet, first: this.top, last, from, to };
    this.windowText(sheet, this.drawn);
    byId<HTMLButtonElement>('rows-previous', this.doc).disabled = this.top === 0;
    byId<HTMLButtonElement>('rows-next', this.doc).disabled = last >= rows;
    byId('columns-previous', this.doc).hidden = !byColumns;
    byId('columns-next', this.doc).hidden = !byColumns;
    byId<HTMLButtonElement>('columns-previous', this.doc).disabled = from === 0;
    byId<HTMLButtonElement>('columns-next', this.doc).disabled = to >= span;
    byId('sheet-back', this.doc).hidden = !this.returnKey;
  }

  private windowText(sheet: SheetCells, drawn: { first: number; last: number; from: number; to: number }): void {
    const span = columnSpan(sheet);
    const columns = span > COLUMN_WINDOW ? { first: columnName(drawn.from), last: columnName(drawn.to - 1), total: span } : undefined;
    byId('sheet-window-text', this.doc).textContent = say(
      FORMATS.sheetWindow(drawn.first + 1, Math.max(drawn.last, drawn.first + 1), sheet.rows, columns),
      this.lang,
    );
  }

  /** The marks of the cells in a window, written as the highlighted copy writes them (highlightPlanFor). */
  private marksOf(sheet: SheetCells, first: number, last: number, from: number, to: number): Map<string, CellMark> {
    const chosen: Finding[] = [];
    for (let r = first; r < last; r++) {
      for (let c = from; c < to; c++) {
        const list = this.byCell.get(`${sheet.name}!${toA1(r, c)}`);
        if (list) for (const i of list) chosen.push(this.findings[i]);
      }
    }
    const out = new Map<string, CellMark>();
    if (chosen.length === 0) return out;
    for (const m of highlightPlanFor(chosen, this.lang).marks) out.set(m.cell, m);
    return out;
  }

  /** The window's rows `first`–`last` (excluded) and columns `from`–`to` (excluded). */
  private table(sheet: SheetCells, first: number, last: number, from: number, to: number, notes: HTMLElement): HTMLTableElement {
    const marks = this.marksOf(sheet, first, last, from, to);
    // Merged areas that meet the window: the top-left cell (or the window's first row and column) spans, the others are not drawn.
    const covered = new Set<string>();
    const spans = new Map<string, { rows: number; cols: number }>();
    for (const m of sheet.merges) {
      if (m.bottom < first || m.top >= last || m.right < from || m.left >= to) continue;
      const top = Math.max(m.top, first);
      const left = Math.max(m.left, from);
      spans.set(`${top},${left}`, { rows: Math.min(m.bottom, last - 1) - top + 1, cols: Math.min(m.right, to - 1) - left + 1 });
      for (let r = top; r <= m.bottom && r < last; r++) for (let c = left; c <= m.right && c < to; c++) if (r !== top || c !== left) covered.add(`${r},${c}`);
    }

    // Fixed column widths (from the widest text drawn, in characters): a fixed table layout costs a
    // fraction of an automatic one, and set through the CSSOM they need no inline style the CSP would refuse.
    const widths = columnWidths(sheet, first, last, from, to);
    const colgroup = el('colgroup', {}, el('col', { class: 'row-number' }));
    let total = 6;
    for (const w of widths) {
      const col = el('col');
      col.style.width = `${w}ch`;
      total += w;
      colgroup.append(col);
    }
    const head = el('tr', {}, el('th', { class: 'corner', 'aria-hidden': 'true' }));
    for (let c = from; c < to; c++) head.append(el('th', { scope: 'col' }, data(columnName(c))));
    const body = el('tbody');
    for (let r = first; r < last; r++) {
      const tr = el('tr', sheet.hiddenRows.has(r) ? { class: 'hidden-row' } : {}, el('th', { scope: 'row' }, data(String(r + 1))));
      for (let c = from; c < to; c++) {
        if (covered.has(`${r},${c}`)) continue;
        const a1 = toA1(r, c);
        const value = sheet.value(r, c);
        const td = el('td', { id: cellId(this.sheet, a1), 'data-cell': a1 });
        const span = spans.get(`${r},${c}`);
        if (span && span.rows > 1) td.rowSpan = span.rows;
        if (span && span.cols > 1) td.colSpan = span.cols;
        if (value !== null) {
          // The text straight in the cell, no span: a thousand fewer boxes to lay out at each redraw.
          td.setAttribute('data-source', '');
          td.textContent = shown(value, this.lang, this.percent.get(`${sheet.name}!${a1}`));
          if (typeof value === 'number') td.classList.add('number');
          else if (typeof value === 'string' && value.length > 12) td.classList.add('text'); // labels and unit names get room to wrap by word
        }
        const mark = marks.get(a1);
        if (mark) {
          const noteId = `note-${this.sheet}-${a1}`;
          td.classList.add('mark', mark.status);
          td.setAttribute('data-mark', mark.status);
          td.title = mark.note;
          td.tabIndex = 0;
          td.setAttribute('aria-describedby', noteId);
          notes.append(el('p', { id: noteId }, data(mark.note)));
        }
        tr.append(td);
      }
      body.append(tr);
    }
    // The cells are the workbook's text, in its language whatever the pane's: a screen reader reads
    // them in it, and switching the pane's language does not lay the whole sheet out again.
    const table = el('table', { class: 'grid', 'aria-labelledby': 'sheet-title', lang: sheet.language }, colgroup, el('thead', {}, head), body);
    table.style.width = `${total}ch`;
    return table;
  }
}

/** Characters per column: the widest value drawn, between 4 and 12 for numbers and short text, up to 24 for labels (they wrap by word). */
function columnWidths(sheet: SheetCells, first: number, last: number, from: number, to: number): number[] {
  const out = new Array<number>(to - from).fill(4);
  for (let r = first; r < last; r++) {
    const width = Math.min(to, sheet.width(r));
    for (let c = from; c < width; c++) {
      const v = sheet.value(r, c);
      if (v === null) continue;
      const len = typeof v === 'string' ? Math.min(v.length, 24) : typeof v === 'number' ? Math.min(String(v).length + 3, 14) : 8;
      if (len + 1 > out[c - from]) out[c - from] = len + 1;
    }
  }
  return out;
}

/** The columns the view can show: those the sheet uses and one empty one after them, as Excel shows. */
function columnSpan(sheet: SheetCells): number {
  return sheet.columns + 1;
}

/** The first column of the last window of columns (windows start at multiples of COLUMN_WINDOW). */
function lastLeft(sheet: SheetCells): number {
  return Math.floor((columnSpan(sheet) - 1) / COLUMN_WINDOW) * COLUMN_WINDOW;
}

function cellId(sheet: number, a1: string): string {
  return `cell-${sheet}-${a1}`;
}

/**
 * A value as the reader writes it: Vietnamese or English separators (thousands grouped everywhere),
 * percentages as the cell's format shows them (`-4,4 %`, not the stored `-0,0439`), errors as Excel
 * shows them. A number and its `%` are joined by a no-break space, so they never part at a line end.
 */
export function shown(v: CellValue, lang: Lang, percentDecimals?: number): string {
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'number') {
    if (percentDecimals !== undefined) return `${formatNumber(v * 100, lang, percentDecimals)}\u00a0%`;
    return formatNumber(v, lang, 4);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}
