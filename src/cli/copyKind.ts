import { extname } from 'path';
import { findTags, partText, XlsxPackage } from '../xlsx/package';
import { Lang } from '../words/lang';
import * as messages from './messages';

/**
 * A copy is the same kind of workbook as its input (issue #16, point 12): the patch keeps every
 * part, so a macro-enabled workbook's copy still holds its macros and its macro-enabled content
 * type, which Excel opens only under an `.xlsm` name (and a plain workbook only under `.xlsx`).
 * A mismatching `--out` is refused with the name to use rather than corrected silently: the user
 * typed that path, and another file appearing beside it would surprise.
 */
export function isMacroEnabled(pkg: XlsxPackage): boolean {
  const types = partText(pkg.parts, '[Content_Types].xml') ?? '';
  const main = findTags(types, 'Override').find((t) => (t.attrs.PartName ?? '').replace(/^\//, '') === pkg.workbookPath);
  return /macroEnabled/i.test(main?.attrs.ContentType ?? '');
}

/** Why `out` cannot be this workbook's copy, as one sentence, or undefined when it can. */
export function copyKindProblem(out: string, pkg: XlsxPackage, lang: Lang): string | undefined {
  const ext = extname(out).toLowerCase();
  const macros = isMacroEnabled(pkg);
  const want = macros ? '.xlsm' : '.xlsx';
  if (ext === want || (ext !== '.xlsx' && ext !== '.xlsm')) return undefined; // another name entirely is the user's choice
  const suggested = out.slice(0, out.length - ext.length) + want;
  return (macros ? messages.copyMustBeXlsm(out, suggested) : messages.copyMustBeXlsx(out, suggested))[lang];
}
