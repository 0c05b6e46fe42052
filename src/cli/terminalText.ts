import { Io } from './io';

/**
 * Everything the CLI prints goes through here (issue #16, point 13). A workbook's text, a file or
 * zip entry name, a pack's title can hold ESC sequences (clear the screen, rewrite a line, OSC 52
 * writes the clipboard), BEL, or bidirectional overrides that show a line in another order than
 * it reads. Each such character is shown as U+FFFD: C0 controls but line feed and tab, DEL, C1
 * controls, U+202A–202E and U+2066–2069.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(s: string): string {
  return s.replace(UNSAFE, '\uFFFD');
}

export function terminalSafeIo(io: Io): Io {
  return { out: (s) => io.out(terminalSafe(s)), err: (s) => io.err(terminalSafe(s)) };
}
