import { parseA1 } from '../grid/address';
import { WorkbookGrid } from '../grid/grid';
import { parseVietnameseNumber } from '../grid/vietnameseNumber';
import { IndicatorTable } from '../tables/indicatorTable';
import { isHeadingRow } from '../tables/headerBand';
import { SheetView } from '../tables/sheetView';
import { fold } from '../tables/text';
import { Binding } from './binding';
import { errorKind } from '../words/localizedError';

/** What a person points at and says: `Biểu 01!B12=criminal-cases`, `'Tổng hợp 6 tháng'!E5=current`. */
export interface BindingRequest {
  readonly sheet: string;
  readonly cell: string;
  /** An indicator id of the pack, or `current` / `baseline` for a period column. */
  readonly target: string;
}

/** A request that cannot be turned into a binding: one sentence in each language. */
export const BindingError = errorKind('binding', 'BindingError');
export type BindingError = InstanceType<typeof BindingError>;

/** Parses `Sheet!A1=target`; the sheet may be quoted and may itself hold `!` or `=`. */
export function parseBindingRequest(spec: string): BindingRequest {
  const eq = spec.lastIndexOf('=');
  const bang = eq < 0 ? -1 : spec.lastIndexOf('!', eq);
  const target = eq < 0 ? '' : spec.slice(eq + 1).trim();
  const cell =
    bang < 0
      ? ''
      : spec
          .slice(bang + 1, eq)
          .trim()
          .replace(/\$/g, '')
          .toUpperCase();
  let sheet = bang < 0 ? '' : spec.slice(0, bang).trim();
  if (/^'.*'$/.test(sheet)) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  if (!sheet || !/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(cell) || !target) {
    throw new BindingError(
      `"${spec}" không đúng dạng Trang!Ô=chỉ-tiêu (ví dụ "Biểu 01!B12=criminal-cases" hoặc "Biểu 01!E5=current")`,
      `"${spec}" is not of the form Sheet!Cell=indicator (e.g. "Biểu 01!B12=criminal-cases" or "Biểu 01!E5=current")`,
    );
  }
  return { sheet, cell, target };
}

/**
 * Turns "this cell is indicator X / the current period" into a binding keyed by the label text the
 * reader will meet: the row's label or the column's heading for an indicator, the column's heading
 * for a period. A figure cell names its row when it stands in a table of indicators as rows, its
 * column when units are rows.
 */
export function resolveBinding(grid: WorkbookGrid, tables: ReadonlyArray<IndicatorTable>, req: BindingRequest, indicators: ReadonlyArray<string>): Binding {
  const sheet = grid.sheets.find((s) => s.name === req.sheet) ?? grid.sheets.find((s) => fold(s.name) === fold(req.sheet));
  if (!sheet) throw new BindingError(`sổ không có trang "${req.sheet}"`, `the workbook has no sheet "${req.sheet}"`);
  const view = new SheetView(sheet);
  const { row, col } = parseA1(req.cell);
  const isPeriod = req.target === 'current' || req.target === 'baseline';
  if (!isPeriod && !indicators.includes(req.target)) {
    throw new BindingError(
      `bộ quy tắc không có chỉ tiêu "${req.target}" (có: ${indicators.join(', ')}; hoặc current / baseline cho cột kỳ)`,
      `the rule pack has no indicator "${req.target}" (it has: ${indicators.join(', ')}; or current / baseline for a period column)`,
    );
  }
  const own = view.shownText(row, col);
  const isText = own !== '' && parseVietnameseNumber(own) === undefined;
  let label: string | undefined;
  if (isText) label = own;
  else if (isPeriod) label = headingAbove(view, row, col);
  else label = unitsAreRows(tables, sheet.name, req.cell) ? headingAbove(view, row, col) : (rowLabel(view, row, col) ?? headingAbove(view, row, col));
  if (!label) {
    throw new BindingError(
      `không tìm thấy nhãn dòng hay tiêu đề cột cho ô ${req.sheet}!${req.cell}; hãy chỉ vào ô nhãn hoặc ô tiêu đề`,
      `found no row label or column heading for cell ${req.sheet}!${req.cell}; point at the label or heading cell instead`,
    );
  }
  const base = { sheet: sheet.name, label, cell: req.cell };
  return isPeriod ? { kind: 'period', ...base, period: req.target as 'current' | 'baseline' } : { kind: 'indicator', ...base, indicator: req.target };
}

/** True when a table with units as rows reads the cell's column, or has a unit on the cell's row. */
function unitsAreRows(tables: ReadonlyArray<IndicatorTable>, sheet: string, cell: string): boolean {
  const at = parseA1(cell);
  for (const t of tables) {
    if (t.sheet !== sheet) continue;
    for (const o of t.observations) {
      const { row, col } = parseA1(o.cell);
      // A column the reader did not recognise still stands on a row of the table's units.
      if (t.layout === 'C' && (col === at.col || row === at.row)) return true;
      if (t.layout !== 'C' && row === at.row) return false;
    }
  }
  return false;
}

/** The longest text left of the cell in its row: the label of a row of figures. */
function rowLabel(view: SheetView, row: number, col: number): string | undefined {
  let best: string | undefined;
  for (const c of view.cellCols(row)) {
    if (c >= col) break;
    const t = view.text(row, c);
    if (parseVietnameseNumber(t) !== undefined || /^[IVXLC]+\.?$|^[a-zđ]\)$/i.test(t)) continue;
    if (!best || t.length > best.length) best = t;
  }
  return best;
}

/** The nearest text above the cell in its column (through merged heading cells). */
function headingAbove(view: SheetView, row: number, col: number): string | undefined {
  for (let r = row - 1; r >= 0; r--) {
    const t = view.shownText(r, col);
    if (t && parseVietnameseNumber(t) === undefined) return t;
    // A year typed as a number is a heading too (`2025` over its column), in a heading row, not among figures.
    const v = view.value(r, col);
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v < 2100 && isHeadingRow(view, r, 0, view.width - 1)) return String(v);
  }
  return undefined;
}
