import { RulePack } from '../packs/rulePack';
import { NoDataReason } from './finding';
import { Lang, Localized } from '../words/lang';

/** Default wording; a rule may override any of them in its pack (`messages`). Vietnamese first. */
export const DEFAULT_MESSAGES: Record<'met' | 'shortfall' | 'noData', Localized> = {
  met: {
    vi: '{fact}: {actual}, đạt chỉ tiêu {op} {target}.',
    en: '{fact}: {actual}, meets the target {op} {target}.',
  },
  shortfall: {
    vi: '{fact}: {actual}, chưa đạt chỉ tiêu {op} {target} (còn cách {gap}).',
    en: '{fact}: {actual}, short of the target {op} {target} ({gap} away).',
  },
  noData: {
    vi: 'Không đủ số liệu để đánh giá: {reason}.',
    en: 'Not enough data to judge: {reason}.',
  },
};

export function fillPlaceholders(template: string, values: Record<string, string>): string {
  return fillTemplate(template, (k) => (k in values ? values[k] : undefined));
}

/**
 * A template with each `{name}` replaced by `value(name)`, or left as written when that is
 * undefined. Templates are split once and cached: a national check renders hundreds of thousands.
 */
export function fillTemplate(template: string, value: (name: string) => string | undefined): string {
  return fillParts(templateParts(template), value);
}

/** A template split at its placeholders: even entries are text, odd entries placeholder names. */
export function templateParts(template: string): ReadonlyArray<string> {
  let parts = splitTemplates.get(template);
  if (parts === undefined) {
    if (splitTemplates.size > 1000) splitTemplates.clear();
    parts = template.split(/\{(\w+)\}/);
    splitTemplates.set(template, parts);
  }
  return parts;
}

/** Split template parts filled in (see fillTemplate). */
export function fillParts(parts: ReadonlyArray<string>, value: (name: string) => string | undefined): string {
  // Joined, not built by `+`: a rope of a dozen pieces is copied flat by whatever reads it next
  // (an escape check, an encoder), and every output reads every message.
  const out: string[] = new Array(parts.length);
  fillPartsInto(parts, value, out);
  return out.join('');
}

/**
 * Split template parts filled in, written into `out` from its start as the pieces whose joining
 * is fillParts' text; their number (always `parts.length`). A writer that joins pieces itself
 * (the JSON's lines) takes a message this way without its text being made.
 */
export function fillPartsInto(parts: ReadonlyArray<string>, value: (name: string) => string | undefined, out: string[]): number {
  out[0] = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const v = value(parts[i]);
    out[i] = v === undefined ? `{${parts[i]}}` : v;
    out[i + 1] = parts[i + 1];
  }
  return parts.length;
}

/**
 * Split template parts with the placeholders `value` knows now written into the text, the others
 * kept as placeholders: filling the result gives what filling `parts` at once would (a value is
 * never read again for placeholders). What depends only on a rule (its fact, operator, target) is
 * filled once per rule rather than once per finding.
 */
export function partlyFilled(parts: ReadonlyArray<string>, value: (name: string) => string | undefined): string[] {
  const out: string[] = [];
  // Each run of text joined once, flat: it is copied into every message the rule gives.
  let text = [parts[0]];
  for (let i = 1; i < parts.length; i += 2) {
    const v = value(parts[i]);
    if (v === undefined) {
      out.push(text.join(''), parts[i]);
      text = [parts[i + 1]];
    } else text.push(v, parts[i + 1]);
  }
  out.push(text.join(''));
  return out;
}

const splitTemplates = new Map<string, string[]>();

const PERIOD_WORD: Record<Lang, Record<string, string>> = {
  vi: { current: 'kỳ này', baseline: 'cùng kỳ' },
  en: { current: 'current-period', baseline: 'same-period' },
};

function indicatorLabel(pack: RulePack, id: string, lang: Lang): string {
  return pack.indicators[id]?.label[lang] ?? id;
}

/** Why a finding has no data, as a clause for `{reason}`. */
export function noDataReasonText(pack: RulePack, r: NoDataReason, lang: Lang): string {
  const vi = lang === 'vi';
  switch (r.kind) {
    case 'blank':
      if (r.shown === '') return vi ? `ô ${r.cell} để trống` : `cell ${r.cell} is blank`;
      return vi ? `ô ${r.cell} không phải là số ("${clip(r.shown)}")` : `cell ${r.cell} holds no number ("${clip(r.shown)}")`;
    case 'merged':
      return vi
        ? `số liệu nằm trong vùng ô gộp ${r.range} nên không rõ là số của ô nào`
        : `the figure sits in the merged area ${r.range}, so which cell it belongs to is unclear`;
    case 'zero-baseline':
      return vi
        ? `số liệu cùng kỳ ở ô ${r.cell} bằng 0 nên không tính được mức tăng, giảm`
        : `the same-period figure in ${r.cell} is 0, so no change can be computed`;
    case 'zero-denominator':
      return vi ? `mẫu số ở ô ${r.cell} bằng 0` : `the denominator in ${r.cell} is 0`;
    case 'out-of-range':
      return vi ? `số liệu từ ô ${r.cell} quá lớn để tính` : `the figures from ${r.cell} are too large to compute with`;
    case 'no-period':
      return vi
        ? `bảng không có số liệu ${PERIOD_WORD.vi[r.period]} của chỉ tiêu "${indicatorLabel(pack, r.indicator, lang)}"`
        : `the table has no ${PERIOD_WORD.en[r.period]} figure for "${indicatorLabel(pack, r.indicator, lang)}"`;
    case 'duplicate':
      return vi
        ? `chỉ tiêu "${indicatorLabel(pack, r.indicator, lang)}" xuất hiện nhiều lần (${r.cells.join(', ')}), không rõ dùng số nào`
        : `"${indicatorLabel(pack, r.indicator, lang)}" appears more than once (${r.cells.join(', ')}), so which figure counts is unclear`;
  }
}

/** A cell's text quoted in a reason: enough to recognise it (a cell can hold 32,767 characters). */
function clip(shown: string): string {
  const chars = Array.from(shown.replace(/\s+/g, ' '));
  return chars.length <= 80 ? chars.join('') : `${chars.slice(0, 77).join('')}…`;
}
