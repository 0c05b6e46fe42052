/**
 * What a cell holds once read, from a file or from Excel: the computed value, never the formula.
 * Excel error values (`#DIV/0!`, `#N/A`, …) are kept apart from text so no-data is never confused
 * with a label.
 */
export type CellValue = number | string | boolean | CellError | null;

export interface CellError {
  readonly error: string;
}

export const EXCEL_ERRORS = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
] as const;

export function cellError(code: string): CellError {
  return { error: code };
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** Text as a person would see it, for labels and headers. Errors and blanks give ''. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined || isCellError(v)) return '';
  if (typeof v === 'string') return v.trim();
  return String(v);
}

/** One-line rendering of a raw value for reasons and reports (errors shown as Excel shows them). */
export function showCell(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return v.error;
  return String(v);
}
