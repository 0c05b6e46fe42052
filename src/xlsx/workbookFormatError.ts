import { LocalizedError } from '../words/localizedError';

/** Thrown for a file that is not a readable workbook: one sentence in each language. */
export class WorkbookFormatError extends LocalizedError {
  constructor(
    vi: string,
    en: string,
    /** `xls`: an Excel 97-2003 file. */
    readonly format?: 'xls',
  ) {
    super('workbook', { vi, en });
    this.name = 'WorkbookFormatError';
  }
}
