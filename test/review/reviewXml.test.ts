import { Finding } from '../../src/evaluate/finding';
import { recordReview } from '../../src/review/recordReview';
import { EMPTY_REVIEW_BOOK, ReviewBook } from '../../src/review/review';
import { matchReviews } from '../../src/review/reviewState';
import { REVIEWS_NAMESPACE, ReviewFormatError, reviewsFromXml, reviewsToXml } from '../../src/review/reviewXml';

/** A finding as the evaluator gives it, with two inputs. */
function finding(over: Partial<Finding> = {}, current = 381, baseline = 412): Finding {
  return {
    ruleId: 'traffic-deaths-down-10pct',
    title: { vi: 'Giảm ít nhất 10% số người chết do tai nạn giao thông', en: 'At least 10 % fewer traffic deaths' },
    severity: 'shortfall',
    unit: 'Công an tỉnh Ninh Bình',
    status: 'shortfall',
    sheet: 'Biểu 01',
    cell: 'D29',
    inputs: [
      { indicator: 'traffic-deaths', period: 'current', sheet: 'Biểu 01', cell: 'D29', value: current, shown: String(current) },
      { indicator: 'traffic-deaths', period: 'baseline', sheet: 'Biểu 01', cell: 'E29', value: baseline, shown: String(baseline) },
    ],
    actual: -7.52,
    target: -10,
    operator: 'lessThanInclusive',
    gap: 2.48,
    fact: 'traffic-deaths-change-pct',
    factLabel: { vi: 'x', en: 'x' },
    factUnit: '%',
    message: { vi: 'm', en: 'm' },
    ...over,
  };
}

const hostile = 'Ý kiến: "giải trình" <b>ngay</b> & gửi lại\nDòng hai\ttab \u0001';

describe('the reviews part (urn:pledge-check:reviews:v1)', () => {
  it('round-trips every field, with text from people escaped and line breaks kept', () => {
    let book: ReviewBook = recordReview(EMPTY_REVIEW_BOOK, finding(), {
      status: 'needs-explanation',
      comment: hostile,
      reviewer: 'Nguyễn "Văn" <A>',
      time: '2026-11-05T03:00:00.000Z',
      pack: { id: 'default', version: '1.0.0' },
    });
    book = recordReview(book, finding({ unit: 'Unit\nwith break', period: 'Tháng 01/2025' }), {
      status: 'accepted',
      comment: '',
      reviewer: 'B',
      time: '2026-11-06T03:00:00.000Z',
    });
    const xml = reviewsToXml(book);
    expect(xml.startsWith(`<reviews xmlns="${REVIEWS_NAMESPACE}">`)).toBe(true);
    expect(xml).not.toContain('<b>');
    expect(xml).not.toContain('\u0001');
    const back = reviewsFromXml(xml);
    expect(back.reviews).toHaveLength(2);
    expect(back.reviews[0]).toEqual({ ...book.reviews[0], comment: hostile.replace('\u0001', '') });
    expect(back.reviews[1]).toEqual(book.reviews[1]);
    expect(back.log.map((e) => [e.reviewer, e.status, e.unit])).toEqual([
      ['Nguyễn "Văn" <A>', 'needs-explanation', 'Công an tỉnh Ninh Bình'],
      ['B', 'accepted', 'Unit\nwith break'],
    ]);
  });

  it('a new decision on the same finding replaces the review and extends the log', () => {
    const f = finding();
    const one = recordReview(EMPTY_REVIEW_BOOK, f, { status: 'needs-explanation', comment: 'a', reviewer: 'A', time: '2026-11-05T03:00:00.000Z' });
    // Same unit written in NFD and another case: the same finding.
    const two = recordReview(one, finding({ unit: 'công an tỉnh ninh bình'.normalize('NFD') }), {
      status: 'accepted',
      comment: 'b',
      reviewer: 'B',
      time: '2026-11-06T03:00:00.000Z',
    });
    expect(two.reviews).toHaveLength(1);
    expect(two.reviews[0]).toMatchObject({ status: 'accepted', reviewer: 'B' });
    expect(two.log.map((e) => [e.status, e.previousStatus])).toEqual([
      ['needs-explanation', undefined],
      ['accepted', 'needs-explanation'],
    ]);
    expect(one.reviews[0].status).toBe('needs-explanation'); // the old book is not changed
  });

  it('reads the part with a declaration, a BOM, a prefix and foreign additions', () => {
    const xml =
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<pc:reviews xmlns:pc="${REVIEWS_NAMESPACE}" xmlns:x="urn:other"><x:note>ignored</x:note>` +
      `<pc:review rule="r" unit="U" status="accepted" reviewer="A" time="2026-01-01T00:00:00Z" findingStatus="met" inputsDigest="sha256:00" x:extra="1" future="2">` +
      `<pc:comment><![CDATA[<ok> & fine]]></pc:comment><pc:future/></pc:review>` +
      `<pc:review rule="broken" unit="U" status="maybe" time="t" findingStatus="met" inputsDigest="d"/>` +
      `</pc:reviews>`;
    const book = reviewsFromXml(xml);
    expect(book.reviews).toHaveLength(1); // the entry with an unknown status is skipped, not guessed
    expect(book.reviews[0]).toMatchObject({ ruleId: 'r', unit: 'U', status: 'accepted', comment: '<ok> & fine', inputs: [] });
  });

  it('refuses a part in another namespace or one that is not XML, with one sentence each language', () => {
    expect(() => reviewsFromXml('<reviews xmlns="urn:pledge-check:reviews:v2"/>')).toThrow(ReviewFormatError);
    expect(() => reviewsFromXml('<reviews xmlns="urn:pledge-check:reviews:v1"><review')).toThrow(/not well-formed/);
    let error: unknown;
    try {
      reviewsFromXml('');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReviewFormatError);
    expect((error as ReviewFormatError).vi).toMatch(/phần xét duyệt/);
  });
});

describe('changed since review', () => {
  const decision = { status: 'accepted' as const, comment: '', reviewer: 'A', time: '2026-11-05T03:00:00.000Z' };

  it('keeps a review whose figures are the same, even written differently or moved', () => {
    const book = recordReview(EMPTY_REVIEW_BOOK, finding(), decision);
    const moved = finding({ inputs: finding().inputs.map((i) => ({ ...i, cell: i.cell.replace('29', '31'), shown: i.value === 381 ? '381' : '412' })) });
    const { states, unmatched } = matchReviews([moved], book);
    expect(states.get(moved)).toMatchObject({ changed: false, changes: [] });
    expect(unmatched).toEqual([]);
  });

  it('marks a review whose figures changed, saying which cell and how', () => {
    const book = recordReview(EMPTY_REVIEW_BOOK, finding(), decision);
    const now = finding({}, 300);
    const state = matchReviews([now], book).states.get(now);
    expect(state?.changed).toBe(true);
    expect(state?.changes).toEqual([
      {
        indicator: 'traffic-deaths',
        period: 'current',
        sheet: 'Biểu 01',
        cell: 'D29',
        before: { value: 381, shown: '381' },
        now: { value: 300, shown: '300' },
      },
    ]);
  });

  it('a figure that became no data is a change; a review of another unit is unmatched', () => {
    const book = recordReview(EMPTY_REVIEW_BOOK, finding({ unit: 'Công an tỉnh Khác' }), decision);
    const blank = finding({
      unit: 'Công an tỉnh Khác',
      status: 'no-data',
      inputs: [{ ...finding().inputs[0], value: null, shown: 'chưa thống kê' }, finding().inputs[1]],
    });
    expect(matchReviews([blank], book).states.get(blank)?.changed).toBe(true);
    expect(matchReviews([finding()], book).unmatched).toHaveLength(1);
  });
});
