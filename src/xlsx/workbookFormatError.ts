/** Thrown for a file that is not a readable workbook; `message` is one sentence for the user. */
export class WorkbookFormatError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
    /** `xls`: an Excel 97-2003 file. */
    readonly code?: 'xls',
  ) {
    super(message);
    this.name = 'WorkbookFormatError';
  }
}
