import type { FindingInput, FindingStatus } from '../evaluate/finding';

/** What a supervisor decided about a finding. */
export type ReviewStatus = 'accepted' | 'needs-explanation' | 'data-corrected';

export const REVIEW_STATUSES: ReadonlyArray<ReviewStatus> = ['accepted', 'needs-explanation', 'data-corrected'];

/** Which finding a review is about: a target, a unit and, in tables with one row per period, the period. */
export interface ReviewKey {
  readonly ruleId: string;
  readonly unit: string;
  readonly period?: string;
}

/** An input cell as it was when the finding was reviewed, to say later what changed. */
export type ReviewedInput = FindingInput;

/** The current review of one finding; a new decision on the same finding replaces it (the log keeps the old). */
export interface Review extends ReviewKey {
  readonly status: ReviewStatus;
  readonly comment: string;
  readonly reviewer: string;
  /** ISO 8601 time (UTC) of the decision. */
  readonly time: string;
  /** The finding's outcome when it was reviewed. */
  readonly findingStatus: FindingStatus;
  /** Digest of the finding's input values at review time (see inputsDigest). */
  readonly inputsDigest: string;
  readonly inputs: ReadonlyArray<ReviewedInput>;
  /** The pack the finding came from, for the audit trail. */
  readonly pack?: { readonly id: string; readonly version: string };
}

/** One line of the review log: who decided what, when, and what it replaced. */
export interface ReviewLogEntry extends ReviewKey {
  readonly time: string;
  readonly reviewer: string;
  readonly status: ReviewStatus;
  readonly previousStatus?: ReviewStatus;
  readonly comment: string;
  readonly findingStatus: FindingStatus;
  readonly inputsDigest: string;
}

/** Everything stored in one workbook: current reviews and the full log, oldest first. */
export interface ReviewBook {
  readonly reviews: ReadonlyArray<Review>;
  readonly log: ReadonlyArray<ReviewLogEntry>;
}

export const EMPTY_REVIEW_BOOK: ReviewBook = { reviews: [], log: [] };

/**
 * Text compared as a person reads it: the same unit typed in NFD, with doubled spaces or in
 * another case is the same unit.
 */
export function sameName(a: string, b: string): boolean {
  return normalName(a) === normalName(b);
}

export function normalName(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
}

export function reviewKeyOf(k: ReviewKey): string {
  return `${k.ruleId}\u0000${normalName(k.unit)}\u0000${k.period === undefined ? '' : normalName(k.period)}`;
}
