import { writesFiles } from '../../src/cli/heapPolicy';

describe('the launcher bounds the heap only for runs that write files', () => {
  it.each([
    [['check', 'a.xlsx'], false],
    [['check', 'so-don-vi/', '--lang', 'en'], false],
    [['check', 'a.xlsx', '--json', 'kq.json'], true],
    [['check', 'a.xlsx', '--out=ban-to-mau.xlsx'], true],
    [['check', 'folder/', '--scorecard', 's.xlsx'], true],
    [['check', 'folder/', '--report', 'r.html'], true],
    [['review', 'a.xlsx', '--out', 'b.xlsx'], true],
    [['lint', 'rules/default.json'], false],
  ])('%j → %s', (argv, expected) => {
    expect(writesFiles(argv)).toBe(expected);
  });
});
