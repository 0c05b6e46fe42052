import { readFileSync } from 'fs';
import { join } from 'path';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { Finding } from '../../src/evaluate/finding';
import { defaultPack } from '../../src/packs/builtinPacks';
import { findingsJson } from '../../src/report/findingsJson';
import { ReviewMatch, ReviewState } from '../../src/review/reviewState';
import { Lang } from '../../src/words/lang';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { loadExpectations } from '../helpers/expectations';
import { batchTexts } from '../helpers/jsonBatchTexts';
import { hasSharedFixtures, SAMPLES, SHARED_FIXTURES } from '../helpers/paths';

const pack = defaultPack();
const checker = new PledgeChecker(pack);
const dirs = [SAMPLES, join(SAMPLES, 'everyday'), ...(hasSharedFixtures ? [SHARED_FIXTURES] : [])];

/** The document's findings as the CLI writes them (hand-made texts) and as JSON.stringify writes each element. */
function bothTexts(findings: ReadonlyArray<Finding>, lang: Lang, reviews?: ReviewMatch) {
  return batchTexts(findingsJson('book.xlsx', pack, findings, lang, { reviews }).findings);
}

// Each finding's line is written by hand for speed; it must be JSON.stringify's text exactly,
// field order and escapes included, or scripts reading the document would see other data.
describe('findings written as text are JSON.stringify of the finding', () => {
  for (const dir of dirs) {
    for (const file of Object.keys(loadExpectations(dir))) {
      it(file, async () => {
        const { findings } = await checker.check(readWorkbook(readFileSync(join(dir, file))));
        for (const lang of ['vi', 'en'] as const) {
          const { texts, stringified } = bothTexts(findings, lang);
          expect(texts).toEqual(stringified);
        }
      });
    }
  }

  it('escapes what JSON escapes, writes what JSON writes for odd numbers, and keeps optional fields', async () => {
    const { findings } = await checker.check(readWorkbook(readFileSync(join(SAMPLES, 'bao-cao-ninh-binh-2025.xlsx'))));
    const real = findings.find((f) => f.inputs.length > 0)!;
    const plain: Finding = { ...real, message: { vi: real.message.vi, en: real.message.en } };
    const odd = ['Đơn vị "A"', 'C:\\số liệu', 'tab\there', 'line\nbreak', '\u0001', 'lone \ud800', 'pair 😀', 'sep \u2028', '', '</script>'];
    const variants: Finding[] = [
      ...odd.map((s) => ({
        ...plain,
        unit: s,
        sheet: s,
        cell: s,
        message: { vi: s, en: s },
        inputs: plain.inputs.map((i) => ({ ...i, shown: s, sheet: s, cell: s })),
      })),
      { ...plain, period: undefined },
      { ...plain, period: 'Quý "I"' },
      { ...plain, actual: null, target: null, operator: null, gap: null, status: 'no-data' },
      { ...plain, actual: -0, gap: -0, target: -5 },
      { ...plain, actual: 1e21, gap: 123456789.125, target: 1e-7 },
      { ...plain, inputs: plain.inputs.map((i) => ({ ...i, value: Number.NaN })) },
      { ...plain, inputs: plain.inputs.map((i) => ({ ...i, value: null, shown: '#DIV/0!' })) },
      { ...plain, inputs: [] },
      // Counts are written from a run kept per count: the same count shown otherwise, before and after, and the edges.
      ...[
        [1234, '1234'],
        [1234, '1.234'],
        [1234, '1234'],
        [-0, '0'],
        [0, '-0'],
        [65535, '65535'],
        [65536, '65536'],
        [1.5, '1,5'],
        [-3, '-3'],
      ].map(([value, shown]) => ({ ...plain, inputs: plain.inputs.map((i) => ({ ...i, value: value as number, shown: shown as string })) })),
      { ...plain, pledgedInWorkbook: { cell: 'Q7', text: 'Giảm 3%', value: -3, differs: true } },
    ];
    const review = {
      review: { status: 'accepted', comment: 'ok', reviewer: 'A', time: 't', findingStatus: 'shortfall', inputsDigest: 'd' },
      changed: false,
      changes: [],
    };
    const reviews: ReviewMatch = { states: new Map([[variants[0], review as unknown as ReviewState]]), unmatched: [] };
    for (const lang of ['vi', 'en'] as const) {
      const { texts, stringified } = bothTexts(variants, lang, reviews);
      expect(texts).toEqual(stringified);
      expect(texts.map((t) => JSON.parse(t) as unknown)).toEqual(stringified.map((t) => JSON.parse(t) as unknown));
    }
  });

  // A checked finding's message goes into its line as the pieces its template is filled from: odd
  // unit names and templates, escaped or not, and a surrogate pair split between a template's text
  // and the unit's name, must still give JSON.stringify's text of the whole message.
  it("writes a checked finding's message from its pieces as JSON.stringify writes the message", async () => {
    // A cluster's table: the units' names are cells of the sheet.
    const grid = readWorkbook(readFileSync(join(SAMPLES, 'cum-thi-dua-2025-bang.xlsx')));
    const units = [...new Set((await checker.check(grid)).findings.map((f) => f.unit))];
    const odd = ['Đơn vị "A"', 'C:\\số liệu', '\ude00 nửa sau', 'pair 😀', 'tab\there'];
    const renamed = new Map(units.map((u, i) => [u, i < odd.length ? odd[i] : u]));
    const oddGrid = {
      ...grid,
      sheets: grid.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => r?.map((v) => (typeof v === 'string' ? (renamed.get(v) ?? v) : v))) })),
    };
    const template = { vi: '\ud83d{unit}: {actual} "{fact}" \\ {gap} {reason}', en: 'plain {unit}, {actual}' };
    const oddPack = { ...pack, rules: pack.rules.map((r) => ({ ...r, messages: { met: template, shortfall: template, noData: template } })) };
    for (const [p, g] of [
      [pack, oddGrid],
      [oddPack, oddGrid],
      [oddPack, grid],
    ] as const) {
      const { findings } = await new PledgeChecker(p).check(g);
      expect(new Set(findings.map((f) => f.unit).filter((u) => odd.includes(u)))).toEqual(new Set(g === grid ? [] : odd));
      for (const lang of ['vi', 'en'] as const) {
        const { texts, stringified } = batchTexts(findingsJson('book.xlsx', p, findings, lang).findings);
        expect(texts).toEqual(stringified);
      }
    }
  });
});
