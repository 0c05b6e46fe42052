import { Lang } from '../src/words/lang';

/**
 * The language of the pane and of the reasons written on cells, from Office's display language.
 * Only the prefix counts (Mac reports odd regions); Vietnamese unless Office is in another language.
 */
export function languageOf(displayLanguage: string | undefined): Lang {
  const prefix = (displayLanguage ?? '').toLowerCase().split(/[-_]/)[0];
  return prefix === '' || prefix === 'vi' ? 'vi' : 'en';
}

/** The preview's language outside Office: Vietnamese when the browser lists it anywhere, else English. */
export function browserLanguage(languages: ReadonlyArray<string> | undefined): Lang {
  const list = languages ?? [];
  if (list.length === 0) return 'vi';
  return list.some((l) => languageOf(l) === 'vi' && l.trim() !== '') ? 'vi' : 'en';
}
