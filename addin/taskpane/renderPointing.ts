import { Lang } from '../../src/evaluate/format';
import { Localized } from '../../src/packs/rulePack';
import { el } from './dom';
import { FindingLine } from './findingsView';
import { say } from './say';
import { FORMATS, STRINGS } from './strings';

/** "Point to the figure" under way: kept by the pane, so a redraw (another language) keeps the choice. */
export interface PointDraft {
  /** The finding's index in the check's findings. */
  readonly index: number;
  /** What the selected cell is: an indicator id, or `current` / `baseline` for a period column. */
  readonly target: string;
}

export interface PointEvents {
  open(index: number): void;
  choose(target: string): void;
  use(): void;
  cancel(): void;
}

export interface PointView {
  readonly draft?: PointDraft;
  readonly busy: boolean;
  /** The pack's name of an indicator. */
  label(indicator: string): Localized;
  readonly on: PointEvents;
}

/**
 * What goes into a finding's point slot when its figure could not be located: a "Point to the
 * figure" button or, once pressed, one line asking the person to select the cell in Excel and
 * press "Use selected cell". The person works in the sheet between the two presses, so this is a
 * group of controls, not a modal form. Escape anywhere in it cancels. When the period column was
 * what was missing, a select says whether the cell is the indicator or a period column.
 */
export function pointActions(line: FindingLine, lang: Lang, view: PointView): Node[] {
  const point = line.pointTo;
  if (!point) return [];
  const i = line.index;
  if (view.draft?.index !== i) {
    const open = el(
      'button',
      { type: 'button', class: 'subtle point-open', 'aria-expanded': 'false', 'aria-describedby': `title-${i}`, title: say(STRINGS.pointOpenHint, lang), 'data-focus-key': `point:${i}` },
      say(STRINGS.pointOpen, lang),
    );
    open.disabled = view.busy;
    open.addEventListener('click', () => view.on.open(i));
    return [open];
  }

  const label = view.label(point.indicator);
  const promptId = `point-prompt-${i}`;
  const parts: HTMLElement[] = [el('p', { class: 'point-prompt', id: promptId }, say(FORMATS.pointPrompt(label), lang))];
  if (point.reason === 'no-period') {
    const select = el('select', { id: `point-target-${i}`, class: 'point-target', 'data-focus-key': `point-target:${i}` });
    const options: [string, Localized][] = [
      [point.indicator, FORMATS.pointIndicator(label)],
      ['current', STRINGS.pointCurrent],
      ['baseline', STRINGS.pointBaseline],
    ];
    for (const [value, text] of options) {
      const o = el('option', { value }, say(text, lang));
      o.selected = view.draft.target === value;
      select.append(o);
    }
    select.disabled = view.busy;
    select.addEventListener('change', () => view.on.choose(select.value));
    parts.push(el('label', { for: select.id }, say(STRINGS.pointTargetLabel, lang)), select);
  }
  const use = el('button', { type: 'button', class: 'primary point-use', 'aria-describedby': promptId, 'data-focus-key': `point-use:${i}` }, say(STRINGS.pointUse, lang));
  const cancel = el('button', { type: 'button', class: 'secondary point-cancel', 'data-focus-key': `point-cancel:${i}` }, say(STRINGS.pointCancel, lang));
  use.disabled = cancel.disabled = view.busy;
  use.addEventListener('click', () => view.on.use());
  cancel.addEventListener('click', () => view.on.cancel());

  const group = el(
    'div',
    { class: 'point-panel', role: 'group', id: `point-panel-${i}`, 'aria-label': say(FORMATS.pointFormOf(line.title, line.unit), lang) },
    ...parts,
    el('div', { class: 'form-buttons' }, use, cancel),
  );
  group.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    view.on.cancel();
  });
  return [group];
}
