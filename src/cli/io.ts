/** Where the CLI writes; tests pass their own to capture output. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const processIo: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

/** Exit codes scripts can trust, as ESLint's: 0 fine, 1 the input has problems, 2 the tool could not do its job. */
/** 0: every evaluated target met; 1: a target is a shortfall or has no data (lint/test: problems found); 2: bad input or usage. */
export const EXIT = { ok: 0, shortfall: 1, problems: 1, badInput: 2 } as const;
