import { Localized } from './rulePack';

/** A problem in a rule pack, located the way an editor shows it (1-based line and column). */
export interface PackProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning';
  /** Short id of the check, like an ESLint rule id. */
  readonly code: string;
  readonly message: Localized;
}

export class RulePackError extends Error {
  constructor(readonly problems: PackProblem[]) {
    super(problems[0] ? `${problems[0].file}:${problems[0].line}:${problems[0].column}: ${problems[0].message.en}` : 'invalid rule pack');
    this.name = 'RulePackError';
  }
}

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
