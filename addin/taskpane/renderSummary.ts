import { Lang } from '../../src/evaluate/format';
import { UnitCounts } from './findingsView';
import { data, el } from './dom';
import { say } from './say';
import { statusChip } from './statusChip';
import { STRINGS } from './strings';

/** Met / shortfall / no data per unit as a table (a screen reader reads it cell by cell with its headers). */
export function renderSummary(box: HTMLElement, counts: ReadonlyArray<UnitCounts>, lang: Lang): void {
  const num = (n: number, cls: string) => el('td', { class: n === 0 ? 'zero' : cls }, data(String(n)));
  const total = counts.reduce((t, c) => ({ met: t.met + c.met, shortfall: t.shortfall + c.shortfall, noData: t.noData + c.noData }), { met: 0, shortfall: 0, noData: 0 });
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
    el('tbody', {}, ...counts.map((c) => el('tr', {}, el('th', { scope: 'row' }, data(c.unit)), num(c.shortfall, 'shortfall'), num(c.noData, 'no-data'), num(c.met, 'met')))),
    ...(counts.length > 1
      ? [el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, say(STRINGS.total, lang)), num(total.shortfall, 'shortfall'), num(total.noData, 'no-data'), num(total.met, 'met')))]
      : []),
  );
  box.replaceChildren(table);
}
