import { ComparedCondition } from './explain';

/** Facts as the engine sees them: numbers only (no-data is decided before evaluation). */
export type FactRow = Readonly<Record<string, number>>;

export interface CompiledConditions {
  /** Whether the conditions hold, with json-rules-engine's semantics. */
  readonly test: (facts: FactRow) => boolean;
  /** The comparison that explains the outcome (first failed one if not passed, else first passed one). */
  readonly explain: (facts: FactRow, passed: boolean) => ComparedCondition | undefined;
  /**
   * When the conditions are one fact compared with a fixed number (most targets): the same test
   * on that fact's value, given as a finite number, so a hot loop reads the fact once.
   */
  readonly single?: { readonly fact: string; readonly test: (value: number) => boolean };
}

/**
 * json-rules-engine's built-in numeric operators, with its own rule that a numeric operator
 * fails when the fact is not a number (its `numberValidator`).
 */
const OPERATORS: Record<string, (a: unknown, b: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  lessThan: (a, b) => isNumeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumeric(a) && (a as number) >= (b as number),
};

function isNumeric(a: unknown): boolean {
  // Numbers are the common case; anything else goes through json-rules-engine's own test.
  if (typeof a === 'number') return a === a;
  return Number.parseFloat(a as string).toString() !== 'NaN';
}

type Test = (facts: FactRow) => boolean;

interface Leaf {
  readonly fact: string;
  readonly operator: string;
  readonly value: (facts: FactRow) => unknown;
}

/**
 * Compiles a rule's conditions once into plain closures, so the hot path pays no per-run cost
 * (json-rules-engine clones every condition, hashes every fact and makes ~18 promises per
 * condition on each run). Returns undefined for anything it does not know — the caller then
 * falls back to json-rules-engine, which stays the reference semantics.
 */
export function compileConditions(conditions: unknown): CompiledConditions | undefined {
  const leaves: Leaf[] = [];
  const test = compileNode(conditions, leaves);
  if (!test) return undefined;
  const single = singleComparison(conditions);
  return {
    test,
    ...(single ? { single } : {}),
    explain(facts, passed) {
      let first: ComparedCondition | undefined;
      for (const l of leaves) {
        const actual = facts[l.fact];
        const target = l.value(facts);
        const result = OPERATORS[l.operator](actual, target);
        const c = { fact: l.fact, operator: l.operator, actual, target, result };
        first ??= c;
        if (result === passed) return c;
      }
      return first;
    },
  };
}

function compileNode(node: unknown, leaves: Leaf[]): Test | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  const n = node as Record<string, unknown>;
  if ('all' in n || 'any' in n) {
    const list = (n.all ?? n.any) as unknown;
    if (!Array.isArray(list)) return undefined;
    const parts: Test[] = [];
    for (const c of list) {
      const t = compileNode(c, leaves);
      if (!t) return undefined;
      parts.push(t);
    }
    if (parts.length === 1) return parts[0];
    if ('all' in n) {
      if (parts.length === 2) {
        const [p, q] = parts;
        return (f) => p(f) && q(f);
      }
      return (f) => {
        for (let i = 0; i < parts.length; i++) if (!parts[i](f)) return false;
        return true;
      };
    }
    if (parts.length === 2) {
      const [p, q] = parts;
      return (f) => p(f) || q(f);
    }
    return (f) => {
      for (let i = 0; i < parts.length; i++) if (parts[i](f)) return true;
      return false;
    };
  }
  if ('not' in n) {
    const t = compileNode(n.not, leaves);
    return t ? (f) => !t(f) : undefined;
  }
  return compileLeaf(n, leaves);
}

function compileLeaf(n: Record<string, unknown>, leaves: Leaf[]): Test | undefined {
  const op = typeof n.operator === 'string' ? OPERATORS[n.operator] : undefined;
  // `path` and `params` change what a fact means; only json-rules-engine knows how to apply them.
  if (!op || typeof n.fact !== 'string' || 'path' in n || 'params' in n || 'condition' in n) return undefined;
  const fact = n.fact;
  const v = n.value;
  let value: (facts: FactRow) => unknown;
  if (typeof v === 'object' && v !== null) {
    const ref = (v as { fact?: unknown }).fact;
    if (typeof ref !== 'string' || Object.keys(v).length !== 1) return undefined;
    value = (facts) => facts[ref];
  } else {
    value = () => v;
  }
  leaves.push({ fact, operator: n.operator as string, value });
  return typeof v === 'number'
    ? (constantComparison(fact, n.operator as string, v) ?? ((facts) => op(facts[fact], v)))
    : (facts) => op(facts[fact], value(facts));
}

/** One fact compared with a fixed number, through `not` and one-condition `all`/`any`, as compileNode reads them. */
function singleComparison(node: unknown): { fact: string; test: (value: number) => boolean } | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  const n = node as Record<string, unknown>;
  if ('all' in n || 'any' in n) {
    const list = (n.all ?? n.any) as unknown;
    return Array.isArray(list) && list.length === 1 ? singleComparison(list[0]) : undefined;
  }
  if ('not' in n) {
    const inner = singleComparison(n.not);
    if (!inner) return undefined;
    const t = inner.test;
    return { fact: inner.fact, test: (a) => !t(a) };
  }
  const v = n.value;
  if (typeof n.fact !== 'string' || typeof v !== 'number' || 'path' in n || 'params' in n || 'condition' in n) return undefined;
  switch (n.operator) {
    case 'equal':
      return { fact: n.fact, test: (a) => a === v };
    case 'notEqual':
      return { fact: n.fact, test: (a) => a !== v };
    case 'lessThan':
      return { fact: n.fact, test: (a) => a < v };
    case 'lessThanInclusive':
      return { fact: n.fact, test: (a) => a <= v };
    case 'greaterThan':
      return { fact: n.fact, test: (a) => a > v };
    case 'greaterThanInclusive':
      return { fact: n.fact, test: (a) => a >= v };
    default:
      return undefined;
  }
}

/** Comparisons with a fixed number, specialised so the hot loop makes one call per condition. */
function constantComparison(fact: string, operator: string, v: number): Test | undefined {
  switch (operator) {
    case 'equal':
      return (f) => f[fact] === v;
    case 'notEqual':
      return (f) => f[fact] !== v;
    case 'lessThan':
      return (f) => {
        const a = f[fact];
        return typeof a === 'number' ? a < v : isNumeric(a) && (a as number) < v;
      };
    case 'lessThanInclusive':
      return (f) => {
        const a = f[fact];
        return typeof a === 'number' ? a <= v : isNumeric(a) && (a as number) <= v;
      };
    case 'greaterThan':
      return (f) => {
        const a = f[fact];
        return typeof a === 'number' ? a > v : isNumeric(a) && (a as number) > v;
      };
    case 'greaterThanInclusive':
      return (f) => {
        const a = f[fact];
        return typeof a === 'number' ? a >= v : isNumeric(a) && (a as number) >= v;
      };
    default:
      return undefined;
  }
}
