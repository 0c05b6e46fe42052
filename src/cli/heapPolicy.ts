import { setFlagsFromString } from 'v8';

/**
 * How far V8 lets the heap grow past what survived its last full collection, in percent, when a
 * run writes output files. Left to itself V8 grows a heap that is collected quickly up to
 * fourfold, and a national check writing its JSON and copy (a few hundred megabytes of findings
 * alive, gigabytes made and dropped) then peaks near a gigabyte. At 30 % it peaks at about two
 * thirds of that, for a few percent more time (`npm run bench`).
 */
export const HEAP_GROWING_PERCENT = 30;

/** The options that make a run write files (and so keep every finding until they are written). */
const WRITES_FILES = new Set(['--json', '--out', '--scorecard', '--report']);

/**
 * Bounds the heap's growth for a run that writes output files, before any work is done. A run
 * that only prints (a bare `check`) already peaks lower, and bounding it would only cost time.
 * Called by the launcher (bin/pledge-check.js), not by `main`: a program that runs `main` in its
 * own process (the tests) keeps its own policy.
 */
export function boundHeapGrowthFor(argv: ReadonlyArray<string>, percent = HEAP_GROWING_PERCENT): boolean {
  if (!writesFiles(argv)) return false;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  return true;
}

/** Whether a command line asks for an output file (`--json f`, `--out=f`, …). */
export function writesFiles(argv: ReadonlyArray<string>): boolean {
  return argv.some((a) => WRITES_FILES.has(a.split('=')[0]));
}
