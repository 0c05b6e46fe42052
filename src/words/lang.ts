/**
 * The two languages the product speaks, Vietnamese first. Every layer says things to people, so
 * this sits on the ground floor: anything may import it, it imports nothing.
 */
export type Lang = 'vi' | 'en';

/** Text in both languages the product speaks: Vietnamese first. */
export interface Localized {
  readonly vi: string;
  readonly en: string;
}
