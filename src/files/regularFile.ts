import { closeSync, constants, fstatSync, openSync, readSync } from 'fs';

/**
 * Reads an input file only if it is a regular file no larger than `maxBytes` (issue #16, point 6).
 * It is opened without blocking (a FIFO named `b.xlsx` would otherwise wait forever for a writer)
 * and judged by `fstat` of what was opened, so a symlink to `/dev/zero` or `/dev/urandom`, a
 * pipe or a socket is refused before a byte is read, and the size cap applies before reading.
 */
export class NotReadable extends Error {
  constructor(
    readonly reason: 'ENOENT' | 'EISDIR' | 'NOT_REGULAR' | 'TOO_LARGE' | string,
    readonly size = 0,
  ) {
    super(reason);
  }
}

export function readRegularFile(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new NotReadable((e as NodeJS.ErrnoException).code ?? 'error');
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new NotReadable('EISDIR');
    if (!st.isFile()) throw new NotReadable('NOT_REGULAR');
    if (st.size > maxBytes) throw new NotReadable('TOO_LARGE', st.size);
    const out = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, out, got, st.size - got, null);
      if (n === 0) break; // shrank while being read: what is there
      got += n;
    }
    return got === st.size ? out : out.subarray(0, got);
  } catch (e) {
    if (e instanceof NotReadable) throw e;
    throw new NotReadable((e as NodeJS.ErrnoException).code ?? 'error');
  } finally {
    closeSync(fd);
  }
}
