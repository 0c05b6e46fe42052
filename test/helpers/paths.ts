import { existsSync } from 'fs';
import { resolve } from 'path';

export const PROJECT_ROOT = resolve(__dirname, '../..');
export const SAMPLES = resolve(PROJECT_ROOT, 'samples');
/** The team's shared fixtures sit beside the repository; a fresh clone may not have them. */
export const SHARED_FIXTURES = resolve(PROJECT_ROOT, '../shared/fixtures');
export const hasSharedFixtures = existsSync(resolve(SHARED_FIXTURES, 'expected.json'));
