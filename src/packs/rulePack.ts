import type { TopLevelCondition } from 'json-rules-engine';

/** Text in both languages the product speaks: Vietnamese first. */
export interface Localized {
  readonly vi: string;
  readonly en: string;
}

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
}

export interface RulePack {
  readonly $schema?: string;
  readonly id: string;
  readonly version: string;
  readonly title: Localized;
  readonly description?: Localized;
  /** Abbreviations expanded before matching labels (`PPHS` -> `phạm pháp hình sự`). */
  readonly abbreviations?: Readonly<Record<string, string>>;
  /** Words that make a label something else (`tỷ lệ`): a label with them matches only patterns that name them too. */
  readonly excludeWords?: ReadonlyArray<string>;
  readonly indicators: Readonly<Record<string, Indicator>>;
  readonly facts?: Readonly<Record<string, DerivedFact>>;
  readonly rules: ReadonlyArray<PackRule>;
}
