import type { Figure } from './run';

/** Further benchmark sections (Office round trips, end to end, bundle size) register here. */
export const sections: Array<(quick: boolean) => Promise<Figure[]>> = [];
