import { FindingStatus } from '../../src/evaluate/finding';
import { formatNumber } from '../../src/evaluate/format';
import { FindingFilter, STATUSES } from './findingsView';
import { data, el } from './dom';
import { say } from './say';
import { STATUS_TEXT } from './statusChip';
import { STRINGS } from './strings';
import { fold } from '../../src/tables/text';
import { Lang } from '../../src/words/lang';

export interface FilterEvents {
  toggleStatus(status: FindingStatus): void;
  chooseUnit(unit: string | undefined): void;
  /** Given when the host keeps reviews: the "Unreviewed" toggle is shown. */
  toggleUnreviewed?(): void;
}

/** Units listed in a drop-down at most; beyond, a search box with suggestions. */
const SELECT_UNITS = 200;
/** Suggestions offered at once under the search box. */
const SUGGESTIONS = 30;

/**
 * The unit chooser, made once per check and kept in the page between redraws. Up to 200 units it
 * is a drop-down; a national check has 40,000 unit rows, and a <select> that large made the
 * browser measure every option at each redraw (4 s a click), so it is then a search box whose
 * suggestions (a <datalist>) are the first units that contain what was typed, found as it is
 * typed: 40,000 options in the page, even never drawn, made every restyle of the pane slower.
 */
let cached: { units: ReadonlyArray<string>; count: number; control: HTMLSelectElement | HTMLInputElement; extra?: HTMLElement } | undefined;
let chosen: (unit: string | undefined) => void = () => undefined;

function unitChooser(units: ReadonlyArray<string>, lang: Lang): { control: HTMLSelectElement | HTMLInputElement; extra?: HTMLElement } {
  const stale =
    !cached ||
    cached.units !== units ||
    !cached.control.ownerDocument.contains(cached.control) ||
    // The same check's later batches add units: a drop-down is made again, or becomes a search box.
    (cached.count !== units.length && (cached.control instanceof HTMLSelectElement || units.length <= SELECT_UNITS));
  if (stale) {
    if (units.length <= SELECT_UNITS) {
      const select = el('select', { id: 'unit-filter', 'data-focus-key': 'filter:unit' }, el('option', { value: '' }));
      for (const u of units) select.append(el('option', { value: u, 'data-source': '' }, u));
      select.addEventListener('change', () => chosen(select.value === '' ? undefined : select.value));
      cached = { units, count: units.length, control: select };
    } else {
      const list = el('datalist', { id: 'unit-options' });
      const input = el('input', { id: 'unit-filter', type: 'search', list: 'unit-options', autocomplete: 'off', 'data-focus-key': 'filter:unit' });
      input.addEventListener('input', () => suggest(list, units, input.value));
      // Only a whole unit name filters; cleared, the box shows every unit again.
      input.addEventListener('change', () => {
        if (input.value === '') chosen(undefined);
        else if (units.includes(input.value)) chosen(input.value);
      });
      suggest(list, units, '');
      cached = { units, count: units.length, control: input, extra: list };
    }
  }
  const c = cached!;
  c.count = units.length;
  if (c.control instanceof HTMLSelectElement) c.control.options[0].textContent = say(STRINGS.allUnits, lang);
  else c.control.placeholder = say(STRINGS.allUnits, lang);
  return c;
}

/** The first units whose name contains the typed text (case and accents aside), as the datalist's options. */
function suggest(list: HTMLElement, units: ReadonlyArray<string>, typed: string): void {
  const want = fold(typed);
  const options: HTMLOptionElement[] = [];
  for (let i = 0; i < units.length && options.length < SUGGESTIONS; i++) {
    if (want === '' || fold(units[i]).includes(want)) options.push(el('option', { value: units[i], 'data-source': '' }));
  }
  list.replaceChildren(...options);
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
      data(formatNumber(counts[s], lang), { class: 'count' }),
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
      data(formatNumber(counts.unreviewed ?? 0, lang), { class: 'count' }),
    );
    b.addEventListener('click', () => toggleUnreviewed());
    toggles.push(b);
  }
  const { control: select, extra } = unitChooser(units, lang);
  chosen = on.chooseUnit;
  const heading = el('h3', { id: 'filters-title', class: 'visually-hidden' }, say(STRINGS.filtersTitle, lang));
  const statusRow = el('div', { class: 'filter-row', role: 'group', 'aria-label': say(STRINGS.filterStatus, lang) }, ...toggles);
  const unitLabel = el('label', { for: 'unit-filter' }, say(STRINGS.filterUnit, lang));
  // The unit row stays in the page when it holds this chooser already: re-inserting 40,000 options made the browser restyle them all.
  const unitRow = select.parentElement?.parentElement === box ? select.parentElement : undefined;
  if (unitRow) {
    unitRow.firstElementChild?.replaceWith(unitLabel);
    for (const c of [...box.children]) if (c !== unitRow) c.remove();
    unitRow.before(heading, statusRow);
  } else {
    box.replaceChildren(heading, statusRow, el('div', { class: 'filter-row' }, unitLabel, select, ...(extra ? [extra] : [])));
  }
  if (select.value !== (filter.unit ?? '')) select.value = filter.unit ?? '';
}
