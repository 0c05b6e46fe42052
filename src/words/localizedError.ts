import { Localized } from './lang';

/** What went wrong, for a program to tell cases apart; the person reads `text`. */
export type ErrorCode = 'usage' | 'serve-usage' | 'signature' | 'reviews-part' | 'bindings-part' | 'binding' | 'workbook' | 'zip' | 'pack-file';

/**
 * The one error the core throws about what a person gave it (a command line, a signature file, a
 * workbook's stored part, a cell they pointed to): a code, and one sentence in each language.
 */
export class LocalizedError extends Error {
  readonly vi: string;
  readonly en: string;

  constructor(
    readonly code: ErrorCode,
    text: Localized,
  ) {
    super(text.en);
    this.vi = text.vi;
    this.en = text.en;
  }

  get text(): Localized {
    return { vi: this.vi, en: this.en };
  }
}

/**
 * A kind of LocalizedError under the name callers know it by, so `new BindingError(vi, en)` and
 * `e instanceof BindingError` read as before while every kind is the same error with its code.
 */
export function errorKind(code: ErrorCode, name: string) {
  return class extends LocalizedError {
    constructor(vi: string, en: string) {
      super(code, { vi, en });
      this.name = name;
    }
  };
}
