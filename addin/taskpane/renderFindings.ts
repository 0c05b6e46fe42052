import { FindingLine, UnitGroup } from './findingsView';
import { data, el } from './dom';
import { pointActions, PointView } from './renderPointing';
import { reviewActions, ReviewView } from './renderReview';
import { say } from './say';
import { statusChip } from './statusChip';
import { FORMATS, STRINGS } from './strings';
import { Lang } from '../../src/words/lang';

/**
 * The findings grouped by unit. Each finding is a list item whose main part is a real button, so
 * Tab reaches it, Enter and Space activate it, and a click anywhere on the item does the same
 * (`goTo`). The reason is the button's description. `.finding-actions`, outside the button so
 * it can hold buttons and a form, has the finding's review where the host keeps reviews, and
 * "Point to the figure" on a no-data finding whose figure could not be located, where the host
 * stores bindings.
 */
export function renderFindings(box: HTMLElement, groups: ReadonlyArray<UnitGroup>, lang: Lang, review?: ReviewView, left = 0, point?: PointView): void {
  if (groups.length === 0) {
    box.replaceChildren(el('p', { class: 'empty' }, say(STRINGS.nothingMatches, lang)));
    return;
  }
  box.replaceChildren(...groups.map((g, i) => unitSection(g, i, lang, review, point)), ...moreButton(left, lang));
}

/**
 * "Show more": the next page's lines added after those drawn, which stay as they are (a redraw of
 * every page shown would grow with each click). A unit cut by the page goes on in its own list.
 */
export function appendFindings(box: HTMLElement, groups: ReadonlyArray<UnitGroup>, lang: Lang, review?: ReviewView, left = 0, point?: PointView): void {
  box.querySelector('[data-action="more"]')?.remove();
  const sections = box.querySelectorAll('section.unit');
  const lastList = sections[sections.length - 1]?.querySelector('ul.findings');
  let rest = groups;
  if (lastList && groups.length > 0 && lastList.lastElementChild?.getAttribute('data-unit') === groups[0].unit) {
    lastList.append(...groups[0].lines.map((l) => findingItem(l, lang, review, point)));
    rest = groups.slice(1);
  }
  box.append(...rest.map((g, i) => unitSection(g, sections.length + i, lang, review, point)), ...moreButton(left, lang));
}

function unitSection(g: UnitGroup, i: number, lang: Lang, review: ReviewView | undefined, point: PointView | undefined): HTMLElement {
  const heading = el('h3', { id: `unit-${i}` }, data(g.unit));
  const list = el('ul', { class: 'findings', 'aria-label': say(FORMATS.findingsOf(g.unit), lang) }, ...g.lines.map((l) => findingItem(l, lang, review, point)));
  return el('section', { class: 'unit', 'aria-labelledby': `unit-${i}` }, heading, list);
}

/** Only the first pages of a long list are drawn; "Show more" (a real button, so the keyboard reaches it) adds the next. */
function moreButton(left: number, lang: Lang): HTMLElement[] {
  return left > 0
    ? [
        el(
          'button',
          { type: 'button', class: 'secondary more', 'data-action': 'more', 'data-focus-key': 'more' },
          say(FORMATS.moreLeft(Math.min(PAGE_HINT, left), left), lang),
        ),
      ]
    : [];
}

/** What one "Show more" adds (the pane's PAGE; repeated here so this module does not import the pane). */
const PAGE_HINT = 100;

function findingItem(line: FindingLine, lang: Lang, review: ReviewView | undefined, point: PointView | undefined): HTMLLIElement {
  const figures = el('span', { class: 'figures' }, label(STRINGS.actual, lang), data(line.actual, { class: 'figure' }));
  if (line.target) figures.append(' · ', label(STRINGS.target, lang), data(line.target, { class: 'figure' }));
  if (line.gap) figures.append(' · ', label(STRINGS.gap, lang), data(line.gap, { class: 'figure gap' }));
  const reasonId = `reason-${line.index}`;
  const main = el(
    'button',
    {
      type: 'button',
      class: 'finding-main',
      'data-focus-key': `finding:${line.index}`,
      'aria-describedby': line.reason ? reasonId : undefined,
      title: say(STRINGS.goToHint, lang),
    },
    el('span', { class: 'finding-head' }, statusChip(line.status, lang), el('span', { class: 'finding-title', id: `title-${line.index}` }, data(line.title))),
    figures,
    el('span', { class: 'cell-ref' }, label(STRINGS.cell, lang), data(`${line.sheet}!${line.cell}`)),
  );
  const reviewed = line.review ? (line.review.changed ? ' reviewed changed' : ' reviewed') : '';
  const item = el(
    'li',
    { class: `finding ${line.status}${reviewed}`, 'data-finding': String(line.index), 'data-rule': line.ruleId, 'data-unit': line.unit },
    main,
  );
  if (line.reason) item.append(el('p', { class: 'reason', id: reasonId }, data(line.reason)));
  if (point && line.pointTo) item.append(el('div', { class: 'finding-actions', 'data-slot': 'point' }, ...pointActions(line, lang, point)));
  item.append(el('div', { class: 'finding-actions', 'data-slot': 'review' }, ...(review ? reviewActions(line, lang, review) : [])));
  return item;
}

function label(text: { vi: string; en: string }, lang: Lang): HTMLSpanElement {
  return el('span', { class: 'label' }, `${say(text, lang)} `);
}
