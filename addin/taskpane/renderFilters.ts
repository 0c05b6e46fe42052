import { FindingStatus } from '../../src/evaluate/finding';
import { Lang } from '../../src/evaluate/format';
import { FindingFilter, STATUSES } from './findingsView';
import { data, el } from './dom';
import { say } from './say';
import { STATUS_TEXT } from './statusChip';
import { STRINGS } from './strings';

export interface FilterEvents {
  toggleStatus(status: FindingStatus): void;
  chooseUnit(unit: string | undefined): void;
  /** Given when the host keeps reviews: the "Unreviewed" toggle is shown. */
  toggleUnreviewed?(): void;
}

/**
 * Status toggles (buttons with aria-pressed, each with its count), "Unreviewed" where there are
 * reviews, and a unit chooser. Redrawn with the list; focus is kept by `data-focus-key`.
 */
export function renderFilters(
  box: HTMLElement,
  filter: FindingFilter,
  counts: Record<FindingStatus, number> & { unreviewed?: number },
  units: ReadonlyArray<string>,
  lang: Lang,
  on: FilterEvents,
): void {
  const toggles = STATUSES.map((s) => {
    const pressed = filter.statuses.has(s);
    const b = el(
      'button',
      { type: 'button', class: `toggle ${s}`, 'aria-pressed': String(pressed), 'data-status': s, 'data-focus-key': `filter:${s}` },
      el('span', { class: 'toggle-mark', 'aria-hidden': 'true' }),
      say(STATUS_TEXT[s], lang),
      ' ',
      data(String(counts[s]), { class: 'count' }),
    );
    b.addEventListener('click', () => on.toggleStatus(s));
    return b;
  });
  const toggleUnreviewed = on.toggleUnreviewed;
  if (toggleUnreviewed) {
    const b = el(
      'button',
      {
        type: 'button',
        class: 'toggle unreviewed',
        'aria-pressed': String(filter.unreviewed === true),
        'data-filter': 'unreviewed',
        'data-focus-key': 'filter:unreviewed',
        title: say(STRINGS.filterUnreviewedHint, lang),
      },
      el('span', { class: 'toggle-mark', 'aria-hidden': 'true' }),
      say(STRINGS.filterUnreviewed, lang),
      ' ',
      data(String(counts.unreviewed ?? 0), { class: 'count' }),
    );
    b.addEventListener('click', () => toggleUnreviewed());
    toggles.push(b);
  }
  const select = el('select', { id: 'unit-filter', 'data-focus-key': 'filter:unit' }, el('option', { value: '' }, say(STRINGS.allUnits, lang)));
  for (const u of units) select.append(el('option', { value: u, 'data-source': '' }, u));
  select.value = filter.unit ?? '';
  select.addEventListener('change', () => on.chooseUnit(select.value === '' ? undefined : select.value));

  box.replaceChildren(
    el('h3', { id: 'filters-title', class: 'visually-hidden' }, say(STRINGS.filtersTitle, lang)),
    el('div', { class: 'filter-row', role: 'group', 'aria-label': say(STRINGS.filterStatus, lang) }, ...toggles),
    el('div', { class: 'filter-row' }, el('label', { for: 'unit-filter' }, say(STRINGS.filterUnit, lang)), select),
  );
}
