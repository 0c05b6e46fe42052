import { showCell } from '../grid/cell';
import { ColumnFigure, ColumnPlace, FigureColumn } from '../tables/columnFigure';
import { FindingInput } from './finding';

/**
 * A finding's input read from a figure of a layout C table (a unit per row). Its address and the
 * text shown are spelled only when asked: the findings' columns take the figure's row and column
 * as numbers (see CompactFindings), and a national check reads a million figures, whose strings,
 * made and parsed back, were much of what evaluating made.
 */
export class FigureInput extends ColumnPlace implements FindingInput {
  constructor(readonly figure: ColumnFigure) {
    super();
  }

  /** The figure's column and row: its indicator, period, sheet and cell come from them (see ColumnPlace). */
  protected get column(): FigureColumn {
    return this.figure.column;
  }

  get row(): number {
    return this.figure.row;
  }

  get value(): number | null {
    return this.figure.value ?? null;
  }

  get shown(): string {
    return showCell(this.figure.raw);
  }

  /** A layout C figure has no plan cell of its own. */
  get pledged(): undefined {
    return undefined;
  }

  /** Whether the text shown is the number written (`shown === String(value)`), told without spelling either when the cell holds that number. */
  get shownIsValue(): boolean {
    const { raw, value } = this.figure;
    if (value === undefined) return false;
    return (typeof raw === 'number' && raw === value) || showCell(raw) === String(value);
  }

  /** As a plain input, its fields in the order every input has them. */
  toJSON(): FindingInput {
    return { indicator: this.indicator, period: this.period, sheet: this.sheet, cell: this.cell, value: this.value, shown: this.shown };
  }
}

/** Whether two inputs read the same cell, compared as numbers when both are figures. */
export function samePlace(a: FindingInput, b: FindingInput): boolean {
  if (a instanceof FigureInput && b instanceof FigureInput) return a.row === b.row && a.col === b.col && a.sheet === b.sheet;
  return a.sheet === b.sheet && a.cell === b.cell;
}
