import { findCustomXmlPart, withCustomXmlPart } from '../xlsx/patch/customXmlPart';
import { XlsxPackage } from '../xlsx/package';
import { EMPTY_REVIEW_BOOK, ReviewBook } from './review';
import { REVIEWS_NAMESPACE, reviewsFromXml, reviewsToXml } from './reviewXml';

/** The reviews stored in an .xlsx package (none when it has no reviews part). Throws ReviewFormatError for a damaged part. */
export function readPackageReviews(pkg: XlsxPackage): ReviewBook {
  const found = findCustomXmlPart(pkg, REVIEWS_NAMESPACE);
  return found ? reviewsFromXml(found.xml) : EMPTY_REVIEW_BOOK;
}

/** A copy of the .xlsx package with its reviews part set to `book`; nothing else changes. */
export function writePackageReviews(bytes: Uint8Array, book: ReviewBook): Uint8Array {
  return withCustomXmlPart(bytes, REVIEWS_NAMESPACE, reviewsToXml(book));
}
