/**
 * A problem with the user's input (a workbook, a binding, a signature): reported as one sentence
 * already in the user's language, exit code 2, never a stack trace. In a batch, one workbook's
 * problem is reported and the others are still checked.
 */
export class InputError extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}
