import { randomBytes } from 'crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  write,
} from 'fs';
import { basename, dirname, isAbsolute, join, resolve } from 'path';
import { Lang } from '../words/lang';
import * as messages from './messages';

/**
 * Every file a command writes, planned before anything is written (issue #16, points 7–10):
 *
 * - no output lands on an input (workbook, rule pack, bindings file) or on another output, with
 *   paths resolved through symlinks and compared by device and inode when the file exists (hard
 *   links, another spelling on a case-insensitive disk), by the real path of the folder otherwise;
 * - an output that is a device, a pipe or a terminal (`/dev/null`, `/dev/stdout`, `>(jq .)`) is
 *   written through, never renamed over; a symlink to a regular file is followed and the file it
 *   points to replaced, the link kept;
 * - a regular file is first written to a temporary file created exclusively (`wx`, random name)
 *   in the real folder of the target, and every temporary file is put in place only once all of
 *   them are written: all or nothing. They are removed on failure and on SIGINT/SIGTERM.
 */

/** A problem with the paths given; `text` is one sentence for the user. */
export class OutputPathError extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

export type InputKind = 'workbook' | 'rules' | 'bindings';

/** Where an output really goes. */
interface Target {
  readonly given: string;
  readonly flag: string;
  /** The file to write, symlinks followed (may not exist yet). */
  readonly real: string;
  /** Device and inode of the existing file, or undefined when there is none. */
  readonly id?: string;
  /** Written through (a device, a pipe, a socket, a terminal), never renamed over. */
  readonly through: boolean;
  /** Mode of the regular file replaced, kept by the new one. */
  readonly mode?: number;
}

interface Staged {
  readonly target: Target;
  /** The temporary file (regular targets), or the bytes to write through at commit. */
  readonly tmp?: string;
  readonly pieces?: () => Iterable<string | Uint8Array>;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export class OutputPlan {
  private readonly inputs: Array<{ path: string; kind: InputKind; id?: string; real: string }> = [];
  private readonly outputs: Target[] = [];
  private readonly staged: Staged[] = [];
  private readonly temps = new Set<string>();
  private signalHandler?: (signal: NodeJS.Signals) => void;

  constructor(
    private readonly lang: Lang,
    /** What a signal does once the temporary files are removed (tests replace it). */
    private readonly onSignal: (signal: NodeJS.Signals) => void = (signal) => process.kill(process.pid, signal),
  ) {}

  /** A file the command reads; no output may be it. */
  input(path: string, kind: InputKind): void {
    const t = this.targetOf(path, '', true);
    this.inputs.push({ path, kind, real: t.real, id: t.id });
  }

  /**
   * An output the command will write (`flag` names it in messages). Refuses, in one sentence, an
   * output on an input or on an output already planned, and a folder.
   */
  output(path: string, flag: string): void {
    const target = this.targetOf(path, flag);
    for (const i of this.inputs) {
      if (!sameTarget(target, i)) continue;
      throw new OutputPathError(messages.outputOnInput(path, flag, i.kind, i.path)[this.lang]);
    }
    // Two outputs on one terminal or /dev/null are what the user asked for; on one file, one would be lost.
    const other = target.through && target.id !== undefined && isCharDevice(target.real) ? undefined : this.outputs.find((o) => sameTarget(target, o));
    if (other) {
      throw new OutputPathError(messages.outputsShareFile(path, other.flag, flag)[this.lang]);
    }
    this.outputs.push(target);
  }

  /**
   * Writes an output's content: to its temporary file now (a regular file), or at commit (a
   * device or pipe). `pieces` may be called once; strings are written as UTF-8.
   */
  async stage(path: string, pieces: () => Iterable<string | Uint8Array>): Promise<void> {
    const target = this.outputs.find((o) => o.given === path) ?? this.targetOf(path, '');
    if (target.through) {
      this.staged.push({ target, pieces });
      return;
    }
    const folder = dirname(target.real);
    let tmp: string | undefined;
    let fd: number | undefined;
    try {
      mkdirSync(folder, { recursive: true });
      this.watchSignals();
      tmp = join(folder, `.${basename(target.real)}.${randomBytes(8).toString('hex')}.tmp`);
      // Exclusive: a file or symlink planted at this name makes the open fail instead of being followed.
      fd = openSync(tmp, 'wx', target.mode ?? 0o666);
      this.temps.add(tmp);
      if (target.mode !== undefined) fchmodSync(fd, target.mode);
      await writePieces(fd, pieces());
      closeSync(fd);
      fd = undefined;
      this.staged.push({ target, tmp });
    } catch (e) {
      if (fd !== undefined) closeSync(fd);
      if (tmp) this.remove(tmp);
      throw this.cannotWrite(path, e);
    }
  }

  /** Puts every staged output in place: temporary files renamed, devices and pipes written. */
  async commit(): Promise<void> {
    try {
      for (const s of this.staged) {
        try {
          if (s.tmp) {
            renameSync(s.tmp, s.target.real);
            this.temps.delete(s.tmp);
          } else if (s.pieces) {
            const fd = openSync(s.target.real, constants.O_WRONLY | (isFifoOrChar(s.target.real) ? 0 : constants.O_TRUNC));
            try {
              await writePieces(fd, s.pieces());
            } finally {
              closeSync(fd);
            }
          }
        } catch (e) {
          throw this.cannotWrite(s.target.given, e);
        }
      }
    } finally {
      this.abort();
    }
  }

  /** Removes every temporary file not yet put in place. */
  abort(): void {
    for (const t of [...this.temps]) this.remove(t);
    this.staged.length = 0;
    this.unwatchSignals();
  }

  private remove(tmp: string): void {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // its folder is gone: nothing is left there
    }
    this.temps.delete(tmp);
  }

  private watchSignals(): void {
    if (this.signalHandler) return;
    this.signalHandler = (signal) => {
      for (const t of [...this.temps]) this.remove(t);
      this.unwatchSignals();
      this.onSignal(signal);
    };
    for (const s of SIGNALS) process.on(s, this.signalHandler);
  }

  private unwatchSignals(): void {
    if (!this.signalHandler) return;
    for (const s of SIGNALS) process.off(s, this.signalHandler);
    this.signalHandler = undefined;
  }

  private targetOf(path: string, flag: string, reading = false): Target {
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(path); // symlinks followed by the system, also /dev/stdout's to a pipe
    } catch {
      st = undefined;
    }
    // A regular file is replaced where it really is; a device or pipe is opened by the name given;
    // a missing file is created where its name (or the dangling link it is) leads.
    const real = st === undefined ? followLinks(path) : st.isFile() ? realpathSync(path) : resolve(path);
    if (st?.isDirectory() && !reading) {
      throw new OutputPathError(messages.outputIsFolder(path)[this.lang]);
    }
    const through = st !== undefined && !st.isFile();
    return { given: path, flag, real, id: st ? `${st.dev}:${st.ino}` : undefined, through, mode: st?.isFile() ? st.mode & 0o7777 : undefined };
  }

  private cannotWrite(path: string, e: unknown): OutputPathError {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return new OutputPathError(messages.cannotWriteFile(path, code)[this.lang]);
  }
}

function sameTarget(a: { real: string; id?: string }, b: { real: string; id?: string }): boolean {
  if (a.id !== undefined && b.id !== undefined) return a.id === b.id && !a.id.endsWith(':0');
  return a.real === b.real;
}

function isCharDevice(path: string): boolean {
  try {
    return statSync(path).isCharacterDevice();
  } catch {
    return false;
  }
}

function isFifoOrChar(path: string): boolean {
  try {
    const st = statSync(path);
    return st.isFIFO() || st.isCharacterDevice() || st.isSocket();
  } catch {
    return false;
  }
}

/**
 * The absolute path a path leads to: symlinks followed (also dangling ones, to where they point),
 * the folder as its real path when it exists, else the real path of its nearest existing ancestor.
 */
export function followLinks(path: string): string {
  let p = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let link: string | undefined;
    try {
      if (lstatSync(p).isSymbolicLink()) link = readlinkSync(p);
    } catch {
      link = undefined;
    }
    if (link === undefined) break;
    p = isAbsolute(link) ? link : resolve(dirname(p), link);
  }
  return join(realFolder(dirname(p)), basename(p));
}

function realFolder(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    const parent = dirname(folder);
    return parent === folder ? folder : join(realFolder(parent), basename(folder));
  }
}

async function writePieces(fd: number, pieces: Iterable<string | Uint8Array>): Promise<void> {
  // Strings are encoded into one of two buffers; a full buffer is written on libuv's threads while
  // the next is filled, so a national JSON's disk writes (a few hundred megabytes) cost the main
  // thread nothing. Each write gives the event loop a turn: work on other threads meanwhile (zlib
  // deflating the copy) waits for the main thread between its steps.
  const buffers = [Buffer.allocUnsafe(WRITE_BYTES), Buffer.allocUnsafe(WRITE_BYTES)];
  let buffer = buffers[0];
  let used = 0;
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    if (used === 0) return;
    writing = writeFully(fd, buffer, used);
    writing.catch(() => undefined); // awaited before the next write or at the end, which throws it
    buffer = buffer === buffers[0] ? buffers[1] : buffers[0];
    used = 0;
  };
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      await flush();
      await writing;
      await writeFully(fd, piece, piece.length);
    } else if (piece.length * 3 > buffer.length) {
      await flush();
      await writing;
      const bytes = Buffer.from(piece, 'utf8');
      await writeFully(fd, bytes, bytes.length);
    } else {
      if (buffer.length - used < piece.length * 3) await flush();
      used += buffer.write(piece, used);
    }
  }
  await flush();
  await writing;
}

/** The first `length` bytes of `bytes` written to `fd` on libuv's threads, however many writes it takes. */
async function writeFully(fd: number, bytes: Uint8Array, length: number): Promise<void> {
  for (let done = 0; done < length;) {
    done += await new Promise<number>((resolve, reject) => write(fd, bytes, done, length - done, null, (e, n) => (e ? reject(e) : resolve(n))));
  }
}

/** Bytes written at a time, between turns of the event loop. */
const WRITE_BYTES = 1 << 20;

/** Whether `fstat` of an open file says it is a regular file. */
export function isRegularFd(fd: number): boolean {
  return fstatSync(fd).isFile();
}
