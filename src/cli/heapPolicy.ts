import { setFlagsFromString } from 'v8';

/**
 * How far V8 lets the heap grow past what survived its last full collection, in percent, once a
 * run that writes output files has its findings. Left to itself V8 grows a heap that is collected
 * quickly up to fourfold; a national check writing its JSON and copy makes gigabytes and drops
 * them. When its findings were objects (some 150 MB alive) the bound was 20 %, and the peak about
 * 0.5 GB. Kept as columns (CompactFindings), they leave some 20–40 MB alive: at 20 % V8 then
 * collected in full every dozen megabytes (15 times a run); at 100 %, 9 times; at 300 %, 6 times
 * (some 40 ms less collecting) for 17 MB more peak (0.41 GB, `--trace-gc`, pairs of national runs);
 * past 300 % the peak grows and the count does not fall.
 */
export const HEAP_GROWING_PERCENT = 300;

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

let writing = false;

/**
 * What is left is writing the outputs' text (the JSON's lines above all): from here each young
 * collection finds almost nothing alive, and V8's helper thread, woken for each and waited for,
 * costs more than the copying it shares, on a machine whose other core is deflating the copy. So
 * young collections are made by the main thread alone. Measured on a national `check --json
 * --out` (`--trace-gc-nvp`, 8 pairs): the JSON's 39 young collections took 19–26 ms instead of
 * 29–38 ms. Made alone from the end of the evaluation instead, the scorecard's collections, which
 * copy megabytes, took 16 → 25 ms, so the switch is made only here. Does nothing unless armed, and
 * only once per run.
 */
export function collectAloneWhileWriting(): boolean {
  if (!armed || writing) return false;
  writing = true;
  setFlagsFromString('--no-parallel-scavenge');
  return true;
}

/** Whether a command line asks for an output file (`--json f`, `--out=f`, …). */
export function writesFiles(argv: ReadonlyArray<string>): boolean {
  return argv.some((a) => WRITES_FILES.has(a.split('=')[0]));
}
