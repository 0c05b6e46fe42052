import { LocalizedError } from '../../src/words/localizedError';

/** The LocalizedError `run` throws; anything else thrown, or nothing, fails the test. */
export function refusal(run: () => unknown): LocalizedError {
  try {
    run();
  } catch (e) {
    if (e instanceof LocalizedError) return e;
    throw e;
  }
  throw new Error('nothing was refused');
}
