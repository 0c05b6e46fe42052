import { bundleSizeFigures } from './bundleSize';
import { endToEndFigures, scalingFigures } from './endToEnd';
import { previewFigures } from './previewBrowser';
import { profileFigures } from './profile';
import type { Figure } from './run';

/**
 * The Office section drives the add-in's code, which needs Office.js types the root project leaves
 * out so src/ cannot use them: it is loaded by a path tsc does not follow and type-checked with the
 * add-in's tests (test/addin/tsconfig.json).
 */
const OFFICE_SECTION = './officeRoundTrips';
const officeRoundTripFigures = async (quick: boolean): Promise<Figure[]> =>
  ((await import(OFFICE_SECTION)) as { officeRoundTripFigures(quick: boolean): Promise<Figure[]> }).officeRoundTripFigures(quick);

/** Benchmark sections after the evaluation one, in the order they print. */
export const sections: Array<(quick: boolean) => Promise<Figure[]>> = [
  endToEndFigures,
  scalingFigures,
  profileFigures,
  bundleSizeFigures,
  officeRoundTripFigures,
  previewFigures,
];
