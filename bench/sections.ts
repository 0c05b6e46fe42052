import { bundleSizeFigures } from './bundleSize';
import { endToEndFigures } from './endToEnd';
import type { Figure } from './run';

/** Benchmark sections after the evaluation one, in the order they print. */
export const sections: Array<(quick: boolean) => Promise<Figure[]>> = [endToEndFigures, bundleSizeFigures];
