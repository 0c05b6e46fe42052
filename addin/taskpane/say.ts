import { Lang, Localized } from '../../src/words/lang';

/**
 * The one way the pane turns a text into words on screen. Everything it shows is either passed
 * through here or is data (unit names, figures, cells) marked `data-source`, which is what lets
 * the pseudo-locale test replace this function and find any text that bypassed translation.
 */
export function say(text: Localized, lang: Lang): string {
  return text[lang];
}

export const otherLang = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');
