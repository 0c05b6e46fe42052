import { Finding } from '../../src/evaluate/finding';
import { recordReview, ReviewDecision } from '../../src/review/recordReview';
import { EMPTY_REVIEW_BOOK, Review, ReviewBook, reviewKeyOf } from '../../src/review/review';
import { REVIEWS_NAMESPACE, reviewsFromXml, reviewsToXml } from '../../src/review/reviewXml';
import { jsonBytes } from './roundTrips';

/**
 * The supervisors' reviews as the workbook stores them: the custom XML part the CLI's `review`
 * command writes (same namespace, same text), so a review made in Excel is read by the CLI and the
 * other way round. Modelled on HighlightMemory: reading takes two syncs (find the parts, then
 * their XML) and the caller owns them, so they can share syncs with other work.
 */
export class ReviewStore {
  private parts: Excel.CustomXmlPart[] = [];
  private xml: OfficeExtension.ClientResult<string>[] = [];

  private constructor(
    private readonly context: Excel.RequestContext,
    private readonly found: Excel.CustomXmlPartScopedCollection,
  ) {}

  /** Step 1, before a sync: look for the reviews parts. */
  static queueFind(context: Excel.RequestContext): ReviewStore {
    return new ReviewStore(context, context.workbook.customXmlParts.getByNamespace(REVIEWS_NAMESPACE).load('items/id'));
  }

  /** Step 2, after that sync and before the next: ask for their XML. */
  queueRead(): void {
    this.parts = this.found.items.slice();
    this.xml = this.parts.map((p) => p.getXml());
  }

  /** Whether the workbook holds a reviews part (after step 2's sync, or after a write). */
  get stored(): boolean {
    return this.parts.length > 0;
  }

  /**
   * After the second sync: every review stored. Throws ReviewFormatError for a damaged part. A
   * copy-paste between workbooks can leave two parts: their reviews are merged (the later
   * decision on a finding wins) and their logs joined in time order.
   */
  book(): ReviewBook {
    const books = this.xml.map((x) => reviewsFromXml(x.value));
    return books.length <= 1 ? (books[0] ?? EMPTY_REVIEW_BOOK) : mergeBooks(books);
  }

  /** Queue replacing the stored reviews with `book` (in the first part, removing any others); returns the request's size in bytes. */
  queueWrite(book: ReviewBook): number {
    const xml = reviewsToXml(book);
    const [first, ...extra] = this.parts;
    if (first) first.setXml(xml);
    for (const p of extra) p.delete();
    this.parts = [first ?? this.context.workbook.customXmlParts.add(xml)];
    return jsonBytes(xml) + 100;
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
