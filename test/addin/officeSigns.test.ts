import { readFileSync } from 'fs';
import { openedByOffice, OPENED_BY_OFFICE_KEY, PageContext } from '../../addin/officeSigns';

/**
 * Issue #13: the pages load Office.js only when Office opened them, decided from the signs Office.js
 * itself reads; with none, Office.js would take the page for a plain browser anyway, after framing
 * Microsoft's telemetry proxy.
 */
const storage = (items: Record<string, string>): Pick<Storage, 'getItem'> => ({ getItem: (key) => items[key] ?? null });
const plain: PageContext = { location: { search: '', hash: '' }, name: '', sessionStorage: storage({}), external: { AddSearchProvider: () => undefined } };

describe('openedByOffice', () => {
  it('a plain browser tab shows no sign', () => {
    expect(openedByOffice(plain)).toBe(false);
    expect(openedByOffice({})).toBe(false);
    expect(openedByOffice(undefined)).toBe(false);
    expect(openedByOffice({ ...plain, location: { search: '?lang=vi&host_Info=x' } })).toBe(false);
    expect(openedByOffice({ ...plain, name: '{"other":1}' })).toBe(false);
    expect(openedByOffice({ ...plain, name: '{not json' })).toBe(false);
  });

  it.each<[string, PageContext]>([
    ['_host_Info in the query (Windows, Mac, web)', { ...plain, location: { search: '?_host_Info=Excel$Win32$16.01$vi-VN$$$$0' } }],
    ['_host_Info after other parameters', { ...plain, location: { search: '?et=&_host_Info=Excel|Web|16.00|en-US|telemetry|isDialog|' } }],
    ['a frame named with the host (Office on the web)', { ...plain, name: JSON.stringify({ hostInfo: 'Excel|Web|16.00|vi-VN|abc|||' }) }],
    ['the host Office.js kept for a page navigated to', { ...plain, sessionStorage: storage({ hostInfoValue: 'Excel$Win32$16.01$vi-VN$$$$0' }) }],
    ['Office answered late earlier in the session', { ...plain, sessionStorage: storage({ [OPENED_BY_OFFICE_KEY]: '1' }) }],
    ['a host object that tells its host (dialogs on Windows)', { ...plain, external: { GetHostInfo: () => 'isDialog' } }],
    ['the Mac host object', { ...plain, agaveHost: { GetHostInfo: () => 'Excel$Mac$16.01$vi-VN$$$$0' } }],
    ['Office 2013-era web hosts', { ...plain, location: { search: '', hash: '#&_xdm_Info=abc' } }],
    ['Office 2013-era web hosts, navigated', { ...plain, name: '_xdm_123;' }],
    ['Office 2013-era Windows hosts', { ...plain, external: { GetContext: () => ({}) } }],
  ])('%s', (_, page) => {
    expect(openedByOffice(page)).toBe(true);
  });

  it('storage that throws, or a host method that throws, is no sign', () => {
    const throwing: Pick<Storage, 'getItem'> = {
      getItem: () => {
        throw new Error('blocked');
      },
    };
    const failing = {
      GetHostInfo: () => {
        throw new Error('denied');
      },
    };
    expect(openedByOffice({ ...plain, sessionStorage: throwing })).toBe(false);
    expect(openedByOffice({ ...plain, external: failing })).toBe(false);
  });

  it('the installed Office.js still reads exactly these signs, and its plain-browser path is the one that frames telemetry', () => {
    const office = readFileSync(require.resolve('@microsoft/office-js/dist/office.debug.js'), 'utf8');
    for (const sign of [
      '"_host_Info"',
      '["hostInfo"]',
      '"hostInfoValue"',
      'agaveHost.GetHostInfo',
      'window.external.GetHostInfo()',
      'window.external.GetContext',
    ]) {
      expect({ sign, read: office.includes(sign) }).toEqual({ sign, read: true });
    }
    expect(office).toMatch(/_hostInfo\.isO15 = true;\s*_hostInfo\.hostLocale/); // no sign: the Office 2013 path
    expect(office).toContain('isPlainBrowser');
    const o15 = readFileSync(require.resolve('@microsoft/office-js/dist/o15apptofilemappingtable.debug.js'), 'utf8');
    expect(o15).toContain("_xdmInfoKey='&_xdm_Info='");
    expect(o15).toContain("_xdmSessionKeyPrefix='_xdm_'");
    expect(o15).toMatch(/telemetryproxy\.html/);
  });
});
