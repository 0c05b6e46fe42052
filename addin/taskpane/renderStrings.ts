import { say } from './say';
import { STRINGS, StringKey } from './strings';
import { Lang } from '../../src/words/lang';

/**
 * The fixed texts of the page's markup in `lang`: elements name their string with `data-l10n`
 * (text), `data-l10n-aria-label` and `data-l10n-title` (attributes), so the HTML holds no prose
 * that could escape translation.
 */
export function renderStrings(root: Document, lang: Lang): void {
  root.documentElement.lang = lang;
  root.title = `${say(STRINGS.title, lang)} — Pledge Check`;
  const text = (key: string | null) => (key && key in STRINGS ? say(STRINGS[key as StringKey], lang) : undefined);
  for (const e of root.querySelectorAll<HTMLElement>('[data-l10n]')) {
    const t = text(e.getAttribute('data-l10n'));
    // Written only when it changes: an unchanged text rewritten still makes the browser restyle it.
    if (t !== undefined && e.textContent !== t) e.textContent = t;
  }
  for (const [attr, target] of [
    ['data-l10n-aria-label', 'aria-label'],
    ['data-l10n-title', 'title'],
  ] as const) {
    for (const e of root.querySelectorAll<HTMLElement>(`[${attr}]`)) {
      const t = text(e.getAttribute(attr));
      if (t !== undefined && e.getAttribute(target) !== t) e.setAttribute(target, t);
    }
  }
  // The language switch names the other language in that language.
  root.getElementById('language')?.setAttribute('lang', lang === 'vi' ? 'en' : 'vi');
}
