import { columnName, parseA1, toA1 } from '../../src/grid/address';
import { CellValue, isCellError } from '../../src/grid/cell';
import { columnCount, SheetGrid, WorkbookGrid } from '../../src/grid/grid';
import { formatNumber, Lang } from '../../src/evaluate/format';
import { CellMark } from '../../src/xlsx/highlightPlan';
import { byId, data, el } from '../taskpane/dom';
import { say } from '../taskpane/say';
import { FORMATS } from '../taskpane/strings';

/** Rows and columns drawn at most: a browser table of a national workbook would freeze the page. */
const MAX_ROWS = 2000;
const MAX_COLS = 100;
/** Drawn beyond the last used or marked cell, so the sheet does not end abruptly. */
const MARGIN = 2;

/**
 * The preview's rendering of a sheet: an HTML table of the grid as the core read it, with each
 * flagged cell marked red (shortfall) or amber (no data), its reason as a tooltip (`title`) and as
 * its accessible description, and reachable with Tab. Only DOM; the data comes from the host.
 */
export class SheetView {
  private grid?: WorkbookGrid;
  private marks = new Map<string, CellMark>();
  private sheet = 0;
  private lang: Lang = 'vi';

  constructor(private readonly doc: Document) {
    byId<HTMLSelectElement>('sheet-select', doc).addEventListener('change', (e) => {
      this.sheet = Number((e.target as HTMLSelectElement).value);
      this.draw();
    });
  }

  show(grid: WorkbookGrid, marks: ReadonlyArray<CellMark>, lang: Lang): void {
    this.grid = grid;
    this.marks = new Map(marks.map((m) => [`${m.sheet}!${m.cell}`, m]));
    const firstMarked = grid.sheets.findIndex((s) => marks.some((m) => m.sheet === s.name));
    const firstTable = grid.sheets.findIndex((s) => s.visibility === 'visible' && s.rows.length > 0);
    this.sheet = firstMarked >= 0 ? firstMarked : Math.max(0, firstTable);
    this.lang = lang;
    this.draw();
  }

  /** Redraws in another language (the reasons come with the marks). */
  relabel(marks: ReadonlyArray<CellMark>, lang: Lang): void {
    if (!this.grid) return;
    this.marks = new Map(marks.map((m) => [`${m.sheet}!${m.cell}`, m]));
    this.lang = lang;
    this.draw();
  }

  /** Shows a cell: its sheet, scrolled into view, focused and briefly outlined. */
  reveal(sheetName: string, cell: string): void {
    if (!this.grid) return;
    const i = this.grid.sheets.findIndex((s) => s.name === sheetName);
    if (i < 0) return;
    if (i !== this.sheet) {
      this.sheet = i;
      this.draw();
    }
    const td = this.doc.getElementById(cellId(i, cell));
    if (!td) return;
    td.scrollIntoView({ block: 'center', inline: 'center' });
    td.setAttribute('tabindex', '0');
    td.focus({ preventScroll: true });
    td.classList.remove('flash');
    void td.offsetWidth; // restart the outline animation
    td.classList.add('flash');
  }

  private draw(): void {
    const grid = this.grid;
    if (!grid) return;
    const section = byId('sheet-view', this.doc);
    section.hidden = false;
    const select = byId<HTMLSelectElement>('sheet-select', this.doc);
    select.replaceChildren(...grid.sheets.map((s, i) => el('option', { value: String(i), 'data-source': '' }, s.name)));
    select.value = String(this.sheet);
    const sheet = grid.sheets[this.sheet];
    const notes = el('div', { hidden: '' });
    const { table, rows, shownRows } = this.table(sheet, notes);
    const cut = shownRows < rows ? [el('p', { class: 'hint' }, say(FORMATS.rowsShown(shownRows, rows), this.lang))] : [];
    byId('sheet-grid', this.doc).replaceChildren(table, notes, ...cut);
  }

  private table(sheet: SheetGrid, notes: HTMLElement): { table: HTMLTableElement; rows: number; shownRows: number } {
    const own = [...this.marks.values()].filter((m) => m.sheet === sheet.name).map((m) => ({ m, at: parseA1(m.cell) }));
    const lastMarkRow = Math.max(-1, ...own.map((o) => o.at.row));
    const lastMarkCol = Math.max(-1, ...own.map((o) => o.at.col));
    const rows = Math.max(sheet.rows.length, lastMarkRow + 1);
    const shownRows = Math.min(rows + MARGIN, Math.max(MAX_ROWS, lastMarkRow + 1 + MARGIN));
    const cols = Math.min(Math.max(columnCount(sheet), lastMarkCol + 1) + 1, Math.max(MAX_COLS, lastMarkCol + 2));

    // Merged areas: the top-left cell spans, the others are not drawn.
    const covered = new Set<string>();
    const spans = new Map<string, { rows: number; cols: number }>();
    for (const m of sheet.merges) {
      spans.set(`${m.top},${m.left}`, { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
      for (let r = m.top; r <= m.bottom && r < shownRows; r++) for (let c = m.left; c <= m.right && c < cols; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
    }

    const head = el('tr', {}, el('th', { class: 'corner', 'aria-hidden': 'true' }));
    for (let c = 0; c < cols; c++) head.append(el('th', { scope: 'col' }, data(columnName(c))));
    const body = el('tbody');
    for (let r = 0; r < shownRows; r++) {
      const tr = el('tr', sheet.hiddenRows.has(r) ? { class: 'hidden-row' } : {}, el('th', { scope: 'row' }, data(String(r + 1))));
      const row = sheet.rows[r];
      for (let c = 0; c < cols; c++) {
        if (covered.has(`${r},${c}`)) continue;
        const a1 = toA1(r, c);
        const value = row?.[c] ?? null;
        const td = el('td', { id: cellId(this.sheet, a1), 'data-cell': a1 });
        const span = spans.get(`${r},${c}`);
        if (span && span.rows > 1) td.rowSpan = Math.min(span.rows, shownRows - r);
        if (span && span.cols > 1) td.colSpan = Math.min(span.cols, cols - c);
        if (value !== null) {
          td.append(data(shown(value, this.lang)));
          if (typeof value === 'number') td.classList.add('number');
          else if (typeof value === 'string' && value.length > 12) td.classList.add('text'); // labels and unit names get room to wrap by word
        }
        const mark = this.marks.get(`${sheet.name}!${a1}`);
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
    const table = el('table', { class: 'grid', 'aria-labelledby': 'sheet-title' }, el('thead', {}, head), body);
    return { table, rows, shownRows: Math.min(shownRows, rows) };
  }
}

function cellId(sheet: number, a1: string): string {
  return `cell-${sheet}-${a1}`;
}

/** A value as the reader writes it: Vietnamese or English separators, errors as Excel shows them. */
function shown(v: CellValue, lang: Lang): string {
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'number') return formatNumber(v, lang, 4);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}
