import { PackEvaluator } from '../evaluate/evaluatePack';
import { FindingStatus } from '../evaluate/finding';
import { pointer } from '../packs/jsonLocation';
import { ExpectedStatus, RulePack } from '../packs/rulePack';

/** Why an example does not hold, located where the author wrote the part at fault. */
export type ExampleIssue = (
  | { readonly kind: 'mismatch'; readonly ruleId: string; readonly expected: ExpectedStatus; readonly actual: FindingStatus }
  | { readonly kind: 'unknown-rule'; readonly ruleId: string }
  | { readonly kind: 'unknown-fact'; readonly fact: string }
) & { readonly line: number; readonly column: number };

export interface ExampleOutcome {
  readonly name: string;
  /** Where the example starts. */
  readonly line: number;
  readonly column: number;
  readonly issues: ExampleIssue[];
}

type PositionOf = (ptr: string) => { line: number; column: number };

/**
 * Runs a pack's examples through the evaluator the real check uses, so what an example shows is
 * what a workbook with those figures would show. A fact or rule the pack lacks fails the example
 * (it would otherwise pass by testing nothing). One at a time: one engine must not run concurrently.
 */
export async function runExamples(pack: RulePack, positionOf: PositionOf): Promise<ExampleOutcome[]> {
  const evaluator = new PackEvaluator(pack);
  const known = new Set([...Object.keys(pack.indicators), ...Object.keys(pack.facts ?? {})]);
  const out: ExampleOutcome[] = [];
  for (const [i, ex] of (pack.examples ?? []).entries()) {
    const issues: ExampleIssue[] = [];
    for (const fact of Object.keys(ex.facts)) {
      if (!known.has(fact)) issues.push({ kind: 'unknown-fact', fact, ...positionOf(pointer('examples', i, 'facts', fact)) });
    }
    const statuses = await evaluator.statusesForFacts(ex.facts);
    for (const [ruleId, expected] of Object.entries(ex.expect)) {
      const at = positionOf(pointer('examples', i, 'expect', ruleId));
      const actual = statuses.get(ruleId);
      if (actual === undefined) issues.push({ kind: 'unknown-rule', ruleId, ...at });
      else if (actual !== expected) issues.push({ kind: 'mismatch', ruleId, expected, actual, ...at });
    }
    out.push({ name: ex.name, ...positionOf(pointer('examples', i)), issues });
  }
  return out;
}
