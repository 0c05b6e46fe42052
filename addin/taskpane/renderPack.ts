import { Lang } from '../../src/evaluate/format';
import { problemLines } from '../../src/packs/lintReport';
import { PackProblem } from '../../src/packs/packProblem';
import { RulePack } from '../../src/packs/rulePack';
import { choiceKey, PackChoice } from '../packChoice';
import { data, el } from './dom';
import { say } from './say';
import { FORMATS, STRINGS } from './strings';

export interface PackOption {
  readonly choice: PackChoice;
  /** The pack's own title, when it could be read. */
  readonly pack?: RulePack;
}

/** The pack chooser: the shipped packs by title, then the file the person opened, if any. */
export function renderPackSelect(select: HTMLSelectElement, options: ReadonlyArray<PackOption>, selected: PackChoice, lang: Lang): void {
  select.replaceChildren(
    ...options.map(({ choice, pack }) => {
      const name = choice.kind === 'file' ? `${say(STRINGS.packFilePrefix, lang)}: ${choice.name}` : pack ? say(pack.title, lang) : choice.id;
      const o = el('option', { value: choiceKey(choice) }, name);
      if (choice.kind === 'builtin') o.setAttribute('data-pack-id', choice.id);
      return o;
    }),
  );
  select.value = choiceKey(selected);
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
