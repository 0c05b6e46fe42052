import { byPosition, PackProblem } from '../packs/packProblem';
import { Lang } from '../words/lang';

export interface FileProblems {
  readonly file: string;
  readonly problems: ReadonlyArray<PackProblem>;
}

const SEVERITY_WORD: Record<Lang, Record<PackProblem['severity'], string>> = {
  vi: { error: 'lỗi', warning: 'cảnh báo' },
  en: { error: 'error', warning: 'warning' },
};

/**
 * ESLint's "stylish" shape, one problem a line so editors and terminals can jump to it:
 * `file:line:col  error  message  rule-id`, grouped per file, then one summary line.
 */
export function stylishProblems(results: ReadonlyArray<FileProblems>, lang: Lang): string {
  const lines: string[] = [];
  for (const r of results) {
    if (r.problems.length === 0) continue;
    if (lines.length > 0) lines.push('');
    lines.push(...problemLines(r.problems, lang));
  }
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(results, lang));
  return lines.join('\n');
}

/** One file's problems in reading order, columns aligned. */
export function problemLines(problems: ReadonlyArray<PackProblem>, lang: Lang): string[] {
  const sorted = [...problems].sort(byPosition);
  const where = sorted.map((p) => `${p.file}:${p.line}:${p.column}`);
  const sev = sorted.map((p) => SEVERITY_WORD[lang][p.severity]);
  const w1 = Math.max(...where.map((s) => s.length));
  const w2 = Math.max(...sev.map((s) => s.length));
  return sorted.map((p, i) => `${where[i].padEnd(w1)}  ${sev[i].padEnd(w2)}  ${p.message[lang]}  ${p.code}`);
}

export function summaryLine(results: ReadonlyArray<FileProblems>, lang: Lang): string {
  const all = results.flatMap((r) => r.problems);
  const errors = all.filter((p) => p.severity === 'error').length;
  const warnings = all.length - errors;
  const files = results.length;
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  if (all.length === 0) return lang === 'vi' ? `✓ Không có vấn đề nào trong ${files} tệp.` : `✓ No problems in ${n(files, 'file')}.`;
  const mark = errors > 0 ? '✖' : '⚠';
  if (lang === 'vi') return `${mark} ${all.length} vấn đề (${errors} lỗi, ${warnings} cảnh báo) trong ${files} tệp.`;
  return `${mark} ${n(all.length, 'problem')} (${n(errors, 'error')}, ${n(warnings, 'warning')}) in ${n(files, 'file')}.`;
}

/** ESLint's JSON shape (`filePath`, `messages[].ruleId`, severity 2 = error, 1 = warning), so existing tooling reads it. */
export function eslintJson(results: ReadonlyArray<FileProblems>, lang: Lang) {
  return results.map((r) => {
    const sorted = [...r.problems].sort(byPosition);
    return {
      filePath: r.file,
      messages: sorted.map((p) => ({ ruleId: p.code, severity: p.severity === 'error' ? 2 : 1, message: p.message[lang], line: p.line, column: p.column })),
      errorCount: sorted.filter((p) => p.severity === 'error').length,
      warningCount: sorted.filter((p) => p.severity === 'warning').length,
    };
  });
}
