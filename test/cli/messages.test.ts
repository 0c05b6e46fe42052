import * as messages from '../../src/cli/messages';

describe("the command line's messages", () => {
  it('each say something in both languages, Vietnamese first, and not the same text twice', () => {
    for (const [name, make] of Object.entries(messages)) {
      const said =
        typeof make === 'function'
          ? (make as (...args: unknown[]) => { vi: string; en: string })('a.xlsx', { vi: 'lý do', en: 'why' }, 'x', 'y', 'z', 1)
          : make;
      expect([name, said.vi.length > 0, said.en.length > 0, said.vi !== said.en]).toEqual([name, true, true, true]);
    }
  });

  it('write counts as the reader of each language writes them', () => {
    expect(messages.reasonsOnFindingsSheet(20000, 'Kết quả kiểm tra').vi).toContain('hơn 20.000 ô');
    expect(messages.reasonsOnFindingsSheet(20000, 'Kết quả kiểm tra').en).toContain('more than 20,000 cells');
  });
});
