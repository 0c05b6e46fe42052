/** A pack file's text and where it came from. */
export interface PackSource {
  /** As shown to the author (`rules/cum-5-2020.json`). */
  readonly file: string;
  readonly text: string;
  /** Identity for cycle detection (an absolute path); `file` when absent. */
  readonly key?: string;
}

/**
 * Finds the base a pack `extends`: `ref` is a pack id (`default`) or a path relative to `from`.
 * Node reads files (loadRulePack.ts); the browser answers from packs it already holds.
 * Returns undefined when there is no such pack; may throw with a reason.
 */
export type PackResolver = (ref: string, from: PackSource) => PackSource | undefined;
