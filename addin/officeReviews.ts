import { Finding } from '../src/evaluate/finding';
import { ReviewDecision } from '../src/review/recordReview';
import { EMPTY_REVIEW_BOOK, ReviewBook } from '../src/review/review';
import { matchReviews } from '../src/review/reviewState';
import { ReviewStore, saveReview } from './excel/reviewStore';
import { runExcel } from './excel/runExcel';
import { reviewsUnmatched, reviewsUnreadable } from './messages';
import { CheckReport, ReviewHost } from './paneHost';
import { ReviewerName } from './reviewerName';

/** Reviews in Excel: each decision is one Excel.run that re-reads the stored part and writes it back. */
export class OfficeReviews implements ReviewHost {
  constructor(private readonly name: ReviewerName = new ReviewerName()) {}

  record(finding: Finding, decision: ReviewDecision): Promise<ReviewBook> {
    return runExcel((context) => saveReview(context, finding, decision));
  }

  reviewer(): string | undefined {
    return this.name.get();
  }

  rememberReviewer(name: string): boolean {
    return this.name.set(name);
  }
}

/**
 * The reviews part read along with a check's own reads (CheckExtras.alongside), so showing the
 * reviews costs no sync of its own: queue the find on the check's context, then attach the
 * reviews to the check's report.
 */
export class ReviewsAlong {
  private store?: ReviewStore;

  /** Before the check: queue the find; pass the result as the check's `alongside`. */
  queue(context: Excel.RequestContext): ReviewStore[] {
    this.store = ReviewStore.queueFind(context);
    return [this.store];
  }

  /** After the check: the report with the stored reviews, and a word about those that match no finding or could not be read. */
  attach(report: CheckReport): CheckReport {
    let book: ReviewBook;
    try {
      book = this.store ? this.store.book() : EMPTY_REVIEW_BOOK;
    } catch (e) {
      return { ...report, messages: [...report.messages, { text: reviewsUnreadable(e), tone: 'warning' }] };
    }
    const unmatched = report.findings.length ? matchReviews(report.findings, book).unmatched.length : 0;
    const messages = unmatched ? [...report.messages, { text: reviewsUnmatched(unmatched), tone: 'info' as const }] : report.messages;
    return { ...report, messages, reviews: book };
  }
}
