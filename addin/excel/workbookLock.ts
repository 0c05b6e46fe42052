/**
 * One piece of Excel work at a time in this runtime. Two checks (a double click, Check then Clear,
 * the ribbon's Check while one runs) would otherwise interleave their syncs: the second would read
 * the first's red fills as the cells' own and remember them, so Clear could never put them back.
 * Each job starts when every earlier one has settled, whether it succeeded or failed.
 *
 * Only this runtime: without a shared runtime the ribbon's commands run in another one, which the
 * check's edit detection (editedMeanwhile) covers instead.
 */
let last: Promise<unknown> = Promise.resolve();

export function withWorkbookLock<T>(job: () => Promise<T>): Promise<T> {
  const run = last.then(job);
  last = run.catch(() => undefined);
  return run;
}
