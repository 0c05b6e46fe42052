import { RangeRef } from '../../../src/grid/address';
import { CellValue, isCellError } from '../../../src/grid/cell';
import { SheetVisibility, WorkbookGrid } from '../../../src/grid/grid';
import { CellFill } from '../../../addin/excel/cellFill';

/**
 * The "file" behind the fake Excel: what a workbook holds that the add-in can see or change.
 * It changes only through FakeExcel's commands at sync time; tests read it directly.
 */

export type ValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

export interface FakeCell {
  readonly value: string | number | boolean;
  readonly type: ValueType;
}

/** What Excel reports for a cell that has no fill of its own. */
export const NO_FILL: CellFill = { pattern: 'None', color: '#FFFFFF', patternColor: '', tintAndShade: 0, patternTintAndShade: 0 };

export interface FakeSheet {
  name: string;
  readonly id: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  /** `row,col` → value. */
  readonly cells: Map<string, FakeCell>;
  /** `row,col` → the cell's own fill; absent means NO_FILL. */
  readonly fills: Map<string, CellFill>;
  readonly merges: RangeRef[];
  readonly hiddenRows: Set<number>;
  /** Areas with a conditional format: Excel paints its format over the cell's own fill. */
  conditionalFormats?: RangeRef[];
  /** Made by the add-in with `worksheets.add`: the only sheets it may write values or layout into. */
  addedByAddin?: boolean;
  /** Worksheet custom properties (keys are case-insensitive in Excel: stored lower-cased). */
  customProperties?: Map<string, string>;
  /** Layout the add-in set on a sheet it made. */
  layout?: FakeSheetLayout;
}

/** Formatting beyond fills, which the add-in may only set on sheets it made. */
export interface FakeSheetLayout {
  /** `row,col` of cells made bold or wrapping. */
  readonly bold: Set<string>;
  readonly wrap: Set<string>;
  /** `row,col` of cells aligned to the top of their row. */
  readonly top: Set<string>;
  /** Column → width in points. */
  readonly columnWidths: Map<number, number>;
  frozen?: { rows: number; columns: number };
  readonly print: Record<string, unknown>;
  autofits: number;
}

export interface FakeTable {
  readonly name: string;
  readonly sheet: string;
  readonly range: RangeRef;
  readonly showHeaders: boolean;
  readonly showTotals: boolean;
}

export interface FakeReason {
  readonly id: string;
  readonly kind: 'note' | 'comment';
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  content: string;
  /** Replies under a comment thread (people answering it); deleted with the thread, as Excel does. */
  replies?: string[];
}

export interface FakeXmlPart {
  readonly id: string;
  xml: string;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  reasons: FakeReason[] = [];
  xmlParts: FakeXmlPart[] = [];
  /** `workbook.name`: the file's name as Excel shows it. */
  name = 'so-lieu.xlsx';
  /**
   * `getMergedAreasOrNullObject` lists every merged area touching the range, not only those whose
   * top-left cell is in it (as it would if office-js #3611 were fixed).
   */
  mergesIntersecting = false;
  /** Review › Protect Workbook: sheets can be neither added nor deleted. */
  structureProtected = false;
  /** The cell the person has selected (`getActiveCell`); A1 of the first sheet until something is selected. */
  activeCell?: { sheet: string; row: number; col: number };
  private nextId = 1;

  static fromGrid(grid: WorkbookGrid): FakeWorkbook {
    const wb = new FakeWorkbook();
    for (const s of grid.sheets) {
      const sheet = wb.addSheet(s.name, s.visibility);
      s.rows.forEach((row, r) => row?.forEach((v, c) => v !== null && v !== undefined && sheet.cells.set(`${r},${c}`, fakeCell(v))));
      sheet.merges.push(...s.merges);
      for (const r of s.hiddenRows) sheet.hiddenRows.add(r);
      for (const t of s.tables) {
        wb.tables.push({ name: t.name, sheet: s.name, range: t.range, showHeaders: t.headerRows > 0, showTotals: t.totalsRows > 0 });
      }
    }
    return wb;
  }

  addSheet(name: string, visibility: SheetVisibility = 'visible'): FakeSheet {
    // Numbered past any sheet deleted earlier, so ids stay unique.
    let n = this.sheets.length + 1;
    const idOf = (i: number) => `{${String(i).padStart(8, '0')}-0001-0000-0000-000000000000}`;
    while (this.sheets.some((s) => s.id === idOf(n))) n++;
    const sheet: FakeSheet = {
      name,
      id: idOf(n),
      visibility: ({ visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const)[visibility],
      protected: false,
      cells: new Map(),
      fills: new Map(),
      merges: [],
      hiddenRows: new Set(),
    };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  newId(prefix: string): string {
    return `${prefix}-${this.nextId++}`;
  }

  /** Save, close and open again: a deep copy with nothing shared, as a file on disk would be. */
  reopened(): FakeWorkbook {
    const wb = new FakeWorkbook();
    wb.sheets = this.sheets.map((s) => ({
      ...s,
      cells: new Map(s.cells),
      fills: new Map([...s.fills].map(([k, f]) => [k, { ...f }])),
      merges: s.merges.map((m) => ({ ...m })),
      hiddenRows: new Set(s.hiddenRows),
      ...(s.customProperties ? { customProperties: new Map(s.customProperties) } : {}),
      ...(s.layout ? { layout: copyLayout(s.layout) } : {}),
    }));
    wb.name = this.name;
    wb.structureProtected = this.structureProtected;
    wb.activeCell = this.activeCell && { ...this.activeCell };
    wb.tables = this.tables.map((t) => ({ ...t }));
    wb.reasons = this.reasons.map((r) => ({ ...r, ...(r.replies ? { replies: [...r.replies] } : {}) }));
    wb.xmlParts = this.xmlParts.map((p) => ({ ...p }));
    wb.nextId = this.nextId;
    return wb;
  }

  /** Every cell's value and fill and every note, as plain data for comparing two states. */
  snapshot(): unknown {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        cells: [...s.cells].sort(),
        fills: [...s.fills].sort(),
      })),
      reasons: this.reasons.map((r) => ({
        kind: r.kind,
        sheet: r.sheet,
        row: r.row,
        col: r.col,
        content: r.content,
        ...(r.replies?.length ? { replies: [...r.replies] } : {}),
      })),
    };
  }

  fillAt(sheet: string, row: number, col: number): CellFill {
    return this.sheet(sheet).fills.get(`${row},${col}`) ?? NO_FILL;
  }
}

function copyLayout(l: FakeSheetLayout): FakeSheetLayout {
  return {
    ...l,
    bold: new Set(l.bold),
    wrap: new Set(l.wrap),
    top: new Set(l.top),
    columnWidths: new Map(l.columnWidths),
    print: { ...l.print },
    ...(l.frozen ? { frozen: { ...l.frozen } } : {}),
  };
}

function fakeCell(v: CellValue): FakeCell {
  if (isCellError(v)) return { value: v.error, type: 'Error' };
  if (typeof v === 'number') return { value: v, type: 'Double' };
  if (typeof v === 'boolean') return { value: v, type: 'Boolean' };
  return { value: v as string, type: 'String' };
}
