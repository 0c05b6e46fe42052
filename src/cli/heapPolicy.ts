import { setFlagsFromString } from 'v8';

/**
 * How far V8 lets the heap grow past what survived its last full collection, in percent. Left to
 * itself V8 grows a heap that is collected quickly up to fourfold, and a national check (a few
 * hundred megabytes alive, gigabytes made and dropped) then peaks near a gigabyte of memory. At
 * 30 % it peaks at about two thirds of that, for a few percent more time (`npm run bench`).
 */
export const HEAP_GROWING_PERCENT = 30;

/**
 * Sets the CLI's heap growth before any work is done. Called by the launcher (bin/pledge-check.js),
 * not by `main`: a program that runs `main` in its own process (the tests) keeps its own policy.
 */
export function boundHeapGrowth(percent = HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
