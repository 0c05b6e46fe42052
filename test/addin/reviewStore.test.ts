import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { defaultPack } from '../../src/packs/builtinPacks';
import { REVIEWS_NAMESPACE, reviewsFromXml } from '../../src/review/reviewXml';
import { readPackageReviews, writePackageReviews } from '../../src/review/workbookReviews';
import { findCustomXmlPart } from '../../src/xlsx/patch/customXmlPart';
import { openPackage } from '../../src/xlsx/package';
import { readReviews, ReviewStore, saveReview } from '../../addin/excel/reviewStore';
import { FakeExcel } from './fakeExcel/fakeExcel';
import { FakeWorkbook } from './fakeExcel/fakeWorkbook';
import { fakeFor, gridOf, workbookFiles } from './helpers';

/** The reviews part as Office.js sees it, and the same part as the CLI reads and writes it in a file. */

const CLUSTER = workbookFiles().find((f) => f.name === 'tong-hop-cum-2025.xlsx')!.path;
const COMMENT = 'Giải trình: số vụ <tăng> & "giảm" — chưa rõ\nDòng hai';
const reviewsPart = (state: FakeWorkbook) => state.xmlParts.filter((p) => p.xml.includes(REVIEWS_NAMESPACE));

async function shortfall() {
  const { findings } = await new PledgeChecker(defaultPack()).check(gridOf(CLUSTER));
  return { findings, finding: findings.find((f) => f.status === 'shortfall')! };
}

const decision = (status: 'accepted' | 'needs-explanation', reviewer: string, time: string, comment = COMMENT) => ({
  status,
  comment,
  reviewer,
  time,
  pack: { id: 'default', version: '1.0.0' },
});

describe('ReviewStore', () => {
  it('saves into one part in three syncs, replaces the decision, keeps the whole log; comments come back exactly', async () => {
    const state = fakeFor(gridOf(CLUSTER));
    const { finding } = await shortfall();
    const first = new FakeExcel(state);
    await saveReview(first.context, finding, decision('needs-explanation', 'Nguyễn Văn A', '2026-11-05T03:00:00.000Z'));
    expect(first.syncs).toBe(3);
    const second = new FakeExcel(state);
    await saveReview(second.context, finding, decision('accepted', 'Trần Thị B', '2026-11-06T03:00:00.000Z', 'Đã giải trình'));
    expect(reviewsPart(state)).toHaveLength(1);

    const read = new FakeExcel(state.reopened());
    const book = await readReviews(read.context);
    expect(read.syncs).toBe(2);
    expect(book.reviews).toHaveLength(1);
    expect(book.reviews[0]).toMatchObject({ status: 'accepted', reviewer: 'Trần Thị B', comment: 'Đã giải trình' });
    expect(book.log.map((e) => [e.status, e.previousStatus, e.comment])).toEqual([
      ['needs-explanation', undefined, COMMENT],
      ['accepted', 'needs-explanation', 'Đã giải trình'],
    ]);
  });

  it('two parts left by a copy-paste are merged on read (the later decision wins, logs in time order) and written back as one', async () => {
    const state = fakeFor(gridOf(CLUSTER));
    const { finding } = await shortfall();
    await saveReview(new FakeExcel(state).context, finding, decision('accepted', 'A', '2026-11-05T03:00:00.000Z'));
    const [part] = reviewsPart(state);
    state.xmlParts.push({
      id: 'xml-copy',
      xml: part.xml.replace(/status="accepted"/g, 'status="needs-explanation"').replace(/time="[^"]+"/g, 'time="2020-01-01T00:00:00.000Z"'),
    });
    const fake = new FakeExcel(state);
    const book = await readReviews(fake.context);
    expect(book.reviews).toHaveLength(1);
    expect(book.reviews[0].status).toBe('accepted');
    expect(book.log.map((e) => e.time)).toEqual(['2020-01-01T00:00:00.000Z', '2026-11-05T03:00:00.000Z']);

    const write = new FakeExcel(state);
    const store = ReviewStore.queueFind(write.context);
    await write.sync();
    store.queueRead();
    await write.sync();
    store.queueWrite(store.book());
    await write.sync();
    expect(reviewsPart(state)).toHaveLength(1);
    expect(reviewsFromXml(reviewsPart(state)[0].xml).log).toHaveLength(2);
  });

  it('a review made in Excel is the CLI’s review: `check --json` shows it on the same finding, unchanged; and back', async () => {
    const state = fakeFor(gridOf(CLUSTER));
    const { findings, finding } = await shortfall();
    await saveReview(new FakeExcel(state).context, finding, decision('needs-explanation', 'Đặng H', '2026-11-05T03:00:00.000Z'));
    const book = reviewsFromXml(reviewsPart(state)[0].xml);
    const dir = mkdtempSync(join(tmpdir(), 'pledge-check-reviews-'));
    const file = join(dir, 'so.xlsx');
    writeFileSync(file, writePackageReviews(readFileSync(CLUSTER), book));
    const out = join(dir, 'ket-qua.json');
    await main(['check', file, '--json', out], { out: () => undefined, err: () => undefined });
    type Json = { findings: { ruleId: string; unit: string; review?: { status: string; comment: string; reviewer: string; changedSinceReview: boolean } }[] };
    const reviewed = (JSON.parse(readFileSync(out, 'utf8')) as Json).findings.filter((f) => f.review);
    expect(reviewed).toEqual([
      expect.objectContaining({
        ruleId: finding.ruleId,
        unit: finding.unit,
        review: expect.objectContaining({ status: 'needs-explanation', comment: COMMENT, reviewer: 'Đặng H', changedSinceReview: false }),
      }),
    ]);

    // The CLI's part, put in a fake workbook as Excel would load it, reads the same.
    const pkg = openPackage(readFileSync(file));
    const fromFile = readPackageReviews(pkg);
    const other = fakeFor(gridOf(CLUSTER));
    other.xmlParts.push({ id: 'xml-cli', xml: findCustomXmlPart(pkg, REVIEWS_NAMESPACE)!.xml });
    expect(await readReviews(new FakeExcel(other).context)).toEqual(fromFile);
    expect(findings).toContain(finding);
  });
});
