import { PaneMessage } from '../paneHost';
import { el } from './dom';
import { say } from './say';
import { STRINGS } from './strings';
import { Lang } from '../../src/words/lang';

/** Status messages in the pane's language: a live region, so a screen reader hears the outcome of each action. */
export function renderStatus(box: HTMLElement, messages: ReadonlyArray<PaneMessage>, lang: Lang): void {
  box.replaceChildren(
    ...messages.map(({ text, tone, action }) => el('p', { class: `message ${tone}` }, say(text, lang), ...(action ? [' ', actionButton(action, lang)] : []))),
  );
}

/** The pane listens for clicks on `[data-action]` in the status box. */
function actionButton(action: NonNullable<PaneMessage['action']>, lang: Lang): HTMLButtonElement {
  return el('button', { type: 'button', class: 'secondary', 'data-action': action, 'data-focus-key': `action:${action}` }, say(STRINGS.checkAgain, lang));
}
