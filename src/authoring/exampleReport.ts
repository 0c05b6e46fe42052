import { statusWord } from '../report/words';
import { eslintJson, problemLines } from './lintReport';
import { PackProblem } from '../packs/packProblem';
import { ExampleIssue, ExampleOutcome } from './runExamples';
import { Lang } from '../words/lang';

/** One pack's run: its examples, or the errors that kept them from running. */
export interface PackTestResult {
  readonly file: string;
  /** Errors that stopped the pack from loading; examples then did not run. */
  readonly errors: ReadonlyArray<PackProblem>;
  readonly examples: ReadonlyArray<ExampleOutcome>;
}

export function packTestFailed(r: PackTestResult): boolean {
  return r.errors.length > 0 || r.examples.some((e) => e.issues.length > 0);
}

/** Each example with ✓ or ✗, and for each disagreement where it is written, then a summary line. */
export function stylishTestResults(results: ReadonlyArray<PackTestResult>, lang: Lang): string {
  const vi = lang === 'vi';
  const lines: string[] = [];
  for (const r of results) {
    lines.push(r.file);
    if (r.errors.length > 0) {
      lines.push(vi ? '  Bộ quy tắc có lỗi nên chưa chạy được ví dụ:' : '  The pack has errors, so its examples did not run:');
      lines.push(...problemLines(r.errors, lang).map((l) => '    ' + l));
    } else if (r.examples.length === 0) {
      lines.push(vi ? '  (không có ví dụ nào)' : '  (no examples)');
    }
    for (const e of r.examples) {
      lines.push(`  ${e.issues.length === 0 ? '✓' : '✗'} ${e.name}`);
      for (const issue of e.issues) lines.push(`    ${r.file}:${issue.line}:${issue.column}  ${issueText(issue, lang)}`);
    }
    lines.push('');
  }
  const examples = results.flatMap((r) => r.examples);
  const wrong = examples.filter((e) => e.issues.length > 0).length;
  const broken = results.filter((r) => r.errors.length > 0).length;
  const ok = wrong === 0 && broken === 0;
  const brokenText = broken === 0 ? '' : vi ? `; ${broken} bộ quy tắc có lỗi` : `; ${broken} pack${broken === 1 ? '' : 's'} with errors`;
  lines.push(
    vi
      ? `${ok ? '✓' : '✖'} ${examples.length - wrong}/${examples.length} ví dụ đúng${wrong > 0 ? `, ${wrong} ví dụ sai` : ''}${brokenText}.`
      : `${ok ? '✓' : '✖'} ${examples.length - wrong}/${examples.length} examples agree${wrong > 0 ? `, ${wrong} disagree` : ''}${brokenText}.`,
  );
  return lines.join('\n');
}

export function testResultsJson(results: ReadonlyArray<PackTestResult>, lang: Lang) {
  return results.map((r) => ({
    filePath: r.file,
    passed: !packTestFailed(r),
    messages: eslintJson([{ file: r.file, problems: r.errors }], lang)[0].messages,
    examples: r.examples.map((e) => ({ name: e.name, line: e.line, column: e.column, passed: e.issues.length === 0, issues: e.issues })),
  }));
}

function issueText(issue: ExampleIssue, lang: Lang): string {
  const vi = lang === 'vi';
  switch (issue.kind) {
    case 'mismatch':
      return vi
        ? `${issue.ruleId}: mong đợi "${statusWord(issue.expected, lang)}", kết quả "${statusWord(issue.actual, lang)}"`
        : `${issue.ruleId}: expected "${statusWord(issue.expected, lang)}", got "${statusWord(issue.actual, lang)}"`;
    case 'unknown-rule':
      return vi ? `${issue.ruleId}: bộ quy tắc không có quy tắc này` : `${issue.ruleId}: the pack has no such rule`;
    case 'unknown-fact':
      return vi
        ? `${issue.fact}: bộ quy tắc không có dữ kiện này, ví dụ không kiểm tra được gì`
        : `${issue.fact}: the pack has no such fact, so the example tests nothing`;
  }
}
