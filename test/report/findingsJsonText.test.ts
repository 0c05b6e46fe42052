/**
 * The findings of the --json document are written by hand (findingsText), not stringified object
 * by object: the text must be exactly what JSON.stringify(doc, null, 2) gives, for the usual
 * finding and for every unusual one (which takes the slow way).
 */
import { jsonPieces } from '../../src/cli/jsonText';
import { Finding, FindingInput } from '../../src/evaluate/finding';
import { defaultPack } from '../../src/packs/builtinPacks';
import { findingsJson } from '../../src/report/findingsJson';
import { ReviewMatch } from '../../src/review/reviewState';

const input = (over: Partial<FindingInput> = {}): FindingInput => ({
  indicator: 'criminal-cases',
  period: 'current',
  sheet: 'Toàn quốc',
  cell: 'D2',
  value: 239,
  shown: '239',
  ...over,
});

const finding = (over: Partial<Record<keyof Finding, unknown>> = {}): Finding =>
  ({
    ruleId: 'criminal-cases-down-5pct',
    title: { vi: 'Giảm số vụ', en: 'Fewer cases' },
    severity: 'shortfall',
    unit: 'Công an xã số 1',
    period: '01/2025',
    status: 'shortfall',
    sheet: 'Toàn quốc',
    cell: 'D2',
    inputs: [input(), input({ period: 'baseline', cell: 'C2', value: 258, shown: '258' })],
    actual: -3.1234,
    target: -5,
    operator: 'lessThanInclusive',
    gap: 1.87654,
    fact: 'criminal-cases-change',
    factLabel: { vi: 'Mức giảm', en: 'Change' },
    factUnit: '%',
    message: { vi: 'Mức giảm: -3,12 %, chưa đạt chỉ tiêu ≤ -5 %.', en: 'Change: -3.12 %, short of ≤ -5 %.' },
    ...over,
  }) as Finding;

const pack = defaultPack();
const text = (findings: Finding[], reviews?: ReviewMatch) => {
  const doc = findingsJson('sổ "mẫu".xlsx', pack, findings, 'vi', { reviews });
  return { hand: [...jsonPieces(doc)].join(''), stringified: JSON.stringify(doc, null, 2) };
};

describe('findings written by hand', () => {
  it.each([
    ['a usual finding', [finding()]],
    ['no period, no data, no inputs', [finding({ period: undefined, status: 'no-data', actual: null, gap: null, inputs: [] })]],
    ['no target or operator', [finding({ target: null, operator: null, actual: 12.3456 })]],
    ['numbers JSON cannot hold, and minus zero', [finding({ actual: NaN, gap: Infinity, target: -0, inputs: [input({ value: -Infinity })] })]],
    ['an input with no number', [finding({ inputs: [input({ value: null, shown: 'chưa thống kê' })] })]],
    [
      'text that must be escaped: quotes, backslashes, line breaks, control characters, lone surrogates',
      [
        finding({
          unit: 'Đội "Cảnh sát"\\1',
          message: { vi: 'dòng 1\ndòng 2\t\u0001', en: '' },
          inputs: [input({ shown: '\ud800 lẻ', sheet: '😀 Trang' })],
        }),
      ],
    ],
    ['an input with a plan cell (left out)', [finding({ inputs: [{ ...input(), pledged: { cell: 'E2', raw: 'Giảm 5%' } }] })]],
    ['an input with another field (written as JSON.stringify would)', [finding({ inputs: [{ ...input(), extra: [1, { a: 2 }] }] })]],
    [
      'an input whose fields come in another order',
      [finding({ inputs: [{ shown: '1', value: 1, cell: 'A1', sheet: 'S', period: 'current', indicator: 'x' }] })],
    ],
    ['a unit that is not text', [finding({ unit: undefined }), finding({ unit: 42 })]],
    ['a workbook target', [finding({ pledgedInWorkbook: { cell: 'E2', text: 'Giảm 3%', value: -3, differs: true } })]],
    ['many findings across pieces', Array.from({ length: 1234 }, (_, i) => finding({ unit: `Công an xã số ${i}`, actual: i / 7, cell: `D${i + 2}` }))],
  ])('%s', (_name, findings) => {
    const { hand, stringified } = text(findings);
    expect(hand).toBe(stringified);
  });

  it('a reviewed finding', () => {
    const f = finding();
    const reviews: ReviewMatch = {
      states: new Map([
        [
          f,
          {
            review: {
              ruleId: f.ruleId,
              unit: f.unit,
              period: f.period,
              status: 'accepted',
              comment: 'Đã giải trình',
              reviewer: 'Nguyễn Văn A',
              time: '2025-10-01T08:00:00.000Z',
              findingStatus: 'shortfall',
              inputsDigest: 'sha256:00',
            },
            changed: true,
            changes: [
              {
                indicator: 'criminal-cases',
                period: 'current',
                sheet: 'Toàn quốc',
                cell: 'D2',
                before: { value: 1, shown: '1' },
                now: { value: 2, shown: '2' },
              },
            ],
          },
        ],
      ]),
      unmatched: [],
    } as unknown as ReviewMatch;
    const { hand, stringified } = text([finding(), f, finding()], reviews);
    expect(hand).toBe(stringified);
  });
});
