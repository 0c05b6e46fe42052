import { Finding } from '../evaluate/finding';
import { findingDigest } from './inputsDigest';
import { Review, ReviewBook, reviewKeyOf, ReviewStatus } from './review';

export interface ReviewDecision {
  readonly status: ReviewStatus;
  readonly comment: string;
  readonly reviewer: string;
  /** ISO 8601 time; passed in so callers (and tests) decide the clock. */
  readonly time: string;
  readonly pack?: { readonly id: string; readonly version: string };
}

/**
 * A supervisor's decision on a finding: it becomes the finding's review (replacing an earlier one)
 * and a new line of the log, with the digest of the figures it was made on. Pure: the stored book
 * is not changed, a new one is returned.
 */
export function recordReview(book: ReviewBook, finding: Finding, decision: ReviewDecision): ReviewBook {
  const key = { ruleId: finding.ruleId, unit: finding.unit, ...(finding.period === undefined ? {} : { period: finding.period }) };
  const digest = findingDigest(finding);
  const previous = book.reviews.find((r) => reviewKeyOf(r) === reviewKeyOf(key));
  const review: Review = {
    ...key,
    status: decision.status,
    comment: decision.comment,
    reviewer: decision.reviewer,
    time: decision.time,
    findingStatus: finding.status,
    inputsDigest: digest,
    inputs: finding.inputs.map((i) => ({ indicator: i.indicator, period: i.period, sheet: i.sheet, cell: i.cell, value: i.value, shown: i.shown })),
    ...(decision.pack ? { pack: decision.pack } : {}),
  };
  return {
    reviews: [...book.reviews.filter((r) => r !== previous), review],
    log: [
      ...book.log,
      {
        time: decision.time,
        reviewer: decision.reviewer,
        ...key,
        status: decision.status,
        ...(previous ? { previousStatus: previous.status } : {}),
        comment: decision.comment,
        findingStatus: finding.status,
        inputsDigest: digest,
      },
    ],
  };
}
