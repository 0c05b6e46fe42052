import type { TopLevelCondition } from 'json-rules-engine';
import { DerivedFact, Indicator, PackExample, PackRule, RuleMessages, Severity } from './rulePack';
import { Localized } from '../words/lang';

/**
 * A new threshold for a rule from the base pack: the `value` of its one numeric comparison, or,
 * for a rule with comparisons on several facts, `{ "<fact>": value }`. Operators and the shape of
 * the conditions stay as the base wrote them.
 */
export type ThresholdOverride = number | Readonly<Record<string, number>>;

/** What a pack may change in a rule it inherits. Omitted fields stay as in the base. */
export interface RuleOverride {
  readonly title?: Localized;
  readonly severity?: Severity;
  /** Replaces the rule's conditions as a whole. */
  readonly conditions?: TopLevelCondition;
  readonly threshold?: ThresholdOverride;
  /** Merged per outcome: `met`, `shortfall`, `noData`. */
  readonly messages?: RuleMessages;
  readonly priority?: number;
  readonly weight?: number;
}

/** A rule pack file as an author writes it; `checkRulePack` turns it into a flat RulePack. */
export interface PackFile {
  readonly $schema?: string;
  readonly id: string;
  readonly version: string;
  /** Base pack: an id of a pack shipped in `rules/` (`default`) or a relative path (`./cum-5-2020.json`). */
  readonly extends?: string;
  readonly title: Localized;
  readonly description?: Localized;
  readonly abbreviations?: Readonly<Record<string, string>>;
  readonly excludeWords?: ReadonlyArray<string>;
  readonly qualifierWords?: ReadonlyArray<string>;
  /** Added to the base's catalogue; an id the base has replaces that indicator. */
  readonly indicators?: Readonly<Record<string, Indicator>>;
  readonly facts?: Readonly<Record<string, DerivedFact>>;
  /** New rules; an id the base has is an error unless it is also dropped. */
  readonly rules?: ReadonlyArray<PackRule>;
  readonly override?: Readonly<Record<string, RuleOverride>>;
  /** Ids of base rules this pack does not pledge. */
  readonly drop?: ReadonlyArray<string>;
  readonly examples?: ReadonlyArray<PackExample>;
}
