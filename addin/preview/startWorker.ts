import { WorkerLike } from './checkRunner';

/**
 * Starts the check worker. Kept alone in this file because `import.meta` exists only in the
 * webpack build (ES modules): jest (CommonJS) never loads it, it runs the check on the page.
 */
export function startCheckWorker(): WorkerLike {
  // eslint-disable-next-line @typescript-eslint/ban-ts-comment -- an expect-error would fail the webpack build, where import.meta is valid
  // @ts-ignore -- import.meta: webpack 5 turns this into the worker chunk's URL; tsc checks the add-in as CommonJS
  return new Worker(new URL('./checkWorker.ts', import.meta.url), { name: 'pledge-check' });
}
