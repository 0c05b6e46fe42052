import { CellValue } from '../grid/cell';
import { PeriodRole } from './periods';

export type Layout = 'A' | 'B' | 'C';

/** One figure read from a sheet: a unit's value of an indicator for one period, and where it stands. */
export interface Observation {
  readonly unit: string;
  /** The row's own period in a table with one row per unit and period (`Tháng 01/2025`). */
  readonly subjectPeriod?: string;
  readonly indicator: string;
  readonly period: PeriodRole;
  /** The period header as written (`Cùng kỳ năm 2023`). */
  readonly periodLabel: string;
  /** The row or column label as written. */
  readonly label: string;
  readonly sheet: string;
  /** A1 address on `sheet`. */
  readonly cell: string;
  readonly raw: CellValue;
  /** The number, or undefined when the cell holds no data (blank, error, text). */
  readonly value: number | undefined;
  /** The merged area (A1) that makes the figure ambiguous, when it is one; `value` is then undefined. */
  readonly merged?: string;
  /** The target the workbook's own plan column states on this row (current-period figures only). */
  readonly pledged?: { readonly cell: string; readonly raw: CellValue };
}

/**
 * A table's figures in table order (a layout C table's are made when read: see ColumnTableFigures).
 * Read them in order, or one by position; an array of observations is one.
 */
export interface Observations extends Iterable<Observation> {
  readonly length: number;
  at(index: number): Observation | undefined;
}

export interface TableProblem {
  readonly sheet: string;
  readonly cell: string;
  readonly kind: 'ambiguous-label';
  readonly detail: string;
}

export interface IndicatorTable {
  readonly sheet: string;
  readonly layout: Layout;
  /** The Excel table's name for layout C tables that are ListObjects. */
  readonly tableName?: string;
  /** A1 address of the header cell where the table was recognised. */
  readonly anchor: string;
  readonly units: string[];
  readonly observations: Observations;
  readonly problems: TableProblem[];
  /** How the header was read, for `explain`: its rows and what each column is. */
  readonly header?: HeaderReading;
  /** Rows that matched an indicator's words but were not read as it, and why (for `explain`). */
  readonly skipped?: SkippedLabel[];
}

/** What one column of a header was taken to be. */
export type ColumnRole = 'current' | 'baseline' | 'period-unused' | 'plan' | 'computed' | 'assessment' | 'label' | 'unit' | 'number' | 'other';

export interface HeaderReading {
  /** Zero-based header rows, top to bottom. */
  readonly rows: number[];
  readonly columns: ReadonlyArray<{
    readonly cell: string;
    readonly text: string;
    readonly role: ColumnRole;
    readonly indicator?: string;
    readonly bound?: boolean;
  }>;
}

export interface SkippedLabel {
  readonly cell: string;
  readonly label: string;
  readonly indicator: string;
  /** `breakdown`: a child row repeating its parent's words; `qualified`: words after the label narrow it. */
  readonly why: 'breakdown' | 'qualified';
}
