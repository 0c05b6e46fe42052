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
  readonly findingsSheet?: FindingsSheet;
  /** Author shown on notes. */
  readonly author: string;
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
