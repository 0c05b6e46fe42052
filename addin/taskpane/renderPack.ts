import { problemLines } from '../../src/authoring/lintReport';
import { PackProblem } from '../../src/packs/packProblem';
import { RulePack } from '../../src/packs/rulePack';
import { choiceKey, PackChoice } from '../packChoice';
import { data, el } from './dom';
import { say } from './say';
import { FORMATS, STRINGS } from './strings';
import { Lang } from '../../src/words/lang';

export interface PackOption {
  readonly choice: PackChoice;
  /** The pack's own title, when it could be read. */
  readonly pack?: RulePack;
}

/** The pack chooser: the shipped packs by title, then the file the person opened, if any. */
export function renderPackSelect(select: HTMLSelectElement, options: ReadonlyArray<PackOption>, selected: PackChoice, lang: Lang): void {
  select.replaceChildren(
    ...options.map(({ choice, pack }) => {
      const full = choice.kind === 'file' ? `${say(STRINGS.packFilePrefix, lang)}: ${choice.name}` : pack ? say(pack.title, lang) : choice.id;
      const o = el('option', { value: choiceKey(choice), title: full }, choice.kind === 'file' ? full : distinctFirst(full));
      if (choice.kind === 'builtin') o.setAttribute('data-pack-id', choice.id);
      return o;
    }),
  );
  select.value = choiceKey(selected);
}

/**
 * A pack title with the part that tells packs apart first: the shipped titles share their start
 * ("Giao ước thi đua … — Cụm thi đua số 5"), which is all a 350 px pane showed of each.
 */
export function distinctFirst(title: string): string {
  const at = title.lastIndexOf(' — ');
  if (at < 0) return title;
  const tail = title.slice(at + 3);
  return `${tail.charAt(0).toLocaleUpperCase('vi')}${tail.slice(1)} (${title.slice(0, at)})`;
}

/** One line under the chooser: how many targets, which version. */
export function renderPackInfo(box: HTMLElement, pack: RulePack | undefined, lang: Lang): void {
  box.replaceChildren(...(pack ? [data(`${pack.id} · `), say(FORMATS.packInfo(pack.rules.length, pack.version), lang)] : []));
}

/**
 * A refused pack: the same lines `pledge-check lint` prints (file:line:col, severity, message,
 * rule id), so what the pane says can be looked up and fixed the same way.
 */
export function renderPackProblems(box: HTMLElement, refused: { file: string; problems: ReadonlyArray<PackProblem> } | undefined, lang: Lang): void {
  if (!refused) {
    box.replaceChildren();
    return;
  }
  const lines = problemLines(refused.problems, lang);
  box.replaceChildren(
    el('p', { class: 'message error' }, say(FORMATS.packRefused(refused.file), lang)),
    el('ul', { class: 'lint' }, ...lines.map((l) => el('li', {}, data(l)))),
  );
}
