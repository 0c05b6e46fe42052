/**
 * Running the CLI in-process on files in a fresh temporary folder, and checking the promises every
 * run keeps: the input is untouched (bytes and mtime) and nothing is written that was not asked for.
 */
import { createHash } from 'crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { main } from '../../src/cli/main';

export interface RunResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runCli(...argv: string[]): Promise<RunResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'pledge-check-bad-'));
}

/** Writes an input file with an old mtime, so a rewrite would show even within the same second. */
export function writeInput(dir: string, name: string, data: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  const old = new Date('2024-12-14T08:00:00Z');
  utimesSync(path, old, old);
  return path;
}

export interface FileState {
  readonly sha256: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** Every file under `dir` (recursively) with its digest and mtime. */
export function snapshot(dir: string): Map<string, FileState> {
  const out = new Map<string, FileState>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const st = statSync(p);
        out.set(relative(dir, p), { sha256: createHash('sha256').update(readFileSync(p)).digest('hex'), size: st.size, mtimeMs: st.mtimeMs });
      }
    }
  };
  walk(dir);
  return out;
}

/** A stack frame as Node prints it: `at fn (file.ts:12:34)` or `at file.js:1:2`. */
export const STACK_FRAME = /\bat (?:\S+ \()?[^\s()]+:\d+:\d+\)?/;
