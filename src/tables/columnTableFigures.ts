import { CellValue } from '../grid/cell';
import { ColumnFigure, ColumnPlace, FigureColumn } from './columnFigure';
import { figureOf } from './figures';
import { Observation, Observations } from './indicatorTable';

/**
 * The figures of a layout C table, row by row and column by column, each made when it is read.
 * A national table has one and a half million figures: kept as objects from reading to evaluation,
 * they outlived every young-generation collection and were copied into the old one. Here a table
 * keeps a row's sheet position and unit, and a figure lives only as long as its reader holds it.
 * The cells are read from the sheet, which the table's reader keeps alive and never changes.
 */
export class ColumnTableFigures implements Observations {
  readonly length: number;

  /**
   * @param rows each data row's zero-based row on the sheet
   * @param units each data row's unit
   * @param periods each data row's own period, when the table has a period column
   * @param replaced figures read otherwise than their cell says (a merged area, a baseline row), by position
   */
  constructor(
    private readonly cellAt: (row: number, col: number) => CellValue,
    private readonly columns: ReadonlyArray<FigureColumn>,
    private readonly rows: Int32Array,
    private readonly units: ReadonlyArray<string>,
    private readonly periods: ReadonlyArray<string | undefined> | undefined,
    private readonly replaced: ReadonlyMap<number, Observation> = new Map(),
  ) {
    this.length = rows.length * columns.length;
  }

  /** As an array's `at`: a fraction is cut, a negative position counts from the end. */
  at(index: number): Observation | undefined {
    let i = Math.trunc(index) || 0;
    if (i < 0) i += this.length;
    if (i < 0 || i >= this.length) return undefined;
    const replaced = this.replacedAt(i);
    if (replaced) return replaced;
    const n = this.columns.length;
    const k = (i / n) | 0;
    const column = this.columns[i - k * n];
    const row = this.rows[k];
    const raw = this.cellAt(row, column.col);
    return new ColumnFigure(this.units[k], this.periods?.[k], raw, figureOf(raw), column, row);
  }

  /** The figure at a position read otherwise than its cell says, if it is one. */
  private replacedAt(i: number): Observation | undefined {
    return this.replaced.size === 0 ? undefined : this.replaced.get(i);
  }

  /** The same figures with some read otherwise (positions as in `at`). */
  withReplaced(replaced: ReadonlyMap<number, Observation>): ColumnTableFigures {
    if (replaced.size === 0) return this;
    const all = new Map(this.replaced);
    for (const [i, o] of replaced) all.set(i, o);
    return new ColumnTableFigures(this.cellAt, this.columns, this.rows, this.units, this.periods, all);
  }

  /** Each row's figures as one run of the same unit and period, or false when some figure was read otherwise. */
  subjectRuns(visit: SubjectRunVisitor): boolean {
    if (this.replaced.size > 0) return false;
    const n = this.columns.length;
    if (n === 0) return true;
    for (let k = 0; k < this.rows.length; k++) visit(k * n, (k + 1) * n, this.units[k], this.periods?.[k]);
    return true;
  }

  /**
   * Where each figure stands and what it is the figure of, in order, without making the figures
   * or parsing their cells: what a reading of the table needs. `visit` gets one place object,
   * changed for each figure (copy what it keeps); a figure read otherwise is given as itself.
   */
  forEachPlace(visit: (place: FigurePlace) => void): void {
    const n = this.columns.length;
    const place = new MovingPlace();
    for (let k = 0, i = 0; k < this.rows.length; k++) {
      place.unit = this.units[k];
      place.subjectPeriod = this.periods?.[k];
      place.row = this.rows[k];
      for (let c = 0; c < n; c++, i++) {
        const replaced = this.replacedAt(i);
        if (replaced) {
          visit(replaced);
          continue;
        }
        place.column = this.columns[c];
        visit(place);
      }
    }
  }

  [Symbol.iterator](): Iterator<Observation> {
    let i = 0;
    return {
      next: (): IteratorResult<Observation> => (i < this.length ? { done: false, value: this.at(i++)! } : { done: true, value: undefined }),
    };
  }
}

/** Positions `from` to `to` (exclusive) hold figures of one unit and own period. */
export type SubjectRunVisitor = (from: number, to: number, unit: string, period: string | undefined) => void;

/**
 * Each run of consecutive figures with the same unit and own period, in order: what grouping by
 * subject needs, read from a layout C table's rows without making its figures.
 */
export function forEachSubjectRun(list: Observations, visit: SubjectRunVisitor): void {
  if (list instanceof ColumnTableFigures && list.subjectRuns(visit)) return;
  let from = 0;
  let unit = '';
  let period: string | undefined;
  let i = 0;
  for (const o of list) {
    if (i === 0 || o.unit !== unit || o.subjectPeriod !== period) {
      if (i > 0) visit(from, i, unit, period);
      from = i;
      unit = o.unit;
      period = o.subjectPeriod;
    }
    i++;
  }
  if (i > 0) visit(from, i, unit, period);
}

/** A table's figures with some read otherwise, by position; the others are the same figures. */
export function withReplaced(list: Observations, replaced: ReadonlyMap<number, Observation>): Observations {
  if (replaced.size === 0) return list;
  if (list instanceof ColumnTableFigures) return list.withReplaced(replaced);
  return Array.from(list, (o, i) => replaced.get(i) ?? o);
}

/** What a figure is of and where it stands: a figure itself is one; `col` (zero-based) when known without parsing `cell`. */
export type FigurePlace = Pick<Observation, 'unit' | 'subjectPeriod' | 'indicator' | 'period' | 'label' | 'sheet' | 'cell'> & { readonly col?: number };

/** The place of one figure after another of a ColumnTableFigures (forEachPlace). */
class MovingPlace extends ColumnPlace implements FigurePlace {
  unit = '';
  subjectPeriod: string | undefined = undefined;
  row = 0;
  column: FigureColumn = NO_COLUMN;
}

const NO_COLUMN: FigureColumn = { indicator: '', period: 'current', periodLabel: '', label: '', sheet: '', letters: 'A', col: 0 };
