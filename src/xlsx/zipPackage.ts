import { zipSync, Zippable } from 'fflate';

/** Fixed zip timestamp, so the same input always gives the same bytes. */
const ZIP_MTIME = new Date(1980, 0, 1, 0, 0, 0);
/** Already-compressed media are stored, not deflated again. */
const STORED = /\.(png|jpe?g|gif)$/i;

/** Zips a package's parts as they are: the one way every writer in src/xlsx produces a file. */
export function zipPackage(parts: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of parts) files[name] = [data, { level: STORED.test(name) ? 0 : 6, mtime: ZIP_MTIME }];
  return zipSync(files, { mtime: ZIP_MTIME });
}
