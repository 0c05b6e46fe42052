/** Where the CLI writes; tests pass their own to capture output. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const processIo: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

/**
 * A reader that stops early (`pledge-check check … | head`) closes the pipe. What the run still
 * prints is then dropped, and the run finishes (its files are still written) with its own exit
 * code: Node's default was a stack trace. Called by the launcher (bin/pledge-check.js), which owns
 * the process's streams; never by `main`.
 */
export function dropOutputWhenReaderGoes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
      // Any other failure to print (a full disk behind a redirect): said once, and the run fails.
      process.exitCode = 2;
      if (stream !== process.stderr) process.stderr.write(`Không ghi được ra đầu ra chuẩn / Cannot write to standard output (${e.code ?? e.message}).\n`);
    });
  }
}

/** Exit codes scripts can trust, as ESLint's: 0 fine, 1 the input has problems, 2 the tool could not do its job. */
/** 0: every evaluated target met; 1: a target is a shortfall or has no data (lint/test: problems found); 2: bad input or usage. */
export const EXIT = { ok: 0, shortfall: 1, problems: 1, badInput: 2 } as const;
