import { formatNumber } from '../../src/evaluate/format';
import { PackRule, RulePack } from '../../src/packs/rulePack';
import { data, el } from './dom';
import { pointControls, PointView, targetSubject, targetTitleId } from './renderPointing';
import { TargetCounts } from './resultIndex';
import { say } from './say';
import { statusChip } from './statusChip';
import { STRINGS } from './strings';
import { Lang } from '../../src/words/lang';

/**
 * Every target of the pack with its counts, in the pack's order. A target the workbook has no
 * figures for is still listed, as "not in this workbook" (the scorecard's `không có trong sổ`):
 * the pack says N targets, the person sees N rows. Where the host stores bindings, such a row
 * offers "Point to the figure" (`point`): the reader may only have missed the label.
 */
export function renderTargets(
  box: HTMLElement,
  rules: ReadonlyArray<PackRule>,
  byTarget: ReadonlyMap<string, TargetCounts>,
  lang: Lang,
  point?: { readonly view: PointView; readonly pack: RulePack },
): void {
  const num = (n: number, cls: string) => el('td', { class: n === 0 ? 'zero' : cls }, data(formatNumber(n, lang)));
  const rows = rules.flatMap((r) => {
    const c = byTarget.get(r.id);
    const name = el('th', { scope: 'row', id: targetTitleId(r.id) }, data(say(r.title, lang)));
    if (!c) {
      const subject = point && targetSubject(r, point.pack);
      const controls = subject && subject.indicators.length ? pointControls(subject, lang, point.view) : [];
      const open = controls.length && point?.view.draft?.key === subject?.key;
      const absent = el('td', { colspan: '3', class: 'absent', title: say(STRINGS.notInWorkbookHint, lang) }, say(STRINGS.notInWorkbook, lang));
      if (controls.length && !open) absent.append(' ', ...controls);
      const row = el('tr', { class: 'not-in-workbook', 'data-rule': r.id }, name, absent);
      // The open line gets a row of its own, the table's full width: a select and two buttons do not fit in a cell.
      return open ? [row, el('tr', { class: 'point-row', 'data-rule': r.id }, el('td', { colspan: '4' }, ...controls))] : [row];
    }
    return [el('tr', { 'data-rule': r.id }, name, num(c.shortfall, 'shortfall'), num(c.noData, 'no-data'), num(c.met, 'met'))];
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
