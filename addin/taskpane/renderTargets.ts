import { formatNumber, Lang } from '../../src/evaluate/format';
import { PackRule } from '../../src/packs/rulePack';
import { data, el } from './dom';
import { TargetCounts } from './resultIndex';
import { say } from './say';
import { statusChip } from './statusChip';
import { STRINGS } from './strings';

/**
 * Every target of the pack with its counts, in the pack's order. A target the workbook has no
 * figures for is still listed, as "not in this workbook" (the scorecard's `không có trong sổ`):
 * the pack says N targets, the person sees N rows.
 */
export function renderTargets(box: HTMLElement, rules: ReadonlyArray<PackRule>, byTarget: ReadonlyMap<string, TargetCounts>, lang: Lang): void {
  const num = (n: number, cls: string) => el('td', { class: n === 0 ? 'zero' : cls }, data(formatNumber(n, lang)));
  const rows = rules.map((r) => {
    const c = byTarget.get(r.id);
    const name = el('th', { scope: 'row' }, data(say(r.title, lang)));
    if (!c) {
      return el(
        'tr',
        { class: 'not-in-workbook', 'data-rule': r.id },
        name,
        el('td', { colspan: '3', class: 'absent', title: say(STRINGS.notInWorkbookHint, lang) }, say(STRINGS.notInWorkbook, lang)),
      );
    }
    return el('tr', { 'data-rule': r.id }, name, num(c.shortfall, 'shortfall'), num(c.noData, 'no-data'), num(c.met, 'met'));
  });
  box.replaceChildren(
    el(
      'table',
      { class: 'targets' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, say(STRINGS.targetColumn, lang)),
          el('th', { scope: 'col' }, statusChip('shortfall', lang)),
          el('th', { scope: 'col' }, statusChip('no-data', lang)),
          el('th', { scope: 'col' }, statusChip('met', lang)),
        ),
      ),
      el('tbody', {}, ...rows),
    ),
  );
}
