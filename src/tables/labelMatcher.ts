import { Indicator, LabelPattern, RulePack } from '../packs/rulePack';
import { fold } from './text';

/** Where a label stands: the section row above it and the indicator of its parent row. */
export interface LabelContext {
  readonly section?: string;
  readonly parent?: string;
}

export type LabelMatch =
  /**
   * `qualified`: words after the indicator's own words narrow it (`Số vụ PPHS về ma túy`,
   * `Số người chết do TNGT đường thủy`): the label names a part of the indicator, not the indicator.
   */
  | { readonly kind: 'indicator'; readonly indicator: string; readonly viaParent: boolean; readonly qualified: boolean }
  | { readonly kind: 'ambiguous'; readonly candidates: string[] }
  | { readonly kind: 'none' };

interface CompiledPattern {
  readonly indicator: string;
  /** Runs of words separated by `*`. */
  readonly runs: string[][];
  readonly size: number;
  readonly parent?: string;
  readonly section?: string[][];
}

/** Bonus for a match made through context, so `Số người chết` under `TAI NẠN GIAO THÔNG` beats a bare partial match. */
const CONTEXT_BONUS = 5;

/**
 * Matches labels against a pack's indicator catalogue. The longest, most specific pattern wins;
 * two different indicators matching equally well is reported as ambiguous, never guessed.
 */
export class LabelMatcher {
  private readonly patterns: CompiledPattern[] = [];
  private readonly abbreviations = new Map<string, string[]>();
  private readonly exclude: string[][];
  private readonly qualifiers: string[][];
  /** The first word of every pattern: a label with none of them cannot match (checked first, it is most labels). */
  private readonly firstWords = new Set<string>();

  /** Abbreviations written as several tokens (`TB-TG`, `TB, TG`), by their first token. */
  private readonly multiAbbreviations = new Map<string, Array<{ tokens: string[]; full: string[] }>>();

  constructor(pack: Pick<RulePack, 'indicators' | 'abbreviations' | 'excludeWords' | 'qualifierWords'>) {
    for (const [abbr, full] of Object.entries(pack.abbreviations ?? {})) {
      const tokens = fold(abbr).split(' ').filter(Boolean);
      const expansion = fold(full).split(' ');
      if (tokens.length === 1) this.abbreviations.set(tokens[0], expansion);
      else if (tokens.length > 1) {
        const list = this.multiAbbreviations.get(tokens[0]) ?? [];
        list.push({ tokens, full: expansion });
        this.multiAbbreviations.set(tokens[0], list);
      }
    }
    this.exclude = (pack.excludeWords ?? []).map((w) => this.words(w));
    this.qualifiers = (pack.qualifierWords ?? []).map((w) => this.words(w)).filter((w) => w.length > 0);
    for (const [id, ind] of Object.entries(pack.indicators)) this.compile(id, ind);
  }

  /** Folded words with abbreviations expanded. */
  words(s: string): string[] {
    const out: string[] = [];
    const ws = fold(s).split(' ');
    next: for (let i = 0; i < ws.length; i++) {
      const w = ws[i];
      if (!w) continue;
      for (const m of this.multiAbbreviations.get(w) ?? []) {
        if (m.tokens.every((t, j) => ws[i + j] === t)) {
          out.push(...m.full);
          i += m.tokens.length - 1;
          continue next;
        }
      }
      const full = this.abbreviations.get(w);
      if (full) out.push(...full);
      else out.push(w);
    }
    return out;
  }

  private compile(id: string, ind: Indicator): void {
    for (const p of ind.match as LabelPattern[]) {
      const text = typeof p === 'string' ? p : p.text;
      const runs = text
        .split('*')
        .map((r) => this.words(r))
        .filter((r) => r.length > 0);
      const size = runs.reduce((n, r) => n + r.length, 0);
      if (size === 0) continue;
      this.firstWords.add(runs[0][0]);
      this.patterns.push({
        indicator: id,
        runs,
        size,
        parent: typeof p === 'string' ? undefined : p.parent,
        section: typeof p === 'string' || !p.section ? undefined : p.section.split('*').map((r) => this.words(r)),
      });
    }
  }

  match(label: string, ctx: LabelContext = {}): LabelMatch {
    const words = this.words(label);
    if (words.length === 0 || !words.some((w) => this.firstWords.has(w))) return { kind: 'none' };
    const sectionWords = ctx.section ? this.words(ctx.section) : [];
    const best = new Map<string, { score: number; viaParent: boolean; end: number }>();
    const offer = (indicator: string, score: number, viaParent: boolean, end: number) => {
      const cur = best.get(indicator);
      if (!cur) best.set(indicator, { score, viaParent, end });
      else {
        // Where the indicator's own words end, over all its patterns: what follows may qualify it.
        const far = Math.max(cur.end, end);
        if (score > cur.score) best.set(indicator, { score, viaParent, end: far });
        else cur.end = far;
      }
    };
    for (const p of this.patterns) {
      if (this.excluded(words, p)) continue;
      if (p.parent === undefined && p.section === undefined) {
        const end = findRuns(words, p.runs, 0);
        if (end >= 0) offer(p.indicator, p.size, false, end);
        continue;
      }
      if (p.parent !== undefined) {
        // (a) a sub-row under its parent row
        const end = ctx.parent === p.parent ? findRuns(words, p.runs, 0) : -1;
        if (end >= 0) offer(p.indicator, p.size + CONTEXT_BONUS, true, end);
        // (b) a full label naming the parent and then the sub-item: `Án rất nghiêm trọng … đã khám phá`
        const parentEnd = this.bestParentEnd(words, p.parent);
        const subEnd = parentEnd ? findRuns(words, p.runs, parentEnd.end) : -1;
        if (parentEnd && subEnd >= 0) offer(p.indicator, parentEnd.size + p.size, false, subEnd);
      }
      if (p.section !== undefined) {
        const inSection = findRuns(sectionWords, p.section, 0) >= 0;
        const inLabel = findRuns(words, p.section, 0);
        const end = inSection || inLabel >= 0 ? findRuns(words, p.runs, 0) : -1;
        if (end >= 0) offer(p.indicator, p.size + CONTEXT_BONUS, false, Math.max(end, inLabel));
      }
    }
    if (best.size === 0) return { kind: 'none' };
    const ranked = [...best.entries()].sort((a, b) => b[1].score - a[1].score);
    const top = ranked.filter(([, v]) => v.score === ranked[0][1].score);
    if (top.length > 1) return { kind: 'ambiguous', candidates: top.map(([k]) => k) };
    const [indicator, hit] = top[0];
    return { kind: 'indicator', indicator, viaParent: hit.viaParent, qualified: this.qualifies(words.slice(hit.end)) };
  }

  /** Whether the words after an indicator's own words start or hold a qualifier (`về ma túy`, `đường thủy`). */
  private qualifies(after: string[]): boolean {
    if (after.length === 0) return false;
    for (const q of this.qualifiers) if (indexOfRun(after, q, 0) >= 0) return true;
    return false;
  }

  private excluded(words: string[], p: CompiledPattern): boolean {
    for (const ex of this.exclude) {
      if (findRuns(words, [ex], 0) >= 0 && !p.runs.some((r) => findRuns(r, [ex], 0) >= 0)) return true;
    }
    return false;
  }

  /** Where the longest plain pattern of `indicator` ends in `words`. */
  private bestParentEnd(words: string[], indicator: string): { end: number; size: number } | undefined {
    let best: { end: number; size: number } | undefined;
    for (const p of this.patterns) {
      if (p.indicator !== indicator || p.parent !== undefined || p.section !== undefined) continue;
      const end = findRuns(words, p.runs, 0);
      if (end >= 0 && (!best || p.size > best.size)) best = { end, size: p.size };
    }
    return best;
  }
}

/** Finds the runs in order (each run contiguous) from `from`; returns the index after the last run, or -1. */
function findRuns(words: string[], runs: string[][], from: number): number {
  let pos = from;
  for (const run of runs) {
    const at = indexOfRun(words, run, pos);
    if (at < 0) return -1;
    pos = at + run.length;
  }
  return pos;
}

function indexOfRun(words: string[], run: string[], from: number): number {
  outer: for (let i = from; i + run.length <= words.length; i++) {
    for (let j = 0; j < run.length; j++) if (words[i + j] !== run[j]) continue outer;
    return i;
  }
  return -1;
}
