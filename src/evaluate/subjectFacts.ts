import { ComparedCondition } from './explain';
import { FactValue } from './unitFacts';

/** How a rule came out for a subject: passed or not, and the comparison that says why. */
export interface Outcome {
  passed: boolean;
  explained: ComparedCondition | undefined;
}

/** Where the outcomes of a subject's rules are told, one by one. */
export interface OutcomeSink {
  decide(ruleId: string, passed: boolean, explained: ComparedCondition | undefined): void;
}

/**
 * One subject's facts and the rules they decide, written over from subject to subject of one
 * evaluation: a national check has some forty thousand subjects, and a map, a row of facts and two
 * lists made for each were a fifth of what evaluating made. One per run of the evaluator (never
 * shared between runs, which may wait on json-rules-engine in turn).
 */
export class SubjectFacts<R> implements OutcomeSink {
  /** The rules whose indicators the subject has, in the pack's order. */
  readonly applicable: R[] = [];
  /** Of those, the rules with a number for every fact they read: the only ones evaluated. */
  readonly complete: R[] = [];
  /**
   * The facts with a number, by name, as conditions read them. Facts of earlier subjects stay
   * (undefined when this one computed no number): only the rules in `complete` are evaluated, and
   * every fact they read (values compared with included) is this subject's.
   */
  readonly numeric: Record<string, number> = Object.create(null) as Record<string, number>;
  private readonly byFact = new Map<string, { visit: number; value: FactValue }>();
  private readonly byRule = new Map<string, { visit: number; outcome: Outcome }>();
  /** The facts computed for this subject, in the order they were. */
  private readonly order: string[] = [];
  private count = 0;
  private visit = 0;

  /** Forgets the last subject. */
  next(): void {
    this.visit++;
    this.count = 0;
  }

  has(fact: string): boolean {
    return this.byFact.get(fact)?.visit === this.visit;
  }

  /** The fact's value for this subject (computed by `set`). */
  get(fact: string): FactValue {
    return (this.byFact.get(fact) as { value: FactValue }).value;
  }

  set(fact: string, value: FactValue): void {
    const e = this.byFact.get(fact);
    if (e) {
      e.visit = this.visit;
      e.value = value;
    } else this.byFact.set(fact, { visit: this.visit, value });
    (this.numeric as Record<string, number | undefined>)[fact] = value.value;
    this.order[this.count++] = fact;
  }

  /** This subject's facts with a number and no other's, in the order computed: what json-rules-engine is given. */
  present(): Record<string, number> {
    const out: Record<string, number> = Object.create(null) as Record<string, number>;
    for (let i = 0; i < this.count; i++) {
      const v = this.numeric[this.order[i]];
      if (v !== undefined) out[this.order[i]] = v;
    }
    return out;
  }

  /** Records how rule `ruleId` came out for this subject. */
  decide(ruleId: string, passed: boolean, explained: ComparedCondition | undefined): void {
    const e = this.byRule.get(ruleId);
    if (e) {
      e.visit = this.visit;
      e.outcome.passed = passed;
      e.outcome.explained = explained;
    } else this.byRule.set(ruleId, { visit: this.visit, outcome: { passed, explained } });
  }

  /** How rule `ruleId` came out for this subject; undefined when it was not evaluated (valid until the next subject). */
  outcome(ruleId: string): Outcome | undefined {
    const e = this.byRule.get(ruleId);
    return e?.visit === this.visit ? e.outcome : undefined;
  }
}
