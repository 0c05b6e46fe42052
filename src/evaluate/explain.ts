/** A leaf of json-rules-engine's evaluated condition tree: what was compared with what. */
export interface ComparedCondition {
  readonly fact: string;
  readonly operator: string;
  readonly actual: unknown;
  readonly target: unknown;
  readonly result: boolean;
}

/**
 * Picks the comparison that explains a rule's outcome from json-rules-engine's result tree: the
 * first failed comparison of a rule that failed, the first passed one of a rule that passed.
 */
export function explainingCondition(tree: unknown, passed: boolean): ComparedCondition | undefined {
  const leaves: ComparedCondition[] = [];
  collect(tree, leaves);
  return leaves.find((l) => l.result === passed) ?? leaves[0];
}

function collect(node: unknown, out: ComparedCondition[]): void {
  if (Array.isArray(node)) {
    for (const n of node) collect(n, out);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const n = node as Record<string, unknown>;
  if (typeof n.fact === 'string' && typeof n.operator === 'string') {
    out.push({
      fact: n.fact,
      operator: n.operator,
      actual: n.factResult,
      target: n.valueResult !== undefined ? n.valueResult : n.value,
      result: n.result === true,
    });
    return;
  }
  for (const k of ['all', 'any', 'not']) if (k in n) collect(n[k], out);
}
