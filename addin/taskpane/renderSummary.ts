import { formatNumber } from '../../src/evaluate/format';
import { UnitCounts } from './findingsView';
import { data, el } from './dom';
import { say } from './say';
import { statusChip } from './statusChip';
import { FORMATS, STRINGS } from './strings';
import { Lang } from '../../src/words/lang';

/** Units listed at most: beyond, the units with the most shortfalls (a national check has 40,000 unit rows). */
export const SUMMARY_UNITS = 30;

/** Met / shortfall / no data per unit as a table (a screen reader reads it cell by cell with its headers). */
export function renderSummary(box: HTMLElement, all: ReadonlyArray<UnitCounts>, lang: Lang): void {
  const num = (n: number, cls: string) => el('td', { class: n === 0 ? 'zero' : cls }, data(formatNumber(n, lang)));
  const cut = all.length > SUMMARY_UNITS;
  const counts = cut ? mostShortfalls(all) : all;
  const total = all.reduce((t, c) => ({ met: t.met + c.met, shortfall: t.shortfall + c.shortfall, noData: t.noData + c.noData }), {
    met: 0,
    shortfall: 0,
    noData: 0,
  });
  const table = el(
    'table',
    { class: 'summary' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, say(STRINGS.unit, lang)),
        el('th', { scope: 'col' }, statusChip('shortfall', lang)),
        el('th', { scope: 'col' }, statusChip('no-data', lang)),
        el('th', { scope: 'col' }, statusChip('met', lang)),
      ),
    ),
    el(
      'tbody',
      {},
      ...counts.map((c) => el('tr', {}, el('th', { scope: 'row' }, data(c.unit)), num(c.shortfall, 'shortfall'), num(c.noData, 'no-data'), num(c.met, 'met'))),
    ),
    ...(all.length > 1
      ? [
          el(
            'tfoot',
            {},
            el(
              'tr',
              {},
              el('th', { scope: 'row' }, say(STRINGS.total, lang)),
              num(total.shortfall, 'shortfall'),
              num(total.noData, 'no-data'),
              num(total.met, 'met'),
            ),
          ),
        ]
      : []),
  );
  box.replaceChildren(table, ...(cut ? [el('p', { class: 'hint' }, say(FORMATS.topUnits(counts.length, all.length), lang))] : []));
}

/** Ranked once per check, not at every redraw (40,000 units at national size). */
const ranked = new WeakMap<ReadonlyArray<UnitCounts>, UnitCounts[]>();

/** The units with the most shortfalls, then the most without data; table order among equals. */
function mostShortfalls(all: ReadonlyArray<UnitCounts>): UnitCounts[] {
  let top = ranked.get(all);
  if (!top) ranked.set(all, (top = rank(all)));
  return top;
}

/** One pass keeping the best SUMMARY_UNITS in order (no sort of 40,000 units for 30 of them). */
export function rank(all: ReadonlyArray<UnitCounts>): UnitCounts[] {
  const top: UnitCounts[] = [];
  const before = (a: UnitCounts, b: UnitCounts) => a.shortfall > b.shortfall || (a.shortfall === b.shortfall && a.noData > b.noData);
  for (const c of all) {
    if (top.length === SUMMARY_UNITS && !before(c, top[top.length - 1])) continue;
    // After every unit it does not come before: among equals, table order.
    let at = top.length;
    while (at > 0 && before(c, top[at - 1])) at--;
    top.splice(at, 0, c);
    if (top.length > SUMMARY_UNITS) top.pop();
  }
  return top;
}
