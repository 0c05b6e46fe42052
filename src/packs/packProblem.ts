import { Lang, Localized } from '../words/lang';

/** A problem in a rule pack, located the way an editor shows it (1-based line and column). */
export interface PackProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning';
  /** Short id of the check, like an ESLint rule id (`unknown-fact`, `impossible-threshold`). */
  readonly code: string;
  readonly message: Localized;
}

export class RulePackError extends Error {
  constructor(readonly problems: PackProblem[]) {
    super(problems[0] ? problemLine(problems[0], 'en') : 'invalid rule pack');
    this.name = 'RulePackError';
  }
}

/** One problem on one line, `file:line:col: message (code)`: how `check` and the task pane refuse a pack. */
export function problemLine(p: PackProblem, lang: Lang): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message[lang]} (${p.code})`;
}

/** Problems in reading order, as an editor lists them. */
export function byPosition(a: PackProblem, b: PackProblem): number {
  return a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1;
}
