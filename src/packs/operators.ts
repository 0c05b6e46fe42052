/**
 * The comparisons a pack's targets use, in one table: what each tests, how the report writes it,
 * what it becomes under a `not`, and which way a unit that misses it falls short.
 */
export type ComparisonOperator = 'equal' | 'notEqual' | 'lessThan' | 'lessThanInclusive' | 'greaterThan' | 'greaterThanInclusive';

export interface Operator {
  /** Whether `actual <operator> target` holds. */
  readonly holds: (actual: number, target: number) => boolean;
  /** As the report writes it before the target: `≥ 90 %`. */
  readonly symbol: string;
  /** The comparison that holds exactly when this one does not. */
  readonly negation: ComparisonOperator;
  /**
   * How a missed target's gap is measured: `up` when the unit must reach the target (the gap is
   * what it lacks), `down` when it must stay under it, `either` when any distance is a miss.
   */
  readonly gap: 'up' | 'down' | 'either';
}

export const OPERATORS: Readonly<Record<ComparisonOperator, Operator>> = {
  equal: { holds: (a, b) => a === b, symbol: '=', negation: 'notEqual', gap: 'either' },
  notEqual: { holds: (a, b) => a !== b, symbol: '≠', negation: 'equal', gap: 'either' },
  lessThan: { holds: (a, b) => a < b, symbol: '<', negation: 'greaterThanInclusive', gap: 'down' },
  lessThanInclusive: { holds: (a, b) => a <= b, symbol: '≤', negation: 'greaterThan', gap: 'down' },
  greaterThan: { holds: (a, b) => a > b, symbol: '>', negation: 'lessThanInclusive', gap: 'up' },
  greaterThanInclusive: { holds: (a, b) => a >= b, symbol: '≥', negation: 'lessThan', gap: 'up' },
};

/** The table's entry for an operator a pack names; undefined for any other (a custom operator). */
export function operatorOf(name: string): Operator | undefined {
  return Object.prototype.hasOwnProperty.call(OPERATORS, name) ? OPERATORS[name as ComparisonOperator] : undefined;
}

/** The operator's symbol, or its name when it has none. */
export function operatorSymbol(name: string): string {
  return operatorOf(name)?.symbol ?? name;
}

/** How far `actual` is from meeting `target` (0 or more, not yet rounded). */
export function distanceToTarget(actual: number, target: number, name: string | null): number {
  switch (name === null ? undefined : operatorOf(name)?.gap) {
    case 'up':
      return Math.max(0, target - actual);
    case 'down':
      return Math.max(0, actual - target);
    default:
      return Math.abs(actual - target);
  }
}
