import { setFlagsFromString } from 'v8';

/**
 * How far V8 lets the heap grow past what survived its last full collection, in percent, once a
 * run that writes output files has its findings. Left to itself V8 grows a heap that is collected
 * quickly up to fourfold, and a national check writing its JSON and copy (a few hundred megabytes
 * of findings alive, gigabytes made and dropped) then peaks near a gigabyte. Bounded from the
 * start, the heap was collected in full eight times while the findings were made (0.6 s of a
 * national run), far below the peak, which comes with the outputs. So the bound is set when the
 * findings are made, and at 20 % the peak is about 0.5 GB (`npm run bench`).
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
 * grows by HEAP_GROWING_PERCENT at most past what each full collection leaves. The bound starts
 * at V8's next full collection. It once forced one here, to start from what is alive now, but V8
 * had just collected in full at the end of the findings (they are made in the old generation), and
 * the forced one, a pause of its own, cost 150–200 ms of a national run for 7 MB less peak memory
 * (medians of 9 runs). Does nothing unless armed, and bounds only once per run.
 */
export function boundHeapAfterFindings(percent = HEAP_GROWING_PERCENT): boolean {
  if (!armed || bounded) return false;
  bounded = true;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  return true;
}

/** Whether a command line asks for an output file (`--json f`, `--out=f`, …). */
export function writesFiles(argv: ReadonlyArray<string>): boolean {
  return argv.some((a) => WRITES_FILES.has(a.split('=')[0]));
}
