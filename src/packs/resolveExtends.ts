import type { TopLevelCondition } from 'json-rules-engine';
import { pointer } from './jsonLocation';
import { PackFile, RuleOverride, ThresholdOverride } from './packFile';
import { DerivedFact, Indicator, PackRule, RulePack } from './rulePack';
import { Localized } from '../words/lang';

/** Where something in a resolved pack was written: a file and a JSON Pointer into it. */
export interface Origin {
  readonly file: string;
  readonly pointer: string;
}

export interface RuleOrigin {
  /** The rule object (`/rules/3`). */
  readonly rule: Origin;
  /** Its conditions as they stand, in the base or in an `override`. */
  readonly conditions: Origin;
  /** A `threshold` override and the comparisons it rewrote (pointers relative to the conditions). */
  readonly threshold?: { readonly origin: Origin; readonly leaves: ReadonlySet<string> };
}

/** A flat pack plus where each part came from, so problems land in the file that caused them. */
export interface ResolvedPack {
  readonly pack: RulePack;
  readonly indicators: ReadonlyMap<string, Origin>;
  readonly facts: ReadonlyMap<string, Origin>;
  readonly rules: ReadonlyMap<string, RuleOrigin>;
}

export interface LayerProblem {
  readonly pointer: string;
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: Localized;
}

/**
 * Lays one pack file over its resolved base (or over nothing): catalogue, facts and abbreviations
 * merge by id (the file wins), `drop` removes base rules, `override` changes them, `rules` adds new
 * ones. The result is one flat RulePack; json-rules-engine semantics are untouched, because an
 * override only swaps whole conditions or the `value` of a comparison. No file system here: the
 * browser resolves bases with its own callback.
 */
export function applyLayer(base: ResolvedPack | undefined, layer: PackFile, file: string): { resolved: ResolvedPack; problems: LayerProblem[] } {
  const problems: LayerProblem[] = [];
  const error = (ptr: string, code: string, vi: string, en: string) => problems.push({ pointer: ptr, code, severity: 'error', message: { vi, en } });
  const warn = (ptr: string, code: string, vi: string, en: string) => problems.push({ pointer: ptr, code, severity: 'warning', message: { vi, en } });
  const here = (ptr: string): Origin => ({ file, pointer: ptr });
  const baseName = base ? `"${base.pack.id}"` : '';

  const indicators = new Map<string, Indicator>(Object.entries(base?.pack.indicators ?? {}));
  const indicatorOrigins = new Map(base?.indicators ?? []);
  for (const [id, ind] of Object.entries(layer.indicators ?? {})) {
    indicators.set(id, ind);
    indicatorOrigins.set(id, here(pointer('indicators', id)));
  }
  const facts = new Map<string, DerivedFact>(Object.entries(base?.pack.facts ?? {}));
  const factOrigins = new Map(base?.facts ?? []);
  for (const [id, f] of Object.entries(layer.facts ?? {})) {
    facts.set(id, f);
    factOrigins.set(id, here(pointer('facts', id)));
  }

  if (!base && (layer.drop?.length || Object.keys(layer.override ?? {}).length)) {
    const at = layer.drop?.length ? '/drop' : '/override';
    error(
      at,
      'missing-base',
      'override và drop sửa một bộ gốc, nhưng bộ này không có "extends"',
      'override and drop change a base pack, but this pack has no "extends"',
    );
  }

  const dropped = new Set<string>();
  (layer.drop ?? []).forEach((id, i) => {
    if (dropped.has(id)) error(pointer('drop', i), 'duplicate-id', `"${id}" được bỏ hai lần`, `"${id}" is dropped twice`);
    else if (base && !base.rules.has(id))
      error(pointer('drop', i), 'unknown-rule', `bộ gốc ${baseName} không có quy tắc "${id}" để bỏ`, `the base pack ${baseName} has no rule "${id}" to drop`);
    dropped.add(id);
  });

  const rules: PackRule[] = [];
  const ruleOrigins = new Map<string, RuleOrigin>();
  const overrides = layer.override ?? {};
  for (const id of Object.keys(overrides)) {
    const at = pointer('override', id);
    if (!base) continue;
    if (!base.rules.has(id))
      error(at, 'unknown-rule', `bộ gốc ${baseName} không có quy tắc "${id}" để sửa`, `the base pack ${baseName} has no rule "${id}" to override`);
    else if (dropped.has(id))
      error(at, 'override-conflict', `quy tắc "${id}" vừa bị bỏ (drop) vừa được sửa (override)`, `rule "${id}" is both dropped and overridden`);
  }
  for (const rule of base?.pack.rules ?? []) {
    if (dropped.has(rule.id)) continue;
    const origin = base!.rules.get(rule.id)!;
    const o = overrides[rule.id];
    if (!o) {
      rules.push(rule);
      ruleOrigins.set(rule.id, origin);
      continue;
    }
    const changed = overrideRule(rule, origin, o, pointer('override', rule.id), here, error, warn);
    rules.push(changed.rule);
    ruleOrigins.set(rule.id, changed.origin);
  }

  const own = new Set<string>();
  (layer.rules ?? []).forEach((rule, i) => {
    const at = pointer('rules', i, 'id');
    if (own.has(rule.id)) {
      error(at, 'duplicate-id', `mã quy tắc "${rule.id}" bị trùng`, `duplicate rule id "${rule.id}"`);
      return;
    }
    own.add(rule.id);
    if (ruleOrigins.has(rule.id)) {
      error(
        at,
        'duplicate-id',
        `bộ gốc ${baseName} đã có quy tắc "${rule.id}": sửa nó trong "override", hoặc bỏ nó trong "drop" rồi viết lại`,
        `the base pack ${baseName} already has rule "${rule.id}": change it under "override", or list it in "drop" and write it anew`,
      );
      return;
    }
    rules.push(rule);
    ruleOrigins.set(rule.id, { rule: here(pointer('rules', i)), conditions: here(pointer('rules', i, 'conditions')) });
  });

  const pack: RulePack = {
    ...(layer.$schema !== undefined ? { $schema: layer.$schema } : {}),
    id: layer.id,
    version: layer.version,
    title: layer.title,
    ...(layer.description ? { description: layer.description } : {}),
    ...(base ? { basedOn: [...(base.pack.basedOn ?? []), { id: base.pack.id, version: base.pack.version }] } : {}),
    abbreviations: Object.fromEntries([...Object.entries(base?.pack.abbreviations ?? {}), ...Object.entries(layer.abbreviations ?? {})]),
    excludeWords: [...new Set([...(base?.pack.excludeWords ?? []), ...(layer.excludeWords ?? [])])],
    qualifierWords: [...new Set([...(base?.pack.qualifierWords ?? []), ...(layer.qualifierWords ?? [])])],
    indicators: Object.fromEntries(indicators),
    facts: Object.fromEntries(facts),
    rules,
    ...(layer.examples ? { examples: layer.examples } : {}),
  };
  return { resolved: { pack, indicators: indicatorOrigins, facts: factOrigins, rules: ruleOrigins }, problems };
}

type Report = (ptr: string, code: string, vi: string, en: string) => void;

function overrideRule(
  rule: PackRule,
  origin: RuleOrigin,
  o: RuleOverride,
  at: string,
  here: (ptr: string) => Origin,
  error: Report,
  warn: Report,
): { rule: PackRule; origin: RuleOrigin } {
  let conditions = rule.conditions;
  let conditionsOrigin = origin.conditions;
  let threshold: RuleOrigin['threshold'];
  if (o.conditions && o.threshold !== undefined) {
    error(
      at + '/threshold',
      'override-conflict',
      `ghi "conditions" hoặc "threshold" cho quy tắc "${rule.id}", không ghi cả hai`,
      `give rule "${rule.id}" either "conditions" or "threshold", not both`,
    );
  } else if (o.conditions) {
    conditions = o.conditions;
    conditionsOrigin = here(at + '/conditions');
  } else if (o.threshold !== undefined) {
    const applied = applyThreshold(rule.conditions, o.threshold);
    if ('problem' in applied) {
      error(at + '/threshold', 'ambiguous-threshold', `quy tắc "${rule.id}": ${applied.problem.vi}`, `rule "${rule.id}": ${applied.problem.en}`);
    } else {
      conditions = applied.conditions;
      threshold = { origin: here(at + '/threshold'), leaves: applied.leaves };
      if (!o.title) {
        warn(
          at + '/threshold',
          'threshold-title',
          `ngưỡng của "${rule.id}" đã đổi nhưng tên chỉ tiêu vẫn là của bộ gốc ("${rule.title.vi}"): sửa cả "title"`,
          `the threshold of "${rule.id}" changed but its title is still the base's ("${rule.title.en}"): override "title" too`,
        );
      }
    }
  }
  const messages = o.messages ? { ...rule.messages, ...o.messages } : rule.messages;
  const changed: PackRule = {
    ...rule,
    ...(o.title ? { title: o.title } : {}),
    ...(o.severity ? { severity: o.severity } : {}),
    ...(o.priority !== undefined ? { priority: o.priority } : {}),
    ...(o.weight !== undefined ? { weight: o.weight } : {}),
    ...(messages ? { messages } : {}),
    conditions,
  };
  return { rule: changed, origin: { rule: origin.rule, conditions: conditionsOrigin, ...(threshold ? { threshold } : {}) } };
}

interface NumericLeaf {
  readonly at: string;
  readonly fact: string;
}

/** Comparisons with a number as value, with their pointers relative to the conditions. */
export function numericLeaves(node: unknown, at = ''): NumericLeaf[] {
  if (typeof node !== 'object' || node === null) return [];
  const n = node as Record<string, unknown>;
  if (typeof n.fact === 'string') return typeof n.value === 'number' ? [{ at, fact: n.fact }] : [];
  const out: NumericLeaf[] = [];
  for (const k of ['all', 'any'] as const) {
    const list = n[k];
    if (Array.isArray(list)) list.forEach((c, i) => out.push(...numericLeaves(c, `${at}/${k}/${i}`)));
  }
  if (n.not !== undefined) out.push(...numericLeaves(n.not, `${at}/not`));
  return out;
}

function applyThreshold(conditions: TopLevelCondition, t: ThresholdOverride): { conditions: TopLevelCondition; leaves: Set<string> } | { problem: Localized } {
  const leaves = numericLeaves(conditions);
  const targets = new Map<string, number>();
  if (typeof t === 'number') {
    if (leaves.length !== 1) {
      const facts = [...new Set(leaves.map((l) => l.fact))].join(', ');
      return leaves.length === 0
        ? {
            problem: {
              vi: 'không có phép so sánh với một số để đổi ngưỡng; thay cả "conditions"',
              en: 'has no comparison with a number to change; replace its "conditions" instead',
            },
          }
        : {
            problem: {
              vi: `có ${leaves.length} phép so sánh (${facts}); ghi ngưỡng theo từng dữ kiện: { "<dữ kiện>": ngưỡng }`,
              en: `has ${leaves.length} comparisons (${facts}); give the threshold per fact: { "<fact>": value }`,
            },
          };
    }
    targets.set(leaves[0].at, t);
  } else {
    for (const [fact, value] of Object.entries(t)) {
      const matching = leaves.filter((l) => l.fact === fact);
      if (matching.length === 0) return { problem: { vi: `không có phép so sánh nào trên dữ kiện "${fact}"`, en: `has no comparison on fact "${fact}"` } };
      if (matching.length > 1) {
        return {
          problem: {
            vi: `so sánh dữ kiện "${fact}" nhiều lần; thay cả "conditions"`,
            en: `compares fact "${fact}" more than once; replace its "conditions" instead`,
          },
        };
      }
      targets.set(matching[0].at, value);
    }
  }
  // A fresh copy: the base pack's conditions stay as they were.
  const copy = JSON.parse(JSON.stringify(conditions)) as TopLevelCondition;
  for (const [at, value] of targets) (leafAt(copy, at) as { value: number }).value = value;
  return { conditions: copy, leaves: new Set(targets.keys()) };
}

function leafAt(root: unknown, at: string): unknown {
  let node = root as Record<string, unknown>;
  for (const seg of at.split('/').slice(1)) node = (Array.isArray(node) ? node[Number(seg)] : node[seg]) as Record<string, unknown>;
  return node;
}
