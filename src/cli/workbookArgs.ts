import { readdirSync, statSync } from 'fs';
import { join } from 'path';
import { Lang } from '../words/lang';
import * as messages from './messages';

/** A workbook to check, or why an argument gave none (reported like an unreadable workbook). */
export type WorkbookArg = { readonly file: string } | { readonly problem: string; readonly arg: string };

/**
 * The files a `check` names: files as given, and for a folder every .xlsx and .xlsm directly in it, sorted by
 * name (Excel's `~$` lock files and hidden files left out). Anything else is left to the reader,
 * which explains missing or unreadable files in one sentence.
 */
export function expandWorkbookArgs(args: ReadonlyArray<string>, lang: Lang): WorkbookArg[] {
  const out: WorkbookArg[] = [];
  for (const arg of args) {
    let isFolder = false;
    try {
      isFolder = statSync(arg).isDirectory();
    } catch {
      // Missing or unreadable: the reader says which.
    }
    if (!isFolder) {
      out.push({ file: arg });
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(arg);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      out.push({ arg, problem: messages.folderUnreadable(arg, code)[lang] });
      continue;
    }
    const files = names.filter((n) => /\.xls[xm]$/i.test(n) && !n.startsWith('~$') && !n.startsWith('.')).sort();
    if (files.length === 0) {
      out.push({ arg, problem: messages.folderHasNoWorkbook(arg)[lang] });
    }
    for (const f of files) out.push({ file: join(arg, f) });
  }
  return out;
}
