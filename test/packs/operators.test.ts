import { distanceToTarget, OPERATORS, operatorOf, operatorSymbol } from '../../src/packs/operators';

const NUMBERS = [-100, -5.5, -1, 0, 0.1, 1, 5, 90, 100];

describe('the operator table', () => {
  it('negates each comparison into the one that holds exactly when it does not, and back', () => {
    for (const [name, op] of Object.entries(OPERATORS)) {
      expect(OPERATORS[op.negation].negation).toBe(name);
      for (const a of NUMBERS) for (const b of NUMBERS) expect(OPERATORS[op.negation].holds(a, b)).toBe(!op.holds(a, b));
    }
  });

  it('writes each comparison with its symbol, and any other operator by its name', () => {
    expect(Object.fromEntries(Object.entries(OPERATORS).map(([name, op]) => [name, op.symbol]))).toEqual({
      equal: '=',
      notEqual: '≠',
      lessThan: '<',
      lessThanInclusive: '≤',
      greaterThan: '>',
      greaterThanInclusive: '≥',
    });
    expect(operatorSymbol('in')).toBe('in');
    expect(operatorOf('constructor')).toBeUndefined();
  });

  it('measures a gap by what a unit lacks, what it is over, or any distance', () => {
    expect(distanceToTarget(88, 90, 'greaterThanInclusive')).toBe(2);
    expect(distanceToTarget(95, 90, 'greaterThan')).toBe(0);
    expect(distanceToTarget(-3, -5, 'lessThanInclusive')).toBe(2);
    expect(distanceToTarget(-7, -5, 'lessThan')).toBe(0);
    expect(distanceToTarget(2, 0, 'equal')).toBe(2);
    expect(distanceToTarget(-2, 0, 'notEqual')).toBe(2);
    expect(distanceToTarget(1, 4, null)).toBe(3);
  });

  it('has a gap direction that agrees with what the comparison tests', () => {
    for (const op of Object.values(OPERATORS)) {
      if (op.gap === 'up') expect(op.holds(10, 5)).toBe(true);
      if (op.gap === 'down') expect(op.holds(5, 10)).toBe(true);
    }
  });
});
