/** Types for bundleSizes.js (plain CommonJS so webpack.config.js can load it as is). */
export interface Measured {
  readonly files: string[];
  readonly bytes: number;
  readonly gzip: number;
}
export interface BundleSizes {
  readonly pane: Measured;
  readonly preview: Measured;
  readonly commands: Measured;
  readonly paneTarget: number;
}
export const PANE_TARGET_GZIP: number;
export function bundleSizes(dir: string): BundleSizes | undefined;
export function describeSizes(sizes: BundleSizes): string[];
