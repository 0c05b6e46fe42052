import { CellValue } from '../grid/cell';
import { Observation } from './indicatorTable';
import { PeriodRole } from './periods';

/** What every figure of one column of a layout C table shares: kept once, not on each of its figures. */
export interface FigureColumn {
  readonly indicator: string;
  readonly period: PeriodRole;
  readonly periodLabel: string;
  readonly label: string;
  readonly sheet: string;
  /** Zero-based column on the sheet. */
  readonly col: number;
  /** The column's letters (`AB`), for the figure's address. */
  readonly letters: string;
}

/**
 * Where a figure of a layout C table stands: its column's fields and its row, read through getters,
 * so a figure carries only what is its own (a figure, or a place moved from figure to figure).
 */
export abstract class ColumnPlace {
  protected abstract readonly column: FigureColumn;
  /** Zero-based row on the sheet. */
  abstract readonly row: number;

  get indicator(): string {
    return this.column.indicator;
  }

  get period(): PeriodRole {
    return this.column.period;
  }

  get periodLabel(): string {
    return this.column.periodLabel;
  }

  get label(): string {
    return this.column.label;
  }

  get sheet(): string {
    return this.column.sheet;
  }

  get cell(): string {
    return this.column.letters + (this.row + 1);
  }

  /** Zero-based column on the sheet: the place `cell` spells, as numbers. */
  get col(): number {
    return this.column.col;
  }
}

/**
 * One figure of a layout C table (a unit per row): the row's own values, and its column's through
 * getters. A national table has a million figures; each carries half the fields a plain observation
 * would, and its address is spelled only when asked for.
 */
export class ColumnFigure extends ColumnPlace implements Observation {
  constructor(
    readonly unit: string,
    readonly subjectPeriod: string | undefined,
    readonly raw: CellValue,
    readonly value: number | undefined,
    readonly column: FigureColumn,
    readonly row: number,
  ) {
    super();
  }

  /** The same figure as a plain observation, its fields in the order a table's figures always had. */
  plain(): Observation {
    return {
      unit: this.unit,
      subjectPeriod: this.subjectPeriod,
      indicator: this.indicator,
      period: this.period,
      periodLabel: this.periodLabel,
      label: this.label,
      sheet: this.sheet,
      cell: this.cell,
      raw: this.raw,
      value: this.value,
    };
  }
}

/** An observation's own fields, to copy with a change (`{ ...plainObservation(o), value: undefined }`): a spread of a column figure would drop its column's. */
export function plainObservation(o: Observation): Observation {
  return o instanceof ColumnFigure ? o.plain() : o;
}
