import { CellRef, parseA1 } from '../../grid/address';

/**
 * What a highlighted copy should show, independent of how it is written (package patch in the
 * CLI and browser preview, Office.js in the add-in).
 */
export type MarkStatus = 'shortfall' | 'no-data';

export interface CellMark {
  readonly sheet: string;
  /** A1 address on `sheet`. */
  readonly cell: string;
  readonly status: MarkStatus;
  /** The reason, attached to the cell as a note. Several findings on one cell are joined by the caller. */
  readonly note: string;
  /**
   * Whether `note` is not empty, when the mark knows without writing it (a plan's notes are written
   * when read, and a copy with more than MAX_CELL_NOTES marks writes none).
   */
  readonly hasNote?: boolean;
}

export type FindingsCell = string | number | null;

/**
 * Every status a cell of a generated sheet can be filled for: the two marks, plus what a
 * scorecard shows (met, a soft target missed, a target the workbook does not report).
 */
export type FillStatus = MarkStatus | 'met' | 'warning' | 'not-reported';

export interface FindingsSheetRow {
  readonly values: ReadonlyArray<FindingsCell>;
  /**
   * Column c's value (0-based) made alone, for a row whose values are made when read: the sheet's
   * layout then makes only the columns it still measures. A row that has it has as many values as
   * the sheet's header.
   */
  valueAt?(c: number): FindingsCell;
  /** Make the cell in column `column` (0-based) of this row a link to `sheet`!`cell`. */
  readonly link?: { readonly sheet: string; readonly cell: string; readonly column: number };
  readonly status?: MarkStatus | 'met';
  /** Fills per cell (0-based columns), for tables whose every cell has its own status (a scorecard). */
  readonly cellStatus?: ReadonlyArray<FillStatus | undefined>;
}

export interface FindingsSheet {
  /** Sheet name; made unique against the workbook's own sheets by the writer. */
  readonly name: string;
  readonly title?: string;
  readonly header: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<FindingsSheetRow>;
  /**
   * Column (0-based) whose cell shows a row's status; shortfall and no-data rows get the mark
   * fill there. Without it the whole row is filled.
   */
  readonly statusColumn?: number;
  /** Lines between the title and the header (what was checked, with which pack, a legend). */
  readonly subtitles?: ReadonlyArray<string>;
  /** Fixed widths (characters) for some columns; the header then wraps instead of widening them. */
  readonly columnWidths?: ReadonlyArray<number | undefined>;
  /** Columns kept in view when scrolling right (the unit's name). */
  readonly frozenColumns?: number;
}

export interface HighlightPlan {
  readonly marks: ReadonlyArray<CellMark>;
  /**
   * The same marks read by their place without being made, when the plan keeps them as columns (a
   * national plan marks tens of thousands of cells): what the package writer reads (markTableOf).
   */
  readonly markTable?: MarkTable;
  readonly findingsSheet?: FindingsSheet;
  /** Author shown on notes. */
  readonly author: string;
}

/** A plan's marks by their place (0 to length - 1), each field read without making the mark; equal to `marks`, mark for mark. */
export interface MarkTable {
  readonly length: number;
  sheet(i: number): string;
  /** The marked cell's row and column (0-based), as parseA1 reads the mark's `cell`, and throws for a cell that is not an address. */
  row(i: number): number;
  col(i: number): number;
  status(i: number): MarkStatus;
  hasNote(i: number): boolean;
  note(i: number): string;
}

/** A plan's marks as a MarkTable: its own, or one over its array of marks. */
export function markTableOf(plan: HighlightPlan): MarkTable {
  return plan.markTable ?? new MarkArrayTable(plan.marks);
}

class MarkArrayTable implements MarkTable {
  private parsed = -1;
  private place: CellRef = { row: 0, col: 0 };

  constructor(private readonly marks: ReadonlyArray<CellMark>) {}

  get length(): number {
    return this.marks.length;
  }

  sheet(i: number): string {
    return this.marks[i].sheet;
  }

  row(i: number): number {
    return this.placeOf(i).row;
  }

  col(i: number): number {
    return this.placeOf(i).col;
  }

  status(i: number): MarkStatus {
    return this.marks[i].status;
  }

  hasNote(i: number): boolean {
    const m = this.marks[i];
    return m.hasNote ?? m.note !== '';
  }

  note(i: number): string {
    return this.marks[i].note;
  }

  private placeOf(i: number): CellRef {
    if (i !== this.parsed) {
      this.place = parseA1(this.marks[i].cell);
      this.parsed = i;
    }
    return this.place;
  }
}

/** ARGB fills: Excel's own "Bad" red and "Neutral" amber, readable in print and for colour-blind users with the note. */
export const MARK_FILL: Record<MarkStatus, string> = {
  shortfall: 'FFFFC7CE',
  'no-data': 'FFFFEB9C',
};

/** Excel's "Good" green for met, a light orange for a missed soft target, grey for not reported. */
export const STATUS_FILL: Record<FillStatus, string> = {
  ...MARK_FILL,
  met: 'FFC6EFCE',
  warning: 'FFFCD5B4',
  'not-reported': 'FFEDEDED',
};
