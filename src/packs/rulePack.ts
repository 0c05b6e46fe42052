import type { TopLevelCondition } from 'json-rules-engine';
import { Localized } from '../words/lang';

/**
 * How a row or column label is recognised as an indicator. A plain string matches the label
 * anywhere (`*` stands for any words in between). `parent`/`section` make the match depend on
 * where the label stands: `Đã điều tra khám phá` under `Số vụ phạm pháp hình sự`, or
 * `Số người chết` under the section `TAI NẠN GIAO THÔNG`.
 */
export type LabelPattern = string | QualifiedPattern;

export interface QualifiedPattern {
  readonly text: string;
  /** The indicator of the parent row (or preceding column group). */
  readonly parent?: string;
  /** Words of the section row above. */
  readonly section?: string;
}

export interface Indicator {
  readonly label: Localized;
  /** Unit of measure as written in the sheets (`vụ`, `tin`, `người`, `tỷ đồng`). */
  readonly unit?: string;
  readonly match: ReadonlyArray<LabelPattern>;
  /**
   * Kept in the catalogue to recognise rows although no rule of this pack reads it: a decoy that
   * keeps labels apart (fire deaths vs traffic deaths) or a figure packs that extend this one use.
   */
  readonly catalogueOnly?: boolean;
}

/** Facts derived from indicators, declared as data. Every indicator is also a fact (its current value). */
export type DerivedFact =
  | { readonly changePercent: string; readonly label?: Localized }
  | { readonly ratioPercent: readonly [string, string]; readonly label?: Localized }
  | { readonly sum: ReadonlyArray<string>; readonly label?: Localized };

export type Severity = 'shortfall' | 'warning';

export interface RuleMessages {
  readonly met?: Localized;
  readonly shortfall?: Localized;
  readonly noData?: Localized;
}

export interface PackRule {
  readonly id: string;
  readonly title: Localized;
  readonly severity?: Severity;
  /** json-rules-engine conditions that hold when the target is met. */
  readonly conditions: TopLevelCondition;
  readonly messages?: RuleMessages;
  readonly priority?: number;
  /**
   * Points the target is worth in the scorecard when met (default 1). Only binding targets
   * (severity `shortfall`) score: a warning is a soft target and never moves a unit's rank.
   */
  readonly weight?: number;
}

export type ExpectedStatus = 'met' | 'shortfall' | 'no-data';

/** A worked example an author ships with a pack: given these facts, these targets come out so. */
export interface PackExample {
  readonly name: string;
  /** Values of indicators (current period) or derived facts; null is no data, as a blank cell. */
  readonly facts: Readonly<Record<string, number | null>>;
  readonly expect: Readonly<Record<string, ExpectedStatus>>;
}

/**
 * A rule pack ready to evaluate: `extends` already resolved into one flat pack, so the evaluator,
 * the label matcher and the report never see inheritance.
 */
export interface RulePack {
  readonly $schema?: string;
  readonly id: string;
  readonly version: string;
  readonly title: Localized;
  readonly description?: Localized;
  /** The packs this one was built on, root first (`default` 1.0.0), so a result names every version it depends on. */
  readonly basedOn?: ReadonlyArray<{ readonly id: string; readonly version: string }>;
  /** Abbreviations expanded before matching labels (`PPHS` -> `phạm pháp hình sự`). */
  readonly abbreviations?: Readonly<Record<string, string>>;
  /** Words that make a label something else (`tỷ lệ`): a label with them matches only patterns that name them too. */
  readonly excludeWords?: ReadonlyArray<string>;
  /** Words that start a qualifier after a label (`về`, `do`, `đường thủy`): `Số vụ PPHS về ma túy` is another indicator. */
  readonly qualifierWords?: ReadonlyArray<string>;
  readonly indicators: Readonly<Record<string, Indicator>>;
  readonly facts?: Readonly<Record<string, DerivedFact>>;
  readonly rules: ReadonlyArray<PackRule>;
  /** This pack's own examples (never inherited: a base's examples test the base's thresholds). */
  readonly examples?: ReadonlyArray<PackExample>;
}
