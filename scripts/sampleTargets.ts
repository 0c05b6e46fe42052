/**
 * The oracle's view of the default pack, for the sample generators: which figures each target
 * reads and its threshold. Written here by hand from rules/default.json, never imported from src/,
 * so the expected statuses share no code with the reader they test.
 */
export type IndicatorKey =
  | 'pphs'
  | 'pphsCleared'
  | 'serious'
  | 'seriousCleared'
  | 'reportsReceived'
  | 'reportsResolved'
  | 'assetsLost'
  | 'assetsRecovered'
  | 'trafficDeaths'
  | 'wrongful';

export type RuleId =
  | 'criminal-cases-down-5pct'
  | 'cases-cleared-80pct'
  | 'serious-cases-cleared-95pct'
  | 'crime-reports-resolved-90pct'
  | 'corruption-assets-recovered-60pct'
  | 'traffic-deaths-down-10pct'
  | 'no-wrongful-convictions';

export type Target =
  | { ruleId: RuleId; kind: 'change'; of: IndicatorKey; atMost: number }
  | { ruleId: RuleId; kind: 'ratio'; num: IndicatorKey; den: IndicatorKey; atLeast: number }
  | { ruleId: RuleId; kind: 'count'; of: IndicatorKey; atMost: number };

/** The seven targets of rules/default.json, in the order the fixtures and samples list them. */
export const TARGETS: Target[] = [
  { ruleId: 'criminal-cases-down-5pct', kind: 'change', of: 'pphs', atMost: -5 },
  { ruleId: 'cases-cleared-80pct', kind: 'ratio', num: 'pphsCleared', den: 'pphs', atLeast: 80 },
  { ruleId: 'serious-cases-cleared-95pct', kind: 'ratio', num: 'seriousCleared', den: 'serious', atLeast: 95 },
  { ruleId: 'crime-reports-resolved-90pct', kind: 'ratio', num: 'reportsResolved', den: 'reportsReceived', atLeast: 90 },
  { ruleId: 'corruption-assets-recovered-60pct', kind: 'ratio', num: 'assetsRecovered', den: 'assetsLost', atLeast: 60 },
  { ruleId: 'traffic-deaths-down-10pct', kind: 'change', of: 'trafficDeaths', atMost: -10 },
  { ruleId: 'no-wrongful-convictions', kind: 'count', of: 'wrongful', atMost: 0 },
];
