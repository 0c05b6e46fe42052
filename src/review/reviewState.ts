import { Finding } from '../evaluate/finding';
import { PeriodRole } from '../tables/periods';
import { findingDigest } from './inputsDigest';
import { Review, ReviewBook, reviewKeyOf } from './review';

/** An input whose figure is not what the reviewer saw. */
export interface InputChange {
  readonly indicator: string;
  readonly period: PeriodRole;
  readonly sheet: string;
  readonly cell: string;
  /** The figure then and now (null: no number; absent when the input did not exist then or now). */
  readonly before?: FigureThen;
  readonly now?: FigureThen;
}

/** A figure as read: its number, or null and the text the cell held instead ('' for blank). */
export interface FigureThen {
  readonly value: number | null;
  readonly shown: string;
}

/** A finding's review as a later check sees it. */
export interface ReviewState {
  readonly review: Review;
  /** The finding's inputs differ from those the review was made on: the decision may no longer hold. */
  readonly changed: boolean;
  readonly changes: ReadonlyArray<InputChange>;
}

export interface ReviewMatch {
  readonly states: ReadonlyMap<Finding, ReviewState>;
  /** Reviews that match no finding of this check (the unit or target is gone, or another pack was used). */
  readonly unmatched: ReadonlyArray<Review>;
}

/** Pairs each finding with its stored review and tells whether its figures changed since. */
export function matchReviews(findings: ReadonlyArray<Finding>, book: ReviewBook): ReviewMatch {
  const byKey = new Map(book.reviews.map((r) => [reviewKeyOf(r), r] as const));
  const states = new Map<Finding, ReviewState>();
  const used = new Set<Review>();
  for (const f of findings) {
    const review = byKey.get(reviewKeyOf(f));
    if (!review) continue;
    used.add(review);
    const changed = findingDigest(f) !== review.inputsDigest;
    states.set(f, { review, changed, changes: changed ? inputChanges(review, f) : [] });
  }
  return { states, unmatched: book.reviews.filter((r) => !used.has(r)) };
}

function inputChanges(review: Review, f: Finding): InputChange[] {
  const key = (i: { indicator: string; period: PeriodRole }) => `${i.indicator}\u0000${i.period}`;
  const then = new Map(review.inputs.map((i) => [key(i), i] as const));
  const out: InputChange[] = [];
  for (const now of f.inputs) {
    const before = then.get(key(now));
    then.delete(key(now));
    if (before && before.value === now.value && (now.value !== null || before.shown === now.shown)) continue;
    out.push({
      indicator: now.indicator,
      period: now.period,
      sheet: now.sheet,
      cell: now.cell,
      ...(before ? { before: { value: before.value, shown: before.shown } } : {}),
      now: { value: now.value, shown: now.shown },
    });
  }
  for (const gone of then.values()) {
    out.push({ indicator: gone.indicator, period: gone.period, sheet: gone.sheet, cell: gone.cell, before: { value: gone.value, shown: gone.shown } });
  }
  return out;
}
