import { SaxesParser, SaxesTagNS } from 'saxes';
import { FindingStatus } from '../evaluate/finding';
import { PeriodRole } from '../tables/periods';
import { REVIEW_STATUSES, Review, ReviewBook, ReviewedInput, ReviewLogEntry, ReviewStatus } from './review';
import { encodeXmlAttribute, encodeXmlText } from '../xml/encodeXml';
import { errorKind } from '../words/localizedError';

/**
 * The reviews as stored in a workbook: a custom XML part whose root is in this namespace. The
 * version is in the namespace, so a later format is a different part and this reader never
 * misreads it. The CLI writes the part into the package; the add-in stores the same text with
 * Office.js `customXmlParts` and finds it with `getByNamespace`.
 */
export const REVIEWS_NAMESPACE = 'urn:pledge-check:reviews:v1';

/** The part could not be read as reviews: one sentence in each language. */
export const ReviewFormatError = errorKind('reviews-part', 'ReviewFormatError');
export type ReviewFormatError = InstanceType<typeof ReviewFormatError>;

/**
 * The part's XML, without an XML declaration (Office.js `customXmlParts.add` takes the element;
 * the package writer adds the declaration). Every text goes through an attribute or element
 * escape: names and comments come from people and workbooks.
 */
export function reviewsToXml(book: ReviewBook): string {
  const out: string[] = [`<reviews xmlns="${REVIEWS_NAMESPACE}">`];
  for (const r of book.reviews) {
    const attrs =
      keyAttrs(r) +
      attr('status', r.status) +
      attr('reviewer', r.reviewer) +
      attr('time', r.time) +
      attr('findingStatus', r.findingStatus) +
      attr('inputsDigest', r.inputsDigest) +
      (r.pack ? attr('pack', r.pack.id) + attr('packVersion', r.pack.version) : '');
    out.push(`  <review${attrs}>`);
    if (r.comment !== '') out.push(`    <comment>${text(r.comment)}</comment>`);
    for (const i of r.inputs) {
      out.push(
        `    <input${attr('indicator', i.indicator)}${attr('period', i.period)}${attr('sheet', i.sheet)}${attr('cell', i.cell)}` +
          `${i.value === null ? '' : attr('value', String(i.value))}${attr('shown', i.shown)}/>`,
      );
    }
    out.push('  </review>');
  }
  if (book.log.length > 0) {
    out.push('  <log>');
    for (const e of book.log) {
      const attrs =
        attr('time', e.time) +
        attr('reviewer', e.reviewer) +
        keyAttrs(e) +
        attr('status', e.status) +
        (e.previousStatus ? attr('previousStatus', e.previousStatus) : '') +
        attr('findingStatus', e.findingStatus) +
        attr('inputsDigest', e.inputsDigest);
      out.push(e.comment === '' ? `    <entry${attrs}/>` : `    <entry${attrs}><comment>${text(e.comment)}</comment></entry>`);
    }
    out.push('  </log>');
  }
  out.push('</reviews>');
  return out.join('\n');
}

function keyAttrs(k: { ruleId: string; unit: string; period?: string }): string {
  return attr('rule', k.ruleId) + attr('unit', k.unit) + (k.period === undefined ? '' : attr('period', k.period));
}

function attr(name: string, value: string): string {
  return ` ${name}="${encodeXmlAttribute(value)}"`;
}

function text(s: string): string {
  return encodeXmlText(s);
}

/**
 * Reads what reviewsToXml wrote (with or without a declaration, with any prefix for our namespace).
 * Elements and attributes it does not know are ignored, so a later minor addition does not break
 * an older reader; an entry missing what it needs is skipped rather than guessed.
 */
export function reviewsFromXml(xml: string): ReviewBook {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const reviews: Review[] = [];
  const log: ReviewLogEntry[] = [];
  const path: string[] = [];
  let rootSeen = false;
  let current: { attrs: Record<string, string>; comment: string; inputs: ReviewedInput[]; kind: 'review' | 'entry' } | undefined;
  let inComment = false;

  parser.on('opentag', (tag: SaxesTagNS) => {
    const ours = tag.uri === REVIEWS_NAMESPACE;
    if (!rootSeen) {
      rootSeen = true;
      if (!ours || tag.local !== 'reviews') {
        throw new ReviewFormatError(
          `phần xét duyệt không thuộc không gian tên ${REVIEWS_NAMESPACE}`,
          `the reviews part is not in the namespace ${REVIEWS_NAMESPACE}`,
        );
      }
    }
    path.push(ours ? tag.local : '');
    const attrs = plainAttrs(tag);
    const where = path.join('/');
    if (where === 'reviews/review' || where === 'reviews/log/entry') {
      current = { attrs, comment: '', inputs: [], kind: tag.local === 'review' ? 'review' : 'entry' };
    } else if (current && (where === 'reviews/review/comment' || where === 'reviews/log/entry/comment')) {
      inComment = true;
    } else if (current && where === 'reviews/review/input') {
      const input = readInput(attrs);
      if (input) current.inputs.push(input);
    }
  });
  parser.on('text', (t) => {
    if (inComment && current) current.comment += t;
  });
  parser.on('cdata', (t) => {
    if (inComment && current) current.comment += t;
  });
  parser.on('closetag', () => {
    const where = path.join('/');
    path.pop();
    if (where.endsWith('/comment')) inComment = false;
    if (!current) return;
    if (where === 'reviews/review') {
      const r = readReview(current.attrs, current.comment, current.inputs);
      if (r) reviews.push(r);
      current = undefined;
    } else if (where === 'reviews/log/entry') {
      const e = readEntry(current.attrs, current.comment);
      if (e) log.push(e);
      current = undefined;
    }
  });
  try {
    parser.write(xml.replace(/^\uFEFF/, '')).close();
  } catch (e) {
    if (e instanceof ReviewFormatError) throw e;
    const first = (e as Error).message.split('\n')[0];
    throw new ReviewFormatError(`phần xét duyệt không phải XML hợp lệ (${first})`, `the reviews part is not well-formed XML (${first})`);
  }
  if (!rootSeen) throw new ReviewFormatError('phần xét duyệt trống', 'the reviews part is empty');
  return { reviews, log };
}

function plainAttrs(tag: SaxesTagNS): Record<string, string> {
  const out: Record<string, string> = {};
  // Unprefixed attributes only: ours are written without a prefix, foreign ones are ignored.
  for (const a of Object.values(tag.attributes)) if (a.prefix === '' && a.local !== 'xmlns') out[a.local] = a.value;
  return out;
}

const FINDING_STATUSES: ReadonlyArray<FindingStatus> = ['met', 'shortfall', 'no-data'];

function reviewStatus(s: string | undefined): ReviewStatus | undefined {
  return (REVIEW_STATUSES as ReadonlyArray<string>).includes(s ?? '') ? (s as ReviewStatus) : undefined;
}

function findingStatus(s: string | undefined): FindingStatus | undefined {
  return (FINDING_STATUSES as ReadonlyArray<string>).includes(s ?? '') ? (s as FindingStatus) : undefined;
}

function readInput(a: Record<string, string>): ReviewedInput | undefined {
  if (!a.indicator || (a.period !== 'current' && a.period !== 'baseline')) return undefined;
  const value = a.value === undefined || a.value === '' ? null : Number(a.value);
  if (value !== null && !Number.isFinite(value)) return undefined;
  return { indicator: a.indicator, period: a.period as PeriodRole, sheet: a.sheet ?? '', cell: a.cell ?? '', value, shown: a.shown ?? '' };
}

function readReview(a: Record<string, string>, comment: string, inputs: ReviewedInput[]): Review | undefined {
  const status = reviewStatus(a.status);
  const fs = findingStatus(a.findingStatus);
  if (!a.rule || a.unit === undefined || !status || !fs || !a.time || !a.inputsDigest) return undefined;
  return {
    ruleId: a.rule,
    unit: a.unit,
    ...(a.period !== undefined ? { period: a.period } : {}),
    status,
    comment,
    reviewer: a.reviewer ?? '',
    time: a.time,
    findingStatus: fs,
    inputsDigest: a.inputsDigest,
    inputs,
    ...(a.pack ? { pack: { id: a.pack, version: a.packVersion ?? '' } } : {}),
  };
}

function readEntry(a: Record<string, string>, comment: string): ReviewLogEntry | undefined {
  const status = reviewStatus(a.status);
  const fs = findingStatus(a.findingStatus);
  if (!a.rule || a.unit === undefined || !status || !fs || !a.time) return undefined;
  const previous = reviewStatus(a.previousStatus);
  return {
    time: a.time,
    reviewer: a.reviewer ?? '',
    ruleId: a.rule,
    unit: a.unit,
    ...(a.period !== undefined ? { period: a.period } : {}),
    status,
    ...(previous ? { previousStatus: previous } : {}),
    comment,
    findingStatus: fs,
    inputsDigest: a.inputsDigest ?? '',
  };
}
