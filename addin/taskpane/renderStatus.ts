import { Lang } from '../../src/evaluate/format';
import { PaneMessage } from '../paneHost';
import { el } from './dom';
import { say } from './say';

/** Status messages in the pane's language: a live region, so a screen reader hears the outcome of each action. */
export function renderStatus(box: HTMLElement, messages: ReadonlyArray<PaneMessage>, lang: Lang): void {
  box.replaceChildren(...messages.map(({ text, tone }) => el('p', { class: `message ${tone}` }, say(text, lang))));
}
