import { Lang } from '../src/evaluate/format';

/**
 * The language of the pane and of the reasons written on cells, from Office's display language.
 * Only the prefix counts (Mac reports odd regions); Vietnamese unless Office is in another language.
 */
export function languageOf(displayLanguage: string | undefined): Lang {
  const prefix = (displayLanguage ?? '').toLowerCase().split(/[-_]/)[0];
  return prefix === '' || prefix === 'vi' ? 'vi' : 'en';
}
