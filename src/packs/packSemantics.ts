import { factsOfConditions } from './conditionFacts';
import { pointer } from './jsonLocation';
import { PackFile } from './packFile';
import { LayerProblem, Origin, ResolvedPack } from './resolveExtends';
import { RuleMessages } from './rulePack';
import { factKind, judgeThreshold, rangeText } from './thresholdRange';
import { Localized } from '../words/lang';

/** Placeholders the evaluator fills in messages (src/evaluate/messages.ts). */
export const PLACEHOLDERS = ['fact', 'actual', 'target', 'op', 'gap', 'unit', 'reason', 'title'] as const;

/**
 * What the schema cannot say, checked on the resolved pack but reported only for what `file`
 * itself wrote (its base is checked on its own): names that do not exist, thresholds no unit can
 * meet, examples that name unknown facts or rules, and parts of the catalogue nothing uses.
 */
export function semanticProblems(r: ResolvedPack, layer: PackFile, file: string): LayerProblem[] {
  const problems: LayerProblem[] = [];
  const mine = (o: Origin | undefined) => o?.file === file;
  const report = (severity: 'error' | 'warning') => (ptr: string, code: string, vi: string, en: string) =>
    problems.push({ pointer: ptr, code, severity, message: { vi, en } });
  const error = report('error');
  const warn = report('warning');
  const { pack } = r;
  const indicators = new Set(Object.keys(pack.indicators));
  const facts = new Set(Object.keys(pack.facts ?? {}));

  for (const [id, ind] of Object.entries(pack.indicators)) {
    const origin = r.indicators.get(id);
    if (!mine(origin)) continue;
    ind.match.forEach((p, i) => {
      const text = typeof p === 'string' ? p : p.text;
      if (!/[\p{L}\p{N}%]/u.test(text.replace(/\*/g, ''))) {
        error(
          origin!.pointer + pointer('match', i),
          'empty-pattern',
          'mẫu nhãn không có chữ nào nên không khớp được nhãn nào',
          'the pattern has no words, so it can match no label',
        );
      }
      if (typeof p !== 'string' && p.parent !== undefined && !indicators.has(p.parent)) {
        error(
          origin!.pointer + pointer('match', i, 'parent'),
          'unknown-indicator',
          `chỉ tiêu cha "${p.parent}" không có trong danh mục`,
          `parent indicator "${p.parent}" is not in the catalogue`,
        );
      }
    });
  }

  for (const [id, d] of Object.entries(pack.facts ?? {})) {
    const origin = r.facts.get(id);
    if (!mine(origin)) continue;
    if (indicators.has(id)) error(origin!.pointer, 'duplicate-id', `"${id}" vừa là chỉ tiêu vừa là dữ kiện`, `"${id}" is both an indicator and a fact`);
    const inputs: [string, string][] =
      'changePercent' in d
        ? [[d.changePercent, pointer('changePercent')]]
        : 'ratioPercent' in d
          ? d.ratioPercent.map((x, i) => [x, pointer('ratioPercent', i)])
          : d.sum.map((x, i) => [x, pointer('sum', i)]);
    for (const [input, at] of inputs) {
      if (!indicators.has(input)) {
        error(
          origin!.pointer + at,
          'unknown-indicator',
          `dữ kiện "${id}" dùng chỉ tiêu "${input}" không có trong danh mục`,
          `fact "${id}" reads indicator "${input}", which is not in the catalogue`,
        );
      }
    }
  }

  for (const rule of pack.rules) {
    const origin = r.rules.get(rule.id)!;
    for (const leaf of comparisons(rule.conditions)) {
      const where = (suffix: string): Origin => ({ file: origin.conditions.file, pointer: origin.conditions.pointer + leaf.at + suffix });
      for (const [fact, suffix] of [
        [leaf.fact, '/fact'],
        [leaf.valueFact, '/value/fact'],
      ] as const) {
        if (fact === undefined || indicators.has(fact) || facts.has(fact)) continue;
        const at = where(suffix);
        if (mine(at))
          error(
            at.pointer,
            'unknown-fact',
            `quy tắc "${rule.id}" dùng dữ kiện "${fact}" không có trong danh mục hay dữ kiện dẫn xuất`,
            `rule "${rule.id}" reads fact "${fact}", which is neither an indicator nor a derived fact`,
          );
      }
      if (typeof leaf.value !== 'number') continue;
      const kind = factKind(pack, leaf.fact);
      if (!kind) continue;
      const verdict = judgeThreshold(kind, leaf.operator, leaf.value, leaf.negated);
      if (verdict === 'ok') continue;
      const at = origin.threshold?.leaves.has(leaf.at) ? origin.threshold.origin : where('/value');
      if (!mine(at)) continue;
      const text = rangeText(kind, leaf.fact, leaf.operator, leaf.value, verdict);
      const prefix: Localized = leaf.negated ? { vi: ' (trong "not")', en: ' (inside "not")' } : { vi: '', en: '' };
      (verdict === 'impossible' ? error : warn)(
        at.pointer,
        verdict === 'impossible' ? 'impossible-threshold' : 'always-met',
        `quy tắc "${rule.id}"${prefix.vi}: ${text.vi}`,
        `rule "${rule.id}"${prefix.en}: ${text.en}`,
      );
    }
  }

  (layer.rules ?? []).forEach((rule, i) => checkPlaceholders(rule.messages, pointer('rules', i, 'messages'), warn));
  checkWeights(r, layer, warn);
  for (const [id, o] of Object.entries(layer.override ?? {})) checkPlaceholders(o.messages, pointer('override', id, 'messages'), warn);

  if (pack.rules.length === 0) {
    error(layer.drop ? '/drop' : '/rules', 'no-rules', 'bộ quy tắc không còn chỉ tiêu nào để kiểm tra', 'the pack has no targets left to check');
  }

  checkUnused(r, file, warn);
  checkExamples(r, layer, warn);
  return problems;
}

interface Comparison {
  readonly at: string;
  readonly fact: string;
  readonly operator: string;
  readonly value: unknown;
  readonly valueFact?: string;
  readonly negated: boolean;
}

/** Every comparison of a condition tree, with its pointer relative to the tree and its polarity. */
function comparisons(node: unknown, at = '', negated = false): Comparison[] {
  if (typeof node !== 'object' || node === null) return [];
  const n = node as Record<string, unknown>;
  if (typeof n.fact === 'string') {
    const v = n.value as { fact?: unknown } | number;
    const valueFact = typeof v === 'object' && v !== null && typeof v.fact === 'string' ? v.fact : undefined;
    return [{ at, fact: n.fact, operator: String(n.operator), value: n.value, valueFact, negated }];
  }
  const out: Comparison[] = [];
  for (const k of ['all', 'any'] as const) {
    const list = n[k];
    if (Array.isArray(list)) list.forEach((c, i) => out.push(...comparisons(c, `${at}/${k}/${i}`, negated)));
  }
  if (n.not !== undefined) out.push(...comparisons(n.not, `${at}/not`, !negated));
  return out;
}

type Report = (ptr: string, code: string, vi: string, en: string) => void;

function checkPlaceholders(messages: RuleMessages | undefined, at: string, warn: Report): void {
  for (const [key, text] of Object.entries(messages ?? {})) {
    for (const lang of ['vi', 'en'] as const) {
      for (const m of text[lang].matchAll(/\{(\w+)\}/g)) {
        if ((PLACEHOLDERS as readonly string[]).includes(m[1])) continue;
        warn(
          at + pointer(key, lang),
          'unknown-placeholder',
          `chỗ trống {${m[1]}} không có; dùng: ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`,
          `there is no placeholder {${m[1]}}; use: ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`,
        );
      }
    }
  }
}

/** A weight on a warning does nothing (soft targets never score): say so where this file wrote it. */
function checkWeights(r: ResolvedPack, layer: PackFile, warn: Report): void {
  const say = (at: string, id: string) =>
    warn(
      at,
      'weight-on-warning',
      `"${id}" là chỉ tiêu cảnh báo (severity warning) nên không được tính điểm; trọng số không có tác dụng`,
      `"${id}" is a warning (a soft target), which never scores; its weight has no effect`,
    );
  const severityOf = (id: string) => r.pack.rules.find((x) => x.id === id)?.severity;
  (layer.rules ?? []).forEach((rule, i) => {
    if (rule.weight !== undefined && rule.severity === 'warning') say(pointer('rules', i, 'weight'), rule.id);
  });
  for (const [id, o] of Object.entries(layer.override ?? {})) {
    if (o.weight !== undefined && severityOf(id) === 'warning') say(pointer('override', id, 'weight'), id);
  }
}

/** Indicators and facts this file declares that no rule reads (directly, through a fact, or as a parent row). */
function checkUnused(r: ResolvedPack, file: string, warn: Report): void {
  const { pack } = r;
  const readFacts = new Set<string>();
  for (const rule of pack.rules) for (const f of factsOfConditions(rule.conditions)) readFacts.add(f);
  const usedIndicators = new Set<string>();
  for (const f of readFacts) {
    const d = pack.facts?.[f];
    if (!d) usedIndicators.add(f);
    else if ('changePercent' in d) usedIndicators.add(d.changePercent);
    else for (const i of 'ratioPercent' in d ? d.ratioPercent : d.sum) usedIndicators.add(i);
  }
  for (const ind of Object.values(pack.indicators)) for (const p of ind.match) if (typeof p !== 'string' && p.parent) usedIndicators.add(p.parent);

  for (const [id, ind] of Object.entries(pack.indicators)) {
    const o = r.indicators.get(id);
    if (o?.file !== file || usedIndicators.has(id) || ind.catalogueOnly) continue;
    warn(
      o.pointer,
      'unused-indicator',
      `không quy tắc nào dùng chỉ tiêu "${id}"; nếu chỉ để nhận ra dòng trên sổ, ghi "catalogueOnly": true`,
      `no rule reads indicator "${id}"; if it is there only to recognise rows, set "catalogueOnly": true`,
    );
  }
  for (const id of Object.keys(pack.facts ?? {})) {
    const o = r.facts.get(id);
    if (o?.file !== file || readFacts.has(id)) continue;
    warn(o.pointer, 'unused-fact', `không quy tắc nào dùng dữ kiện "${id}"`, `no rule reads fact "${id}"`);
  }
}

/**
 * Warnings, not errors: examples never change what `check` decides, so a stale example must not
 * block a check; `test` fails on it instead.
 */
function checkExamples(r: ResolvedPack, layer: PackFile, warn: Report): void {
  const { pack } = r;
  const known = new Set([...Object.keys(pack.indicators), ...Object.keys(pack.facts ?? {})]);
  const ruleIds = new Set(pack.rules.map((x) => x.id));
  const names = new Set<string>();
  (layer.examples ?? []).forEach((ex, i) => {
    if (names.has(ex.name))
      warn(pointer('examples', i, 'name'), 'example-duplicate-name', `hai ví dụ cùng tên "${ex.name}"`, `two examples are named "${ex.name}"`);
    names.add(ex.name);
    for (const f of Object.keys(ex.facts)) {
      if (!known.has(f))
        warn(
          pointer('examples', i, 'facts', f),
          'example-unknown-fact',
          `ví dụ "${ex.name}" cho dữ kiện "${f}" không có trong bộ quy tắc`,
          `example "${ex.name}" gives fact "${f}", which the pack does not have`,
        );
    }
    for (const id of Object.keys(ex.expect)) {
      if (!ruleIds.has(id))
        warn(
          pointer('examples', i, 'expect', id),
          'example-unknown-rule',
          `ví dụ "${ex.name}" mong đợi kết quả của quy tắc "${id}" không có trong bộ quy tắc`,
          `example "${ex.name}" expects rule "${id}", which the pack does not have`,
        );
    }
  });
}
