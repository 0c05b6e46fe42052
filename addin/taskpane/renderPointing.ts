import { factsOfConditions } from '../../src/packs/conditionFacts';
import { indicatorsOfFact } from '../../src/evaluate/unitFacts';
import { PackRule, RulePack } from '../../src/packs/rulePack';
import { el } from './dom';
import { FindingLine } from './findingsView';
import { say } from './say';
import { FORMATS, STRINGS } from './strings';
import { Lang, Localized } from '../../src/words/lang';

/** "Point to the figure" under way: kept by the pane, so a redraw (another language) keeps the choice. */
export interface PointDraft {
  /** Whose line is open: `finding:<index>` or `target:<rule id>` (see PointSubject). */
  readonly key: string;
  /** What the selected cell is: an indicator id, or `current` / `baseline` for a period column. */
  readonly target: string;
}

export interface PointEvents {
  open(key: string): void;
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

/** What can be pointed to: a no-data finding, or a target the workbook seems not to have. */
export interface PointSubject {
  readonly key: string;
  /** The indicators the selected cell may be, the first chosen unless the person picks another. */
  readonly indicators: ReadonlyArray<string>;
  /** Offer "this period's column" and "the comparison period's column" too. */
  readonly periods: boolean;
  /** The id of the element naming the subject (the button is described by it). */
  readonly describedBy: string;
  /** The open line's accessible name. */
  readonly name: Localized;
}

/** A finding's subject, when its figure could not be located (FindingLine.pointTo). */
export function findingSubject(line: FindingLine): PointSubject | undefined {
  const p = line.pointTo;
  if (!p) return undefined;
  return {
    key: `finding:${line.index}`,
    indicators: [p.indicator],
    periods: p.reason === 'no-period',
    describedBy: `title-${line.index}`,
    name: FORMATS.pointFormOf(line.title, line.unit),
  };
}

/**
 * A target listed as not in the workbook: none of its indicators was found, so the cell may be any
 * of them (the indicators the evaluator reads for the rule, in the same way).
 */
export function targetSubject(rule: PackRule, pack: RulePack): PointSubject {
  const indicators = [...new Set([...factsOfConditions(rule.conditions)].flatMap((f) => indicatorsOfFact(pack, f)))];
  return { key: `target:${rule.id}`, indicators, periods: false, describedBy: targetTitleId(rule.id), name: FORMATS.pointTargetFormOf(rule.title) };
}

/** The id of a target's name in the targets table. */
export function targetTitleId(ruleId: string): string {
  return `target-title-${ruleId.replace(/[^A-Za-z0-9-]/g, '-')}`;
}

/** A finding's point slot: the button, or the open line. */
export function pointActions(line: FindingLine, lang: Lang, view: PointView): Node[] {
  const subject = findingSubject(line);
  return subject ? pointControls(subject, lang, view) : [];
}

/**
 * A "Point to the figure" button or, once pressed, one line asking the person to select the cell
 * in Excel and press "Use selected cell". The person works in the sheet between the two presses,
 * so this is a group of controls, not a modal form. Escape anywhere in it cancels. When the cell
 * may be more than one thing (a period column, one of a target's indicators), a select says which.
 */
export function pointControls(subject: PointSubject, lang: Lang, view: PointView): Node[] {
  const key = subject.key;
  const id = key.replace(/[^A-Za-z0-9-]/g, '-');
  if (view.draft?.key !== key) {
    const open = el(
      'button',
      {
        type: 'button',
        class: 'subtle point-open',
        'aria-expanded': 'false',
        'aria-describedby': subject.describedBy,
        title: say(STRINGS.pointOpenHint, lang),
        'data-focus-key': `point:${key}`,
      },
      say(STRINGS.pointOpen, lang),
    );
    open.disabled = view.busy;
    open.addEventListener('click', () => view.on.open(key));
    return [open];
  }

  const first = subject.indicators[0];
  const promptId = `point-prompt-${id}`;
  // With a choice to make, the prompt names none of the choices: the select below does.
  const prompt = subject.indicators.length > 1 ? STRINGS.pointPromptChoose : FORMATS.pointPrompt(view.label(first));
  const parts: HTMLElement[] = [el('p', { class: 'point-prompt', id: promptId }, say(prompt, lang))];
  const options: [string, Localized][] = subject.indicators.map((i) => [i, FORMATS.pointIndicator(view.label(i))]);
  if (subject.periods) options.push(['current', STRINGS.pointCurrent], ['baseline', STRINGS.pointBaseline]);
  if (options.length > 1) {
    const select = el('select', { id: `point-target-${id}`, class: 'point-target', 'data-focus-key': `point-target:${key}` });
    for (const [value, text] of options) {
      const o = el('option', { value }, say(text, lang));
      o.selected = view.draft.target === value;
      select.append(o);
    }
    select.disabled = view.busy;
    select.addEventListener('change', () => view.on.choose(select.value));
    parts.push(el('label', { for: select.id }, say(STRINGS.pointTargetLabel, lang)), select);
  }
  const use = el(
    'button',
    { type: 'button', class: 'primary point-use', 'aria-describedby': promptId, 'data-focus-key': `point-use:${key}` },
    say(STRINGS.pointUse, lang),
  );
  const cancel = el('button', { type: 'button', class: 'secondary point-cancel', 'data-focus-key': `point-cancel:${key}` }, say(STRINGS.pointCancel, lang));
  use.disabled = cancel.disabled = view.busy;
  use.addEventListener('click', () => view.on.use());
  cancel.addEventListener('click', () => view.on.cancel());

  const group = el(
    'div',
    { class: 'point-panel', role: 'group', id: `point-panel-${id}`, 'aria-label': say(subject.name, lang) },
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
