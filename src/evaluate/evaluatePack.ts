import { Engine, Rule } from 'json-rules-engine';
import { PackRule, RulePack } from '../packs/rulePack';
import { IndicatorTable } from '../tables/indicatorTable';
import { compileConditions, CompiledConditions, FactRow } from './compileConditions';
import { factsOfConditions } from '../packs/conditionFacts';
import { ComparedCondition, explainingCondition } from './explain';
import { Finding, FindingInput, FindingStatus } from './finding';
import { samePlace } from './figureInput';
import { ComparedAs, CompactFindings, FindingFields, RuleOfFindings } from './compactFindings';
import { LazyMessageFinding, MessageRenderer } from './lazyMessageFinding';
import { pledgedInWorkbook, TargetKind } from './pledgedTarget';
import { digitsToShow, formatNumber, formatQuantity } from './format';
import { distanceToTarget, operatorOf, operatorSymbol } from '../packs/operators';
import { DEFAULT_MESSAGES, fillParts, fillPartsInto, noDataReasonText, partlyFilled, templateParts } from './messages';
import { settle } from './precision';
import { computeFact, factUnit, FactValue, indicatorsOfFact, UnitFigures, UnitGroups } from './unitFacts';
import { Lang, Localized } from '../words/lang';
import { Outcome, OutcomeSink, SubjectFacts } from './subjectFacts';

interface PreparedRule {
  readonly rule: PackRule;
  readonly facts: string[];
  readonly indicators: string[];
  /** Plain closures for the conditions; undefined when only json-rules-engine can evaluate them. */
  readonly compiled: CompiledConditions | undefined;
  /** No-data check and verdict in one call for the hot loop, as an index into STATUSES; undefined when not compiled. */
  readonly status: ((row: Readonly<Record<string, number | null>>) => StatusCode) | undefined;
  /** What the rule's findings share, its message renderer among it: one per rule, never a closure per finding. */
  readonly of: RuleOfFindings;
}

/**
 * Evaluates a pack's targets against the indicator tables of one workbook. Each (rule, unit) whose
 * indicators all appear gives exactly one finding. No-data is decided here, before json-rules-engine
 * sees the facts: the engine only ever compares numbers.
 */
export class PackEvaluator {
  /** Holds only the rules that could not be compiled; empty for every pack in rules/. */
  private readonly engine: Engine;
  private readonly prepared: PreparedRule[];
  private readonly needsEngine: boolean;

  constructor(readonly pack: RulePack) {
    // One engine, run sequentially: json-rules-engine must not run concurrently (issue #303).
    this.engine = new Engine([], { allowUndefinedFacts: true });
    this.prepared = pack.rules.map((rule) => {
      const facts = [...factsOfConditions(rule.conditions)];
      const indicators = [...new Set(facts.flatMap((f) => indicatorsOfFact(pack, f)))];
      const compiled = compileConditions(rule.conditions);
      if (!compiled) this.engine.addRule(engineRule(rule));
      const render: MessageRenderer = Object.assign((f: Omit<Finding, 'message'>, lang: Lang) => this.message(rule, f, lang), {
        pieces: (f: Omit<Finding, 'message'>, lang: Lang, out: string[]) => this.messagePieces(rule, f, lang, out),
      });
      const of: RuleOfFindings = { render, ruleId: rule.id, title: rule.title, severity: rule.severity ?? 'shortfall' };
      return { rule, facts, indicators, compiled, status: compiled && statusFunction(facts, compiled), of };
    });
    this.needsEngine = this.prepared.some((p) => !p.compiled);
    this.ownPlaceholders = new FindingPlaceholders(pack);
  }

  /** Evaluates the rules on one row of numeric facts: compiled closures first, json-rules-engine for the rest. */
  private async outcomes(rules: ReadonlyArray<PreparedRule>, facts: FactRow): Promise<Map<string, Outcome>> {
    const out = new Map<string, Outcome>();
    const into: OutcomeSink = { decide: (ruleId, passed, explained) => void out.set(ruleId, { passed, explained }) };
    this.decideCompiled(rules, facts, into);
    if (this.needsEngineFor(rules)) await this.decideByEngine(facts, into);
    return out;
  }

  /** How each of the rules compiled to closures comes out, told to `into`, without waiting for anything. */
  private decideCompiled(rules: ReadonlyArray<PreparedRule>, facts: FactRow, into: OutcomeSink): void {
    for (const p of rules) {
      if (!p.compiled) continue;
      const passed = p.compiled.test(facts);
      into.decide(p.rule.id, passed, p.compiled.explain(facts, passed));
    }
  }

  /** Whether some of `rules` only json-rules-engine can evaluate. */
  private needsEngineFor(rules: ReadonlyArray<PreparedRule>): boolean {
    return this.needsEngine && rules.some((p) => !p.compiled);
  }

  /** How the rules json-rules-engine holds come out on `facts`, told to `into`. */
  private async decideByEngine(facts: FactRow, into: OutcomeSink): Promise<void> {
    const run = await this.engine.run({ ...facts });
    for (const r of run.results) into.decide(r.name, true, explainingCondition(r.conditions, true));
    for (const r of run.failureResults) into.decide(r.name, false, explainingCondition(r.conditions, false));
  }

  async evaluate(tables: ReadonlyArray<IndicatorTable>): Promise<Finding[]> {
    return Array.from(await this.evaluateCompactly(tables));
  }

  /** The findings as columns, each made into an object when read (see CompactFindings): what a national check keeps. */
  async evaluateCompactly(tables: ReadonlyArray<IndicatorTable>): Promise<CompactFindings> {
    const findings = new CompactFindings();
    // Units are tens of thousands in a national workbook: no promise per unit unless the engine is needed.
    const units = new UnitGroups(tables);
    // One subject at a time: its figures are read here, and made only when a target reads them.
    const unit = units.cursor();
    const subject = new SubjectFacts<PreparedRule>();
    for (let u = 0; u < units.length; u++) {
      unit.moveTo(u);
      if (!this.readSubject(unit, subject)) continue;
      const { applicable, complete, numeric } = subject;
      this.decideCompiled(complete, numeric, subject);
      // The engine is given this subject's facts alone (`numeric` keeps earlier subjects' names).
      if (this.needsEngineFor(complete)) await this.decideByEngine(subject.present(), subject);
      // Findings follow the pack's rule order, whatever order the engine answered in.
      for (const p of applicable) findings.add(this.finding(p, unit, subject, subject.outcome(p.rule.id)));
    }
    return findings;
  }

  /**
   * Statuses for many subjects at once, in the pack's rule order: the path a national
   * consolidation takes. Rules compiled to closures run synchronously; only rules json-rules-engine
   * must evaluate wait for it. Subjects with the same statuses share one frozen list: a hundred
   * thousand units fall into a few thousand patterns, and a list per subject is most of the
   * garbage such a run makes.
   */
  async statusesForRows(rows: ReadonlyArray<Readonly<Record<string, number | null>>>): Promise<ReadonlyArray<FindingStatus>[]> {
    const out: ReadonlyArray<FindingStatus>[] = new Array(rows.length);
    const rules = this.prepared;
    const codes = new Uint8Array(rules.length);
    // A pattern's key is its codes in base 3, exact while it stays below 2^53 (33 rules).
    const shared = rules.length <= 33 ? new Map<number, ReadonlyArray<FindingStatus>>() : undefined;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      let engineNeeded = false;
      let key = 0;
      for (let j = 0; j < rules.length; j++) {
        const p = rules[j];
        const code = p.status ? p.status(row) : !hasAll(row, p.facts) ? NO_DATA : ENGINE;
        if (code === ENGINE) engineNeeded = true;
        codes[j] = code;
        key = key * 3 + code;
      }
      if (engineNeeded) {
        const byId = await this.statusesForFacts(row);
        out[i] = rules.map((p, j) => (codes[j] === ENGINE ? byId.get(p.rule.id)! : STATUSES[codes[j]]));
        continue;
      }
      let statuses = shared?.get(key);
      if (statuses === undefined) {
        const list: FindingStatus[] = new Array(rules.length);
        for (let j = 0; j < rules.length; j++) list[j] = STATUSES[codes[j]];
        statuses = Object.freeze(list);
        shared?.set(key, statuses);
      }
      out[i] = statuses;
    }
    return out;
  }

  get ruleIds(): string[] {
    return this.prepared.map((p) => p.rule.id);
  }

  /**
   * Statuses for facts given directly (a pack's examples, tests): a fact that is null or absent
   * is no data, exactly as a blank cell would be.
   */
  async statusesForFacts(facts: Readonly<Record<string, number | null>>): Promise<Map<string, FindingStatus>> {
    const numeric: Record<string, number> = Object.create(null);
    for (const [k, v] of Object.entries(facts)) if (typeof v === 'number' && Number.isFinite(v)) numeric[k] = v;
    const complete = this.prepared.filter((p) => p.facts.every((f) => f in numeric));
    const outcomes = await this.outcomes(complete, numeric);
    const out = new Map<string, FindingStatus>();
    for (const p of this.prepared) {
      const o = outcomes.get(p.rule.id);
      out.set(p.rule.id, !o ? 'no-data' : o.passed ? 'met' : 'shortfall');
    }
    return out;
  }

  /**
   * A subject's facts for the rules whose indicators it has, into `subject` (written over); false
   * when it has none of them.
   */
  private readSubject(unit: UnitFigures, subject: SubjectFacts<PreparedRule>): boolean {
    // Loops, not filter/every: tens of thousands of subjects. The lists are written over and cut to
    // length, never emptied (emptied, an array gives up its storage in V8).
    const { applicable, complete } = subject;
    let n = 0;
    for (const p of this.prepared) if (hasEvery(unit, p.indicators)) applicable[n++] = p;
    if (n === 0) return false;
    applicable.length = n;
    subject.next();
    for (const p of applicable) for (const f of p.facts) if (!subject.has(f)) subject.set(f, computeFact(this.pack, unit, f));
    // Rules with no data are never evaluated: no-data is decided here, not by the engine.
    n = 0;
    for (const p of applicable) if (hasAll(subject.numeric, p.facts)) complete[n++] = p;
    complete.length = n;
    return true;
  }

  private finding(p: PreparedRule, unit: UnitFigures, values: SubjectFacts<PreparedRule>, outcome: Outcome | undefined): FindingFields {
    // Loops rather than map/find/flatMap: a national check makes hundreds of thousands of findings.
    let missing: FactValue | undefined;
    const read = this.inputsRead;
    // Written over, then cut to length: emptied with `length = 0`, an array gives up its storage,
    // which the next push allocates again (V8), once per finding.
    let n = 0;
    for (const f of p.facts) {
      const v = values.get(f)!;
      if (missing === undefined && v.value === undefined) missing = v;
      for (const i of v.inputs) read[n++] = i;
    }
    read.length = n;
    // The cells once each; the list is read into the findings' columns at once.
    const inputs = read.length > 1 ? dedupe(read, this.uniqueRead) : read;
    let main: FindingInput | undefined = inputs[0];
    for (const i of inputs) {
      if (i.period === 'current') {
        main = i;
        break;
      }
    }
    // With no data the engine is not asked; the target is still shown, read from the rule itself.
    const explained = outcome && !missing ? outcome.explained : this.ruleExplained(p);
    const fact = explained?.fact ?? p.facts[0];
    const status: FindingStatus = missing || !outcome ? 'no-data' : outcome.passed ? 'met' : 'shortfall';
    const actual = status === 'no-data' || typeof explained?.actual !== 'number' ? null : explained.actual;
    // A comparison against another fact has no fixed target until evaluated.
    const target = typeof explained?.target === 'number' ? explained.target : null;
    const operator = explained?.operator ?? null;
    const gap = actual === null || target === null ? null : status === 'met' ? 0 : gapOf(actual, target, operator);
    // The workbook's own target, from the plan cell of the first figure that has one (the numerator's row first).
    let pledgedInput: FindingInput | undefined;
    for (const i of inputs) {
      if (i.pledged) {
        pledgedInput = i;
        break;
      }
    }
    const pledged = pledgedInput?.pledged ? pledgedInWorkbook(pledgedInput.pledged, this.targetKindOf(fact), target) : undefined;
    // One cell per finding, everywhere: a no-data finding names (and marks) the cell that holds no number.
    const cell = missing?.noData && 'cell' in missing.noData ? missing.noData.cell : (main?.cell ?? '');
    // One object for every finding, written over: the findings keep what it says as columns at once.
    const out = this.fields;
    out.rule = p.of;
    out.unit = unit.unit;
    out.period = unit.period;
    out.status = status;
    out.sheet = main?.sheet ?? unit.sheet;
    out.cell = cell;
    out.inputs = inputs;
    out.actual = actual;
    out.target = target;
    out.gap = gap;
    out.comparedAs = this.comparedAs(fact, operator);
    out.noData = missing?.noData;
    out.pledgedInWorkbook = pledged;
    return out;
  }

  /** What `finding` gives: one object per evaluator, valid until its next call. */
  private readonly fields: { -readonly [K in keyof FindingFields]: FindingFields[K] } = {
    rule: undefined as unknown as FindingFields['rule'],
    unit: '',
    period: undefined,
    status: 'met',
    sheet: '',
    cell: '',
    inputs: [],
    actual: null,
    target: null,
    gap: null,
    comparedAs: undefined as unknown as FindingFields['comparedAs'],
    noData: undefined,
    pledgedInWorkbook: undefined,
  };

  private readonly comparedByFact = new Map<string, Map<string | null, ComparedAs>>();

  /** A fact and operator findings were compared as, one object for each pair. */
  private comparedAs(fact: string, operator: string | null): ComparedAs {
    let byOperator = this.comparedByFact.get(fact);
    if (!byOperator) this.comparedByFact.set(fact, (byOperator = new Map()));
    let c = byOperator.get(operator);
    if (!c) byOperator.set(operator, (c = { fact, operator, factLabel: this.factLabel(fact), factUnit: this.factUnitOf(fact) }));
    return c;
  }

  /** The cells a finding reads, gathered here before its own array of the right length is made. */
  private readonly inputsRead: FindingInput[] = [];

  /** The same cells once each (see dedupe). */
  private readonly uniqueRead: FindingInput[] = [];

  /** What a rule without data is shown against: worked out once per rule, not per finding. */
  private readonly explainedByRule = new Map<PreparedRule, ComparedCondition | undefined>();

  private ruleExplained(p: PreparedRule): ComparedCondition | undefined {
    if (!this.explainedByRule.has(p)) this.explainedByRule.set(p, explainingCondition(p.rule.conditions, true));
    return this.explainedByRule.get(p);
  }

  private readonly unitByFact = new Map<string, string>();

  private factUnitOf(fact: string): string {
    let u = this.unitByFact.get(fact);
    if (u === undefined) this.unitByFact.set(fact, (u = factUnit(this.pack, fact)));
    return u;
  }

  private targetKindOf(fact: string): TargetKind {
    const d = this.pack.facts?.[fact];
    return d && 'changePercent' in d ? 'change' : d && 'ratioPercent' in d ? 'ratio' : 'count';
  }

  private factLabel(fact: string): Localized {
    return this.pack.facts?.[fact]?.label ?? this.pack.indicators[fact]?.label ?? { vi: fact, en: fact };
  }

  /**
   * A finding that crossed a structured clone (the preview's Web Worker) without its message:
   * gives it back its lazily rendered message, so only the reasons shown are ever written.
   */
  relink(base: Omit<Finding, 'message'>): Finding {
    const rule = this.pack.rules.find((r) => r.id === base.ruleId);
    if (!rule) throw new Error(`no rule ${base.ruleId} in pack ${this.pack.id}`);
    return Object.assign(new LazyMessageFinding((f, lang) => this.message(rule, f, lang)), base);
  }

  private message(rule: PackRule, f: Omit<Finding, 'message'>, lang: Lang): string {
    // Only the placeholders the template uses are worked out.
    const text = fillParts(this.messageTemplate(rule, f, lang), this.ownPlaceholders.value);
    // The workbook pledging another target is said after the verdict: reported, never used.
    const p = f.pledgedInWorkbook;
    if (!p?.differs) return text;
    const op = f.operator ? (operatorOf(f.operator)?.symbol ?? '') : '';
    const target = quantity(f.target, f.factUnit, lang);
    return lang === 'vi'
      ? `${text} Sổ ghi chỉ tiêu "${p.text}" (ô ${p.cell}), bộ quy tắc kiểm tra ${op} ${target}.`
      : `${text} The workbook pledges "${p.text}" (cell ${p.cell}); the pack checks ${op} ${target}.`;
  }

  /** The message as pieces (see MessageRenderer.pieces): all but a message that adds the workbook's own target. */
  private messagePieces(rule: PackRule, f: Omit<Finding, 'message'>, lang: Lang, out: string[]): number {
    if (f.pledgedInWorkbook?.differs) return -1;
    return fillPartsInto(this.messageTemplate(rule, f, lang), this.ownPlaceholders.value, out);
  }

  /** The finding's template, what is the same for its rule filled in; its own placeholders are set to be read from it. */
  private messageTemplate(rule: PackRule, f: Omit<Finding, 'message'>, lang: Lang): ReadonlyArray<string> {
    const key = f.status === 'no-data' ? 'noData' : f.status;
    const template = rule.messages?.[key]?.[lang] ?? DEFAULT_MESSAGES[key][lang];
    const digits = f.actual !== null && f.target !== null ? digitsToShow(f.actual, f.target) : 2;
    this.ownPlaceholders.readFrom(f, lang, digits);
    return this.ruleParts(rule, template, f, lang);
  }

  /**
   * A rule's message template with what is the same for all its findings filled in (the fact, the
   * operator, the target, the title), kept per rule for each template, language and target: a
   * national check renders hundreds of thousands of messages from a few dozen of these.
   */
  private ruleParts(rule: PackRule, template: string, f: Omit<Finding, 'message'>, lang: Lang): ReadonlyArray<string> {
    const fact = f.factLabel[lang];
    const title = f.title[lang];
    let known = this.partsByRule.get(rule);
    if (!known) this.partsByRule.set(rule, (known = []));
    for (const k of known) {
      if (k.template === template && k.target === f.target && k.operator === f.operator && k.factUnit === f.factUnit && k.fact === fact && k.title === title) {
        return k.parts;
      }
    }
    return newRuleParts(known, template, f, lang, fact, title);
  }

  private readonly partsByRule = new Map<PackRule, RuleParts[]>();

  private readonly ownPlaceholders: FindingPlaceholders;
}

/**
 * What a message says of its own finding (`actual`, `gap`, `unit`, `reason`), for the finding it
 * was last told of: one object and one function per evaluator, where a closure per message (and
 * the context it needs) was some 80 bytes of garbage for each of a national check's messages.
 */
class FindingPlaceholders {
  private f!: Omit<Finding, 'message'>;
  private lang: Lang = 'vi';
  private digits = 2;

  constructor(private readonly pack: RulePack) {}

  /** The finding (language, decimals) the placeholders are read from until told of another. */
  readFrom(f: Omit<Finding, 'message'>, lang: Lang, digits: number): void {
    this.f = f;
    this.lang = lang;
    this.digits = digits;
  }

  readonly value = (name: string): string | undefined => {
    const { f, lang, digits } = this;
    switch (name) {
      case 'actual':
        return quantity(f.actual, f.factUnit, lang, digits);
      case 'gap':
        return f.gap === null ? '—' : `${formatNumber(f.gap, lang, digits)}${gapUnit(f.factUnit, lang)}`;
      case 'unit':
        return f.unit;
      case 'reason':
        return f.noData ? noDataReasonText(this.pack, f.noData, lang) : '';
      default:
        return undefined;
    }
  };
}

/**
 * A rule's template partly filled, and kept with what it was filled from. Apart from ruleParts,
 * which runs for every message: the closure here would make it a context on every call.
 */
function newRuleParts(known: RuleParts[], template: string, f: Omit<Finding, 'message'>, lang: Lang, fact: string, title: string): ReadonlyArray<string> {
  const parts = partlyFilled(templateParts(template), (name) => {
    switch (name) {
      case 'fact':
        return fact;
      case 'target':
        return quantity(f.target, f.factUnit, lang);
      case 'op':
        return f.operator ? operatorSymbol(f.operator) : '';
      case 'title':
        return title;
      default:
        return undefined;
    }
  });
  // A rule compared with another fact has a target per finding: those are not all kept.
  if (known.length >= MAX_RULE_PARTS) known.length = 0;
  known.push({ template, target: f.target, operator: f.operator, factUnit: f.factUnit, fact, title, parts });
  return parts;
}

/** A rule's template partly filled (see ruleParts), with what it was filled from. */
interface RuleParts {
  readonly template: string;
  readonly target: number | null;
  readonly operator: string | null;
  readonly factUnit: string;
  readonly fact: string;
  readonly title: string;
  readonly parts: ReadonlyArray<string>;
}

/** Partly filled templates kept per rule: its three outcomes in two languages, and room to spare. */
const MAX_RULE_PARTS = 16;

/** A quantity as messages write it: the number in the reader's language, then the fact's unit; `—` for none. */
function quantity(x: number | null, unit: string, lang: Lang, digits = 2): string {
  return x === null ? '—' : formatQuantity(x, unit, lang, digits);
}

/** What follows a gap: percentage points for a percentage, else the fact's unit. */
function gapUnit(unit: string, lang: Lang): string {
  return unit === '%' ? (lang === 'vi' ? ' điểm %' : ' percentage points') : unit ? ` ${unit}` : '';
}

/** Statuses as small integers in the hot loop; ENGINE marks a rule only json-rules-engine can decide. */
type StatusCode = 0 | 1 | 2 | 3;
const MET = 0;
const SHORTFALL = 1;
const NO_DATA = 2;
const ENGINE = 3;
const STATUSES: ReadonlyArray<FindingStatus> = ['met', 'shortfall', 'no-data'];

/** A rule's status from a row of facts: no data unless every fact it reads is a finite number. */
function statusFunction(facts: string[], compiled: CompiledConditions): (row: Readonly<Record<string, number | null>>) => StatusCode {
  const test = compiled.test;
  const ok = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  const single = compiled.single;
  if (single && facts.length === 1 && facts[0] === single.fact) {
    const [a] = facts;
    const holds = single.test;
    return (row) => {
      const v = row[a];
      return typeof v !== 'number' || !Number.isFinite(v) ? NO_DATA : holds(v) ? MET : SHORTFALL;
    };
  }
  if (facts.length === 1) {
    const [a] = facts;
    return (row) => (!ok(row[a]) ? NO_DATA : test(row as FactRow) ? MET : SHORTFALL);
  }
  if (facts.length === 2) {
    const [a, b] = facts;
    return (row) => (!ok(row[a]) || !ok(row[b]) ? NO_DATA : test(row as FactRow) ? MET : SHORTFALL);
  }
  return (row) => (!hasAll(row, facts) ? NO_DATA : test(row as FactRow) ? MET : SHORTFALL);
}

function hasEvery(unit: UnitFigures, indicators: ReadonlyArray<string>): boolean {
  for (const i of indicators) if (!unit.has(i)) return false;
  return true;
}

function hasAll(row: Readonly<Record<string, number | null>>, facts: ReadonlyArray<string>): boolean {
  for (const f of facts) {
    const v = row[f];
    if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  }
  return true;
}

/** The same rule as json-rules-engine sees it: met when the conditions hold. */
export function engineRule(rule: PackRule): Rule {
  return new Rule({ name: rule.id, conditions: rule.conditions, event: { type: 'met' }, priority: rule.priority ?? 1 });
}

/** Whether no cell before `i` is the same cell as `xs[i]`. */
function firstAt(xs: ReadonlyArray<FindingInput>, i: number): boolean {
  for (let j = 0; j < i; j++) if (samePlace(xs[j], xs[i])) return false;
  return true;
}

function gapOf(actual: number, target: number, operator: string | null): number {
  return settle(distanceToTarget(actual, target, operator));
}

/** The cells once each, in their order (in `scratch` when few). */
function dedupe<T extends FindingInput>(xs: T[], scratch: T[]): T[] {
  // A finding reads a few cells (a sum of many reads a dozen): compared in place, no key strings.
  if (xs.length <= 32) {
    let n = 0; // written over, not emptied (see `finding`)
    for (let i = 0; i < xs.length; i++) if (firstAt(xs, i)) scratch[n++] = xs[i];
    scratch.length = n;
    return scratch;
  }
  return dedupeByKey(xs);
}

/** The same cells once each, by key: apart from dedupe, whose every call would make the context of this closure. */
function dedupeByKey<T extends FindingInput>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = `${x.sheet}!${x.cell}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
