import * as messages from '../../src/cli/messages';

/**
 * Arguments of the kinds a message's parameters name: a reason in both languages for `why`, a
 * number for counts and positions, a distinct string for anything else.
 */
function argumentsFor(make: (...args: never[]) => unknown): unknown[] {
  const params = /^[^(]*\(([^)]*)\)/.exec(make.toString())?.[1] ?? '';
  return params
    .split(',')
    .map((p) => p.trim().split(/[\s:=]/)[0])
    .filter(Boolean)
    .map((name, i) => (/why/i.test(name) ? { vi: 'lý do', en: 'why' } : /line|column|entry|count|cells|^n$|limit|size|total/i.test(name) ? i + 1 : `s${i}`));
}

describe("the command line's messages", () => {
  it('each say something in both languages, Vietnamese first, and not the same text twice', () => {
    for (const [name, make] of Object.entries(messages)) {
      const said = typeof make === 'function' ? (make as (...args: unknown[]) => { vi: string; en: string })(...argumentsFor(make)) : make;
      expect([name, said.vi.length > 0, said.en.length > 0, said.vi !== said.en]).toEqual([name, true, true, true]);
    }
  });

  it('write counts as the reader of each language writes them', () => {
    expect(messages.reasonsOnFindingsSheet(20000, 'Kết quả kiểm tra').vi).toContain('hơn 20.000 ô');
    expect(messages.reasonsOnFindingsSheet(20000, 'Kết quả kiểm tra').en).toContain('more than 20,000 cells');
  });
});
