import { Finding } from '../../src/evaluate/finding';
import { recordReview, ReviewDecision } from '../../src/review/recordReview';
import { EMPTY_REVIEW_BOOK, Review, ReviewBook, reviewKeyOf } from '../../src/review/review';
import { REVIEWS_NAMESPACE, reviewsFromXml, reviewsToXml } from '../../src/review/reviewXml';
import { NamespaceParts } from './namespaceParts';

/**
 * The supervisors' reviews as the workbook stores them: the custom XML part the CLI's `review`
 * command writes (same namespace, same text), so a review made in Excel is read by the CLI and the
 * other way round.
 * Kept as NamespaceParts: reading takes two syncs and the caller owns them.
 */
export class ReviewStore {
  private constructor(private readonly parts: NamespaceParts) {}

  /** Step 1, before a sync: look for the reviews parts. */
  static queueFind(context: Excel.RequestContext): ReviewStore {
    return new ReviewStore(NamespaceParts.queueFind(context, REVIEWS_NAMESPACE));
  }

  /** Step 2, after that sync and before the next: ask for their XML. */
  queueRead(): void {
    this.parts.queueRead();
  }

  /** Whether the workbook holds a reviews part (after step 2's sync, or after a write). */
  get stored(): boolean {
    return this.parts.stored;
  }

  /**
   * After the second sync: every review stored. Throws ReviewFormatError for a damaged part. A
   * copy-paste between workbooks can leave two parts: their reviews are merged (the later
   * decision on a finding wins) and their logs joined in time order.
   */
  book(): ReviewBook {
    const books = this.parts.texts().map(reviewsFromXml);
    return books.length <= 1 ? (books[0] ?? EMPTY_REVIEW_BOOK) : mergeBooks(books);
  }

  /** Queue replacing the stored reviews with `book` (in the first part, removing any others); returns the request's size in bytes. */
  queueWrite(book: ReviewBook): number {
    return this.parts.queueReplace(reviewsToXml(book));
  }
}

/** The reviews stored in the open workbook. Two syncs. */
export async function readReviews(context: Excel.RequestContext): Promise<ReviewBook> {
  const store = ReviewStore.queueFind(context);
  await context.sync();
  store.queueRead();
  await context.sync();
  return store.book();
}

/**
 * Records a decision on `finding`: reads what is stored now (someone else may have reviewed since
 * the check), adds the decision, writes the part back. Three syncs; no cell is touched. A part that
 * cannot be read is never overwritten, or its history would be lost: the error is thrown instead.
 */
export async function saveReview(context: Excel.RequestContext, finding: Finding, decision: ReviewDecision): Promise<ReviewBook> {
  const store = ReviewStore.queueFind(context);
  await context.sync();
  store.queueRead();
  await context.sync();
  const book = recordReview(store.book(), finding, decision);
  store.queueWrite(book);
  await context.sync();
  return book;
}

function mergeBooks(books: ReadonlyArray<ReviewBook>): ReviewBook {
  const latest = new Map<string, Review>();
  for (const r of books.flatMap((b) => b.reviews)) {
    const key = reviewKeyOf(r);
    const known = latest.get(key);
    if (!known || r.time > known.time) latest.set(key, r);
  }
  // ISO times in UTC sort as text; sort is stable, so entries of one time keep their order.
  const log = books.flatMap((b) => b.log).sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  return { reviews: [...latest.values()], log };
}
