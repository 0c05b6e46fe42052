import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

/**
 * How far V8 lets the heap grow past what survived its last full collection, in percent, once a
 * run that writes output files has its findings. Left to itself V8 grows a heap that is collected
 * quickly up to fourfold, and a national check writing its JSON and copy (a few hundred megabytes
 * of findings alive, gigabytes made and dropped) then peaks near a gigabyte. Bounded from the
 * start, the heap was collected in full eight times while the findings were made (0.6 s of a
 * national run), far below the peak, which comes with the outputs. So the bound is set when the
 * findings are made, and at 20 % the peak is about 0.55 GB (`npm run bench`).
 */
export const HEAP_GROWING_PERCENT = 20;

/** The options that make a run write files (and so keep every finding until they are written). */
const WRITES_FILES = new Set(['--json', '--out', '--scorecard', '--report']);

let armed = false;
let bounded = false;

/**
 * Called by the launcher (bin/pledge-check.js) before any work, never by `main`: a program that
 * runs `main` in its own process (the tests) keeps its own policy. Arms boundHeapAfterFindings
 * for a run that writes output files; a run that only prints (a bare `check`) peaks lower already.
 */
export function armHeapPolicy(argv: ReadonlyArray<string>): boolean {
  armed = writesFiles(argv);
  return armed;
}

/**
 * The findings of a workbook are made and what is left is writing outputs: from here the heap
 * grows by HEAP_GROWING_PERCENT at most. One full collection starts the bound from what is alive
 * now, not from a limit V8 set while the findings were being made. Does nothing unless armed, and
 * collects only once per run.
 */
export function boundHeapAfterFindings(percent = HEAP_GROWING_PERCENT): boolean {
  if (!armed || bounded) return false;
  bounded = true;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  // What jest's --logHeapUsage does: the flag makes `gc` available to contexts made after it.
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return true;
}

/** Whether a command line asks for an output file (`--json f`, `--out=f`, …). */
export function writesFiles(argv: ReadonlyArray<string>): boolean {
  return argv.some((a) => WRITES_FILES.has(a.split('=')[0]));
}
